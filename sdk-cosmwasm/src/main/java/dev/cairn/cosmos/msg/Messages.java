package dev.cairn.cosmos.msg;

import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;

/**
 * Decoding any {@link Any} into its message type, and the CosmJS JSON form {@code {typeUrl,
 * value}} of every message. Dispatch is a switch on the type URL: no reflection, no registry to
 * configure. Unknown type URLs decode to {@link UnknownMsg}, keeping the raw Any.
 */
public final class Messages {
  private Messages() {}

  /**
   * The message in {@code any}.
   *
   * @throws dev.cairn.core.encoding.DecodingException naming the message, field and offset when
   *     the value is malformed for its type
   */
  public static CosmosMsg decode(Any any) {
    return decode(any, ProtoReader.of(any.value(), name(any.typeUrl())));
  }

  /** Decodes an Any read from {@code parent} (a transaction body, MsgExec, a grant). */
  static CosmosMsg decodeNested(ProtoReader parent, byte[] anyBytes) {
    Any any = Any.read(parent, anyBytes);
    byte[] value = any.value();
    // offsets inside the value are reported relative to the start of the Any's bytes
    return decode(any, parent.nested(value, name(any.typeUrl()), parent.payloadOffset(anyBytes)));
  }

  private static String name(String typeUrl) {
    int i = typeUrl.lastIndexOf('.');
    return i >= 0 && i + 1 < typeUrl.length() ? typeUrl.substring(i + 1) : typeUrl;
  }

  private static CosmosMsg decode(Any any, ProtoReader r) {
    switch (any.typeUrl()) {
      case MsgSend.TYPE_URL:
        return MsgSend.decode(r);
      case MsgMultiSend.TYPE_URL:
        return MsgMultiSend.decode(r);
      case MsgDelegate.TYPE_URL:
        return MsgDelegate.decode(r);
      case MsgUndelegate.TYPE_URL:
        return MsgUndelegate.decode(r);
      case MsgBeginRedelegate.TYPE_URL:
        return MsgBeginRedelegate.decode(r);
      case MsgWithdrawDelegatorReward.TYPE_URL:
        return MsgWithdrawDelegatorReward.decode(r);
      case MsgExecuteContract.TYPE_URL:
        return MsgExecuteContract.decode(r);
      case MsgInstantiateContract.TYPE_URL:
        return MsgInstantiateContract.decode(r);
      case MsgInstantiateContract2.TYPE_URL:
        return MsgInstantiateContract2.decode(r);
      case MsgMigrateContract.TYPE_URL:
        return MsgMigrateContract.decode(r);
      case MsgStoreCode.TYPE_URL:
        return MsgStoreCode.decode(r);
      case MsgUpdateAdmin.TYPE_URL:
        return MsgUpdateAdmin.decode(r);
      case MsgClearAdmin.TYPE_URL:
        return MsgClearAdmin.decode(r);
      case MsgTransfer.TYPE_URL:
        return MsgTransfer.decode(r);
      case MsgGrant.TYPE_URL:
        return MsgGrant.decode(r);
      case MsgExec.TYPE_URL:
        return MsgExec.decode(r);
      case MsgGrantAllowance.TYPE_URL:
        return MsgGrantAllowance.decode(r);
      case GenericAuthorization.TYPE_URL:
        return GenericAuthorization.decode(r);
      case SendAuthorization.TYPE_URL:
        return SendAuthorization.decode(r);
      case BasicAllowance.TYPE_URL:
        return BasicAllowance.decode(r);
      case PeriodicAllowance.TYPE_URL:
        return PeriodicAllowance.decode(r);
      default:
        return UnknownMsg.of(any);
    }
  }

  /** {@code {"typeUrl": ..., "value": {...}}}, the CosmJS EncodeObject shape. */
  public static JsonObject toJson(CosmosMsg msg) {
    return JsonObject.builder().put("typeUrl", msg.typeUrl()).put("value", msg.toJson()).build();
  }

  /**
   * A message from its CosmJS JSON form {@code {typeUrl, value}} (the CLI's input). An unknown type
   * URL needs {@code value} as {@code {"value": "<base64 protobuf>"}} and gives an {@link UnknownMsg}.
   *
   * @throws CosmosException (INVALID_INPUT) naming the field
   */
  public static CosmosMsg fromJson(JsonObject json) {
    JsonValue t = json.get("typeUrl");
    if (!(t instanceof JsonString)) {
      throw CosmosException.invalid("typeUrl", "is missing");
    }
    String url = ((JsonString) t).value();
    JsonValue v = json.get("value");
    if (!(v instanceof JsonObject)) {
      throw CosmosException.invalid("value", "must be an object for " + url);
    }
    JsonObject o = (JsonObject) v;
    try {
      switch (url) {
        case MsgSend.TYPE_URL:
          return MsgSend.fromJson(o);
        case MsgMultiSend.TYPE_URL:
          return MsgMultiSend.fromJson(o);
        case MsgDelegate.TYPE_URL:
          return MsgDelegate.fromJson(o);
        case MsgUndelegate.TYPE_URL:
          return MsgUndelegate.fromJson(o);
        case MsgBeginRedelegate.TYPE_URL:
          return MsgBeginRedelegate.fromJson(o);
        case MsgWithdrawDelegatorReward.TYPE_URL:
          return MsgWithdrawDelegatorReward.fromJson(o);
        case MsgExecuteContract.TYPE_URL:
          return MsgExecuteContract.fromJson(o);
        case MsgInstantiateContract.TYPE_URL:
          return MsgInstantiateContract.fromJson(o);
        case MsgInstantiateContract2.TYPE_URL:
          return MsgInstantiateContract2.fromJson(o);
        case MsgMigrateContract.TYPE_URL:
          return MsgMigrateContract.fromJson(o);
        case MsgStoreCode.TYPE_URL:
          return MsgStoreCode.fromJson(o);
        case MsgUpdateAdmin.TYPE_URL:
          return MsgUpdateAdmin.fromJson(o);
        case MsgClearAdmin.TYPE_URL:
          return MsgClearAdmin.fromJson(o);
        case MsgTransfer.TYPE_URL:
          return MsgTransfer.fromJson(o);
        case MsgGrant.TYPE_URL:
          return MsgGrant.fromJson(o);
        case MsgExec.TYPE_URL:
          return MsgExec.fromJson(o);
        case MsgGrantAllowance.TYPE_URL:
          return MsgGrantAllowance.fromJson(o);
        case GenericAuthorization.TYPE_URL:
          return GenericAuthorization.fromJson(o);
        case SendAuthorization.TYPE_URL:
          return SendAuthorization.fromJson(o);
        case BasicAllowance.TYPE_URL:
          return BasicAllowance.fromJson(o);
        case PeriodicAllowance.TYPE_URL:
          return PeriodicAllowance.fromJson(o);
        default:
          return UnknownMsg.of(Any.of(url, MsgSupport.fromBase64("value", MsgSupport.str(o, "value"))));
      }
    } catch (dev.cairn.core.encoding.DecodingException e) {
      throw CosmosException.invalid("value", e.getMessage());
    }
  }
}
