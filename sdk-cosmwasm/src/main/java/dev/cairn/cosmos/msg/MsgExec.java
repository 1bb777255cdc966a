package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /cosmos.authz.v1beta1.MsgExec}: the grantee executes messages under authz grants. The
 * inner messages are nested Anys, decoded like a transaction's. Direct sign mode only (CosmJS 0.39
 * has no amino converter for it).
 */
public final class MsgExec extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.authz.v1beta1.MsgExec";

  private final String grantee;
  private final List<CosmosMsg> msgs;

  private MsgExec(String grantee, List<CosmosMsg> msgs) {
    this.grantee = grantee;
    this.msgs = msgs;
  }

  /** @throws CosmosException (INVALID_INPUT) naming the field */
  public static MsgExec of(String grantee, List<CosmosMsg> msgs) {
    List<CosmosMsg> m = list("msgs", msgs);
    if (m.isEmpty()) {
      throw CosmosException.invalid("msgs", "is empty");
    }
    return new MsgExec(address("grantee", grantee), m);
  }

  public String grantee() {
    return grantee;
  }

  public List<CosmosMsg> msgs() {
    return msgs;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().string(1, grantee);
    for (CosmosMsg m : msgs) {
      w.message(2, m.toAny().encode());
    }
    return w.toByteArray();
  }

  static MsgExec decode(ProtoReader r) {
    String grantee = "";
    List<CosmosMsg> msgs = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          grantee = r.string("grantee");
          break;
        case 2:
          msgs.add(Messages.decodeNested(r, r.bytes("msgs")));
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(grantee, msgs);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    List<JsonValue> out = new ArrayList<>(msgs.size());
    for (CosmosMsg m : msgs) {
      out.add(Messages.toJson(m));
    }
    return JsonObject.builder().put("grantee", grantee).put("msgs", JsonArray.of(out)).build();
  }

  static MsgExec fromJson(JsonObject o) {
    List<CosmosMsg> msgs = new ArrayList<>();
    for (JsonValue v : arr(o, "msgs").elements()) {
      if (!(v instanceof JsonObject)) {
        throw CosmosException.invalid("msgs", "must be an array of {typeUrl, value}");
      }
      msgs.add(Messages.fromJson((JsonObject) v));
    }
    return of(str(o, "grantee"), msgs);
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
