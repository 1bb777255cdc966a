package dev.cairn.cosmos.msg;

import dev.cairn.core.json.JsonObject;

/**
 * A Cosmos SDK message carried in a transaction body. Implementations are immutable value types;
 * {@link Messages} decodes any {@link Any} into one (unknown type URLs as {@link UnknownMsg}).
 */
public interface CosmosMsg {
  /** The protobuf type URL, e.g. {@code /cosmos.bank.v1beta1.MsgSend}. */
  String typeUrl();

  /** The protobuf encoding of the message (the Any's value). */
  byte[] encode();

  /** The message packed as an Any. */
  default Any toAny() {
    return Any.of(typeUrl(), encode());
  }

  /**
   * The value in CosmJS's JSON form (camelCase fields, integers as decimal strings, bytes as base64,
   * CosmWasm {@code msg} as the JSON itself, nested Any as {@code {typeUrl, value}}).
   */
  JsonObject toJson();

  /** Whether the message has an amino JSON form (SIGN_MODE_LEGACY_AMINO_JSON). */
  default boolean hasAmino() {
    return true;
  }

  /**
   * The amino type name, e.g. {@code cosmos-sdk/MsgSend}.
   *
   * @throws dev.cairn.cosmos.CosmosException (INVALID_INPUT) when {@link #hasAmino()} is false
   */
  String aminoType();

  /**
   * The amino JSON value, as CosmJS's AminoTypes produce it (snake_case fields, defaults left out
   * where CosmJS leaves them out). Keys are in field order; the sign document sorts them.
   *
   * @throws dev.cairn.cosmos.CosmosException (INVALID_INPUT) when {@link #hasAmino()} is false
   */
  JsonObject toAmino();
}
