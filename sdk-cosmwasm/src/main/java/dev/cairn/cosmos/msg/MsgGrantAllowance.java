package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;

/**
 * {@code /cosmos.feegrant.v1beta1.MsgGrantAllowance}: the granter pays the grantee's fees under an
 * allowance ({@link BasicAllowance}, {@link PeriodicAllowance}, or another type as an {@link
 * UnknownMsg}). Direct sign mode only (CosmJS 0.39 has no amino converter for it).
 */
public final class MsgGrantAllowance extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.feegrant.v1beta1.MsgGrantAllowance";

  private final String granter;
  private final String grantee;
  private final CosmosMsg allowance;

  private MsgGrantAllowance(String granter, String grantee, CosmosMsg allowance) {
    this.granter = granter;
    this.grantee = grantee;
    this.allowance = allowance;
  }

  /** @throws CosmosException (INVALID_INPUT) naming the field */
  public static MsgGrantAllowance of(String granter, String grantee, CosmosMsg allowance) {
    if (allowance == null) {
      throw CosmosException.invalid("allowance", "is null");
    }
    return new MsgGrantAllowance(address("granter", granter), address("grantee", grantee), allowance);
  }

  public String granter() {
    return granter;
  }

  public String grantee() {
    return grantee;
  }

  public CosmosMsg allowance() {
    return allowance;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    return new ProtoWriter().string(1, granter).string(2, grantee).message(3, allowance.toAny().encode()).toByteArray();
  }

  static MsgGrantAllowance decode(ProtoReader r) {
    String granter = "";
    String grantee = "";
    CosmosMsg allowance = null;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          granter = r.string("granter");
          break;
        case 2:
          grantee = r.string("grantee");
          break;
        case 3:
          allowance = Messages.decodeNested(r, r.bytes("allowance"));
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(granter, grantee, allowance);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    return JsonObject.builder().put("granter", granter).put("grantee", grantee)
        .put("allowance", Messages.toJson(allowance)).build();
  }

  static MsgGrantAllowance fromJson(JsonObject o) {
    return of(str(o, "granter"), str(o, "grantee"), Messages.fromJson(obj(o, "allowance")));
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
