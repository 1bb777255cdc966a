package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;

/** {@code /cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward}: withdraw a delegation's rewards (amino name {@code cosmos-sdk/MsgWithdrawDelegationReward}). */
public final class MsgWithdrawDelegatorReward extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward";

  private final String delegatorAddress;
  private final String validatorAddress;

  private MsgWithdrawDelegatorReward(String delegatorAddress, String validatorAddress) {
    this.delegatorAddress = delegatorAddress;
    this.validatorAddress = validatorAddress;
  }

  /**
   * A MsgWithdrawDelegatorReward.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgWithdrawDelegatorReward of(String delegatorAddress, String validatorAddress) {
    return new MsgWithdrawDelegatorReward(address("delegatorAddress", delegatorAddress), address("validatorAddress", validatorAddress));
  }

  public String delegatorAddress() {
    return delegatorAddress;
  }

  public String validatorAddress() {
    return validatorAddress;
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
    return w.toByteArray();
  }

  static MsgWithdrawDelegatorReward decode(ProtoReader r) {
    String delegatorAddress = "";
    String validatorAddress = "";
    while (r.next()) {
      switch (r.field()) {
        case 1:
          delegatorAddress = r.string("delegator_address");
          break;
        case 2:
          validatorAddress = r.string("validator_address");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(delegatorAddress, validatorAddress);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("delegatorAddress", delegatorAddress);
    b.put("validatorAddress", validatorAddress);
    return b.build();
  }

  static MsgWithdrawDelegatorReward fromJson(JsonObject o) {
    return of(str(o, "delegatorAddress"), str(o, "validatorAddress"));
  }

  @Override
  public String aminoType() {
    return "cosmos-sdk/MsgWithdrawDelegationReward";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("delegator_address", delegatorAddress);
    b.put("validator_address", validatorAddress);
    return b.build();
  }
}
