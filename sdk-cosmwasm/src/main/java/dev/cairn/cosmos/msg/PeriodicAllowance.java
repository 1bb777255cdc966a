package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /cosmos.feegrant.v1beta1.PeriodicAllowance}: a {@link BasicAllowance} plus a limit per
 * period that resets. Carried in an Any inside {@link MsgGrantAllowance}.
 */
public final class PeriodicAllowance extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.feegrant.v1beta1.PeriodicAllowance";

  private final BasicAllowance basic;
  private final Duration period;
  private final List<Coin> periodSpendLimit;
  private final List<Coin> periodCanSpend;
  private final Instant periodReset;

  private PeriodicAllowance(BasicAllowance basic, Duration period, List<Coin> periodSpendLimit,
      List<Coin> periodCanSpend, Instant periodReset) {
    this.basic = basic;
    this.period = period;
    this.periodSpendLimit = periodSpendLimit;
    this.periodCanSpend = periodCanSpend;
    this.periodReset = periodReset;
  }

  /** @throws CosmosException (INVALID_INPUT) naming the field */
  public static PeriodicAllowance of(BasicAllowance basic, Duration period, List<Coin> periodSpendLimit,
      List<Coin> periodCanSpend, Instant periodReset) {
    if (basic == null) {
      throw CosmosException.invalid("basic", "is null");
    }
    return new PeriodicAllowance(basic, duration("period", period), coins("periodSpendLimit", periodSpendLimit),
        coins("periodCanSpend", periodCanSpend), timestamp("periodReset", periodReset));
  }

  public BasicAllowance basic() {
    return basic;
  }

  public Duration period() {
    return period;
  }

  public List<Coin> periodSpendLimit() {
    return periodSpendLimit;
  }

  public List<Coin> periodCanSpend() {
    return periodCanSpend;
  }

  public Instant periodReset() {
    return periodReset;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().message(1, basic.encode()).message(2, durationProto(period));
    for (Coin c : periodSpendLimit) {
      w.message(3, Wire.coin(c));
    }
    for (Coin c : periodCanSpend) {
      w.message(4, Wire.coin(c));
    }
    return w.message(5, timestampProto(periodReset)).toByteArray();
  }

  static PeriodicAllowance decode(ProtoReader r) {
    BasicAllowance basic = null;
    Duration period = Duration.ZERO;
    List<Coin> limit = new ArrayList<>();
    List<Coin> can = new ArrayList<>();
    Instant reset = Instant.EPOCH;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          basic = BasicAllowance.read(r, r.bytes("basic"));
          break;
        case 2:
          period = readDuration(r, "period");
          break;
        case 3:
          limit.add(readCoin(r, "period_spend_limit"));
          break;
        case 4:
          can.add(readCoin(r, "period_can_spend"));
          break;
        case 5:
          reset = readTimestamp(r, "period_reset");
          break;
        default:
          r.skip();
      }
    }
    if (basic == null) {
      basic = BasicAllowance.of(new ArrayList<>(), null);
    }
    try {
      return of(basic, period, limit, can, reset);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    return JsonObject.builder().put("basic", basic.toJson())
        .put("period", secondsNanosJson(period.getSeconds(), period.getNano()))
        .put("periodSpendLimit", coinsJson(periodSpendLimit)).put("periodCanSpend", coinsJson(periodCanSpend))
        .put("periodReset", secondsNanosJson(periodReset.getEpochSecond(), periodReset.getNano())).build();
  }

  static PeriodicAllowance fromJson(JsonObject o) {
    long[] p = secondsNanosFromJson("period", member(o, "period"));
    long[] t = secondsNanosFromJson("periodReset", member(o, "periodReset"));
    return of(BasicAllowance.fromJson(obj(o, "basic")), Duration.ofSeconds(p[0], p[1]),
        coinsFromJson(o, "periodSpendLimit"), coinsFromJson(o, "periodCanSpend"), Instant.ofEpochSecond(t[0], t[1]));
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
