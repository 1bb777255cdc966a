package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;

/**
 * {@code /cosmos.authz.v1beta1.GenericAuthorization}: an authz grant for every message of one type
 * URL. Carried in an Any inside {@link MsgGrant}; not a message of its own (no amino form here).
 */
public final class GenericAuthorization extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.authz.v1beta1.GenericAuthorization";

  private final String msg;

  private GenericAuthorization(String msg) {
    this.msg = msg;
  }

  /** @param msgTypeUrl the authorised message type, e.g. {@code /cosmos.bank.v1beta1.MsgSend} */
  public static GenericAuthorization of(String msgTypeUrl) {
    if (msgTypeUrl == null || msgTypeUrl.isEmpty()) {
      throw CosmosException.invalid("msg", "is empty");
    }
    return new GenericAuthorization(text("msg", msgTypeUrl, 256));
  }

  /** The authorised message type URL. */
  public String msg() {
    return msg;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    return new ProtoWriter().string(1, msg).toByteArray();
  }

  static GenericAuthorization decode(ProtoReader r) {
    String m = "";
    while (r.next()) {
      if (r.field() == 1) {
        m = r.string("msg");
      } else {
        r.skip();
      }
    }
    try {
      return of(m);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    return JsonObject.builder().put("msg", msg).build();
  }

  static GenericAuthorization fromJson(JsonObject o) {
    return of(str(o, "msg"));
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
