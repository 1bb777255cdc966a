package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;

/** {@code /cosmos.staking.v1beta1.MsgUndelegate}: undelegate tokens from a validator. */
public final class MsgUndelegate extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.staking.v1beta1.MsgUndelegate";

  private final String delegatorAddress;
  private final String validatorAddress;
  private final Coin amount;

  private MsgUndelegate(String delegatorAddress, String validatorAddress, Coin amount) {
    this.delegatorAddress = delegatorAddress;
    this.validatorAddress = validatorAddress;
    this.amount = amount;
  }

  /**
   * A MsgUndelegate.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgUndelegate of(String delegatorAddress, String validatorAddress, Coin amount) {
    return new MsgUndelegate(address("delegatorAddress", delegatorAddress), address("validatorAddress", validatorAddress), coin("amount", amount));
  }

  public String delegatorAddress() {
    return delegatorAddress;
  }

  public String validatorAddress() {
    return validatorAddress;
  }

  public Coin amount() {
    return amount;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    w.string(1, delegatorAddress);
    w.string(2, validatorAddress);
    w.message(3, Wire.coin(amount));
    return w.toByteArray();
  }

  static MsgUndelegate decode(ProtoReader r) {
    String delegatorAddress = "";
    String validatorAddress = "";
    Coin amount = null;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          delegatorAddress = r.string("delegator_address");
          break;
        case 2:
          validatorAddress = r.string("validator_address");
          break;
        case 3:
          amount = readCoin(r, "amount");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(delegatorAddress, validatorAddress, amount);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("delegatorAddress", delegatorAddress);
    b.put("validatorAddress", validatorAddress);
    b.put("amount", coinJson(amount));
    return b.build();
  }

  static MsgUndelegate fromJson(JsonObject o) {
    return of(str(o, "delegatorAddress"), str(o, "validatorAddress"), coinFromJson("amount", member(o, "amount")));
  }

  @Override
  public String aminoType() {
    return "cosmos-sdk/MsgUndelegate";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("delegator_address", delegatorAddress);
    b.put("validator_address", validatorAddress);
    b.put("amount", coinJson(amount));
    return b.build();
  }
}
