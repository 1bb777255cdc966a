package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /cosmwasm.wasm.v1.MsgStoreCode}: upload wasm code. The code is carried gzip-compressed
 * (wasmd accepts raw or gzip; gzip keeps transactions small): {@link #of} compresses code that is
 * not gzip already.
 */
public final class MsgStoreCode extends BaseMsg {
  public static final String TYPE_URL = "/cosmwasm.wasm.v1.MsgStoreCode";
  /** Largest (compressed) code accepted, in bytes: 3 MiB, beyond any chain's transaction limit. */
  public static final int MAX_CODE_BYTES = 3 << 20;

  private final String sender;
  private final byte[] wasmByteCode;
  private final AccessConfig instantiatePermission; // nullable

  private MsgStoreCode(String sender, byte[] wasmByteCode, AccessConfig instantiatePermission) {
    this.sender = sender;
    this.wasmByteCode = wasmByteCode;
    this.instantiatePermission = instantiatePermission;
  }

  /**
   * Stores code; wasm that is not gzip already (no {@code 1f 8b} magic) is gzip-compressed.
   *
   * @param instantiatePermission who may instantiate it, or {@code null} for the chain's default
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgStoreCode of(String sender, byte[] wasm, AccessConfig instantiatePermission) {
    if (wasm == null || wasm.length == 0) {
      throw CosmosException.invalid("wasmByteCode", "is empty");
    }
    byte[] code = isGzip(wasm) ? wasm.clone() : gzip(wasm);
    if (code.length > MAX_CODE_BYTES) {
      throw new CosmosException(CosmosException.Reason.TOO_LARGE,
          "wasmByteCode: " + code.length + " bytes compressed, limit " + MAX_CODE_BYTES);
    }
    return new MsgStoreCode(address("sender", sender), code, instantiatePermission);
  }

  /** Stores code with the chain's default instantiate permission. */
  public static MsgStoreCode of(String sender, byte[] wasm) {
    return of(sender, wasm, null);
  }

  /** Whether {@code b} starts with the gzip magic {@code 1f 8b}. */
  public static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static byte[] gzip(byte[] data) {
    if (data.length > 4 * MAX_CODE_BYTES) {
      throw new CosmosException(CosmosException.Reason.TOO_LARGE,
          "wasmByteCode: " + data.length + " bytes uncompressed, limit " + 4 * MAX_CODE_BYTES);
    }
    ByteArrayOutputStream bo = new ByteArrayOutputStream(data.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
      gz.write(data);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory gzip failed", e);
    }
    return bo.toByteArray();
  }

  public String sender() {
    return sender;
  }

  /** A copy of the gzip-compressed code. */
  public byte[] wasmByteCode() {
    return wasmByteCode.clone();
  }

  public Optional<AccessConfig> instantiatePermission() {
    return Optional.ofNullable(instantiatePermission);
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().string(1, sender).bytes(2, wasmByteCode);
    if (instantiatePermission != null) {
      w.message(5, instantiatePermission.encode());
    }
    return w.toByteArray();
  }

  static MsgStoreCode decode(ProtoReader r) {
    String sender = "";
    byte[] code = new byte[0];
    AccessConfig perm = null;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          sender = r.string("sender");
          break;
        case 2:
          code = r.bytes("wasm_byte_code");
          break;
        case 5:
          perm = AccessConfig.read(r, r.bytes("instantiate_permission"));
          break;
        default:
          r.skip();
      }
    }
    if (code.length > MAX_CODE_BYTES) {
      throw r.error("wasm_byte_code", -1, code.length + " bytes, limit " + MAX_CODE_BYTES);
    }
    try {
      // decoded code stays as it was sent (raw wasm is valid on chain too)
      if (code.length == 0) {
        throw CosmosException.invalid("wasmByteCode", "is empty");
      }
      return new MsgStoreCode(address("sender", sender), code, perm);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder().put("sender", sender).put("wasmByteCode", base64(wasmByteCode));
    if (instantiatePermission != null) {
      b.put("instantiatePermission", instantiatePermission.json());
    }
    return b.build();
  }

  static MsgStoreCode fromJson(JsonObject o) {
    JsonValue p = o.get("instantiatePermission");
    AccessConfig perm = p == null || p.isNull() ? null : AccessConfig.fromJson(p);
    return of(str(o, "sender"), fromBase64("wasmByteCode", str(o, "wasmByteCode")), perm);
  }

  @Override
  public String aminoType() {
    return "wasm/MsgStoreCode";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder().put("sender", sender).put("wasm_byte_code", base64(wasmByteCode));
    if (instantiatePermission != null) {
      b.put("instantiate_permission", instantiatePermission.amino());
    }
    return b.build();
  }
}
