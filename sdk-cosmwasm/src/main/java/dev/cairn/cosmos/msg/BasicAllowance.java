package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /cosmos.feegrant.v1beta1.BasicAllowance}: a fee allowance up to a spend limit (empty for
 * no limit) until an optional expiration. Carried in an Any inside {@link MsgGrantAllowance}.
 */
public final class BasicAllowance extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.feegrant.v1beta1.BasicAllowance";

  private final List<Coin> spendLimit;
  private final Instant expiration; // nullable

  private BasicAllowance(List<Coin> spendLimit, Instant expiration) {
    this.spendLimit = spendLimit;
    this.expiration = expiration;
  }

  /**
   * @param expiration when the allowance ends, or {@code null} for never
   * @throws CosmosException (INVALID_INPUT) naming the field
   */
  public static BasicAllowance of(List<Coin> spendLimit, Instant expiration) {
    return new BasicAllowance(coins("spendLimit", spendLimit),
        expiration == null ? null : timestamp("expiration", expiration));
  }

  public List<Coin> spendLimit() {
    return spendLimit;
  }

  public Optional<Instant> expiration() {
    return Optional.ofNullable(expiration);
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    for (Coin c : spendLimit) {
      w.message(1, Wire.coin(c));
    }
    if (expiration != null) {
      w.message(2, timestampProto(expiration));
    }
    return w.toByteArray();
  }

  static BasicAllowance decode(ProtoReader r) {
    List<Coin> limit = new ArrayList<>();
    Instant exp = null;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          limit.add(readCoin(r, "spend_limit"));
          break;
        case 2:
          exp = readTimestamp(r, "expiration");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(limit, exp);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  static BasicAllowance read(ProtoReader parent, byte[] b) {
    return decode(parent.nested(b, "BasicAllowance", parent.payloadOffset(b)));
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder().put("spendLimit", coinsJson(spendLimit));
    if (expiration != null) {
      b.put("expiration", secondsNanosJson(expiration.getEpochSecond(), expiration.getNano()));
    }
    return b.build();
  }

  static BasicAllowance fromJson(JsonObject o) {
    JsonValue e = o.get("expiration");
    Instant exp = null;
    if (e != null && !e.isNull()) {
      long[] sn = secondsNanosFromJson("expiration", e);
      exp = Instant.ofEpochSecond(sn[0], sn[1]);
    }
    return of(coinsFromJson(o, "spendLimit"), exp);
  }

  @Override
  public boolean hasAmino() {
    return false;
  }

  @Override
  public String aminoType() {
    throw noAmino(TYPE_URL);
  }

  @Override
  public JsonObject toAmino() {
    throw noAmino(TYPE_URL);
  }
}
