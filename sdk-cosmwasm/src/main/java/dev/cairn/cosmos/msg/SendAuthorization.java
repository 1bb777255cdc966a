package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /cosmos.bank.v1beta1.SendAuthorization}: an authz grant to send up to a spend limit,
 * optionally only to listed addresses. Carried in an Any inside {@link MsgGrant}.
 */
public final class SendAuthorization extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.bank.v1beta1.SendAuthorization";

  private final List<Coin> spendLimit;
  private final List<String> allowList;

  private SendAuthorization(List<Coin> spendLimit, List<String> allowList) {
    this.spendLimit = spendLimit;
    this.allowList = allowList;
  }

  /** @throws CosmosException (INVALID_INPUT) naming the field */
  public static SendAuthorization of(List<Coin> spendLimit, List<String> allowList) {
    List<String> a = list("allowList", allowList);
    for (int i = 0; i < a.size(); i++) {
      address("allowList[" + i + "]", a.get(i));
    }
    return new SendAuthorization(coins("spendLimit", spendLimit), a);
  }

  public List<Coin> spendLimit() {
    return spendLimit;
  }

  public List<String> allowList() {
    return allowList;
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
    for (String s : allowList) {
      w.message(2, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return w.toByteArray();
  }

  static SendAuthorization decode(ProtoReader r) {
    List<Coin> limit = new ArrayList<>();
    List<String> allow = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          limit.add(readCoin(r, "spend_limit"));
          break;
        case 2:
          allow.add(r.string("allow_list"));
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(limit, allow);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    return JsonObject.builder().put("spendLimit", coinsJson(spendLimit)).put("allowList", strings(allowList)).build();
  }

  static SendAuthorization fromJson(JsonObject o) {
    return of(coinsFromJson(o, "spendLimit"), stringsFromJson(o, "allowList"));
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
