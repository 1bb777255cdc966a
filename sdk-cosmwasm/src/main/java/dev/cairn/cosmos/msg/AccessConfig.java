package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code cosmwasm.wasm.v1.AccessConfig}: who may instantiate stored code. */
public final class AccessConfig {
  /** {@code AccessType}. */
  public enum Permission {
    UNSPECIFIED(0, "Unspecified"),
    NOBODY(1, "Nobody"),
    EVERYBODY(3, "Everybody"),
    ANY_OF_ADDRESSES(4, "AnyOfAddresses");

    private final int number;
    private final String aminoName;

    Permission(int number, String aminoName) {
      this.number = number;
      this.aminoName = aminoName;
    }

    /** The protobuf enum number. */
    public int number() {
      return number;
    }

    static Permission of(int n) {
      for (Permission p : values()) {
        if (p.number == n) {
          return p;
        }
      }
      throw CosmosException.invalid("instantiatePermission.permission", "unknown access type " + n);
    }
  }

  private final Permission permission;
  private final List<String> addresses;

  private AccessConfig(Permission permission, List<String> addresses) {
    this.permission = permission;
    this.addresses = addresses;
  }

  /** @throws CosmosException (INVALID_INPUT) naming the field */
  public static AccessConfig of(Permission permission, List<String> addresses) {
    if (permission == null) {
      throw CosmosException.invalid("instantiatePermission.permission", "is null");
    }
    List<String> a = list("instantiatePermission.addresses", addresses);
    for (int i = 0; i < a.size(); i++) {
      address("instantiatePermission.addresses[" + i + "]", a.get(i));
    }
    return new AccessConfig(permission, a);
  }

  public Permission permission() {
    return permission;
  }

  public List<String> addresses() {
    return addresses;
  }

  byte[] encode() {
    ProtoWriter w = new ProtoWriter().int32(1, permission.number);
    for (String a : addresses) {
      w.message(3, a.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return w.toByteArray();
  }

  static AccessConfig read(ProtoReader parent, byte[] b) {
    ProtoReader r = parent.nested(b, "AccessConfig", parent.payloadOffset(b));
    int p = 0;
    List<String> addrs = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          p = r.int32("permission");
          break;
        case 3:
          addrs.add(r.string("addresses"));
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(Permission.of(p), addrs);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  JsonObject json() {
    return JsonObject.builder().put("permission", permission.number).put("addresses", strings(addresses)).build();
  }

  static AccessConfig fromJson(JsonValue v) {
    if (!(v instanceof JsonObject)) {
      throw CosmosException.invalid("instantiatePermission", "must be an object");
    }
    JsonObject o = (JsonObject) v;
    JsonValue p = member(o, "permission");
    int n = p instanceof JsonNumber ? ((JsonNumber) p).intValue() : (int) u64("permission", p);
    return of(Permission.of(n), stringsFromJson(o, "addresses"));
  }

  JsonObject amino() {
    JsonObject.Builder b = JsonObject.builder().put("permission", permission.aminoName);
    if (!addresses.isEmpty()) {
      b.put("addresses", strings(addresses));
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessConfig && ((AccessConfig) o).permission == permission
        && ((AccessConfig) o).addresses.equals(addresses);
  }

  @Override
  public int hashCode() {
    return permission.hashCode() * 31 + addresses.hashCode();
  }

  @Override
  public String toString() {
    return "AccessConfig" + json();
  }
}
