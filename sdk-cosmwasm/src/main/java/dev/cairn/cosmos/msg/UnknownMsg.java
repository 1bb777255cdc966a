package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;

/** A message of a type URL this library does not model, kept as its raw {@link Any}. */
public final class UnknownMsg extends BaseMsg {
  private final Any any;

  private UnknownMsg(Any any) {
    this.any = any;
  }

  /** Wraps an Any whose type is not modelled here. */
  public static UnknownMsg of(Any any) {
    if (any == null) {
      throw dev.cairn.cosmos.CosmosException.invalid("any", "is null");
    }
    return new UnknownMsg(any);
  }

  /** The raw Any. */
  public Any any() {
    return any;
  }

  @Override
  public String typeUrl() {
    return any.typeUrl();
  }

  @Override
  public byte[] encode() {
    return any.value();
  }

  @Override
  public Any toAny() {
    return any;
  }

  /** {@code {"value": "<base64 protobuf>"}}. */
  @Override
  public JsonObject toJson() {
    return JsonObject.builder().put("value", base64(any.value())).build();
  }

  @Override
  public boolean hasAmino() {
    return false;
  }

  @Override
  public String aminoType() {
    throw noAmino(any.typeUrl());
  }

  @Override
  public JsonObject toAmino() {
    throw noAmino(any.typeUrl());
  }
}
