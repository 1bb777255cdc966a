package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /cosmos.authz.v1beta1.MsgGrant}: the granter lets the grantee execute messages on its
 * behalf under an authorization ({@link GenericAuthorization}, {@link SendAuthorization}, or any
 * other type as an {@link UnknownMsg}) until an optional expiration. Direct sign mode only (CosmJS
 * 0.39 has no amino converter for it).
 */
public final class MsgGrant extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.authz.v1beta1.MsgGrant";

  private final String granter;
  private final String grantee;
  private final CosmosMsg authorization;
  private final Instant expiration; // nullable

  private MsgGrant(String granter, String grantee, CosmosMsg authorization, Instant expiration) {
    this.granter = granter;
    this.grantee = grantee;
    this.authorization = authorization;
    this.expiration = expiration;
  }

  /**
   * @param expiration when the grant ends, or {@code null} for never
   * @throws CosmosException (INVALID_INPUT) naming the field
   */
  public static MsgGrant of(String granter, String grantee, CosmosMsg authorization, Instant expiration) {
    if (authorization == null) {
      throw CosmosException.invalid("grant.authorization", "is null");
    }
    return new MsgGrant(address("granter", granter), address("grantee", grantee), authorization,
        expiration == null ? null : timestamp("grant.expiration", expiration));
  }

  public String granter() {
    return granter;
  }

  public String grantee() {
    return grantee;
  }

  public CosmosMsg authorization() {
    return authorization;
  }

  public Optional<Instant> expiration() {
    return Optional.ofNullable(expiration);
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter g = new ProtoWriter().message(1, authorization.toAny().encode());
    if (expiration != null) {
      g.message(2, timestampProto(expiration));
    }
    return new ProtoWriter().string(1, granter).string(2, grantee).message(3, g.toByteArray()).toByteArray();
  }

  static MsgGrant decode(ProtoReader r) {
    String granter = "";
    String grantee = "";
    CosmosMsg auth = null;
    Instant exp = null;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          granter = r.string("granter");
          break;
        case 2:
          grantee = r.string("grantee");
          break;
        case 3: {
          byte[] b = r.bytes("grant");
          ProtoReader g = r.nested(b, "Grant", r.payloadOffset(b));
          while (g.next()) {
            switch (g.field()) {
              case 1:
                auth = Messages.decodeNested(g, g.bytes("authorization"));
                break;
              case 2:
                exp = readTimestamp(g, "expiration");
                break;
              default:
                g.skip();
            }
          }
          break;
        }
        default:
          r.skip();
      }
    }
    try {
      return of(granter, grantee, auth, exp);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder g = JsonObject.builder().put("authorization", Messages.toJson(authorization));
    if (expiration != null) {
      g.put("expiration", secondsNanosJson(expiration.getEpochSecond(), expiration.getNano()));
    }
    return JsonObject.builder().put("granter", granter).put("grantee", grantee).put("grant", g.build()).build();
  }

  static MsgGrant fromJson(JsonObject o) {
    JsonObject g = obj(o, "grant");
    JsonValue e = g.get("expiration");
    Instant exp = null;
    if (e != null && !e.isNull()) {
      long[] sn = secondsNanosFromJson("grant.expiration", e);
      exp = Instant.ofEpochSecond(sn[0], sn[1]);
    }
    return of(str(o, "granter"), str(o, "grantee"), Messages.fromJson(obj(g, "authorization")), exp);
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
