package dev.cairn.hsm.emulator;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.StatusWords;
import dev.cairn.hsm.ledger.cosmos.CosmosApp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Zondax's Ledger Cosmos app (CLA 0x55) in the {@link LedgerEmulator}, with real secp256k1
 * signatures from BIP-32 keys of the emulator's mnemonic (m/44'/118'/0'/0/0 for the first account):
 * INS 0x00 version, 0x04 public key and bech32 address for the HRP in the payload (P1 1: the user
 * confirms the address), 0x02 sign amino JSON in chunks (P1 0 init with the path and, in the
 * current protocol, the HRP; 1 add; 2 last; P2 0 JSON). The answer is a DER signature over sha256
 * of the document, as the device gives it.
 *
 * <p>As the app does, it refuses a document that is not canonical amino JSON (compact, keys sorted)
 * with the six root fields {@code account_number, chain_id, fee, memo, msgs, sequence} (0x6984),
 * an HRP of the wrong length (0x698A), a path that is not five levels under 44' with hardened
 * purpose, coin and account (0x6989), and the user's refusal (0x6986).
 */
public final class CosmosEmulatorApp implements EmulatorApp {
  /** Largest sign document the emulated app buffers (the Nano S Plus / X app's buffer size). */
  public static final int MAX_BUFFER = 16 * 1024;
  static final int SW_DATA_INVALID = 0x6984;
  static final int SW_REJECTED = StatusWords.CONDITIONS_NOT_SATISFIED;
  static final int SW_INVALID_PATH = 0x6989;
  static final int SW_HRP_WRONG_LENGTH = 0x698A;
  private static final String[] ROOT = {"account_number", "chain_id", "fee", "memo", "msgs", "sequence"};

  private final int major;
  private final int minor;
  private final int patch;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private DerivationPath signPath;
  private boolean initialised;

  private CosmosEmulatorApp(int major, int minor, int patch) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
  }

  /** The app as version 2.35.0. */
  public static CosmosEmulatorApp create() {
    return of(2, 35, 0);
  }

  /** The app with the given version (each part 0..255). */
  public static CosmosEmulatorApp of(int major, int minor, int patch) {
    if ((major | minor | patch) < 0 || major > 255 || minor > 255 || patch > 255) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "version", "parts must be 0..255");
    }
    return new CosmosEmulatorApp(major, minor, patch);
  }

  @Override
  public String name() {
    return "Cosmos";
  }

  @Override
  public String version() {
    return major + "." + minor + "." + patch;
  }

  @Override
  public int cla() {
    return CosmosApp.CLA;
  }

  @Override
  public void reset() {
    buffer.reset();
    signPath = null;
    initialised = false;
  }

  @Override
  public ApduResponse handle(ApduCommand command, DeviceContext device) {
    switch (command.ins()) {
      case 0x00:
        return ApduResponse.ok(new byte[] {0, (byte) major, (byte) minor, (byte) patch, 0, 0x33, 0x10, 0, 0x04});
      case 0x04:
        return address(command, device);
      case 0x02:
        return sign(command, device);
      default:
        return ApduResponse.status(StatusWords.INS_NOT_SUPPORTED);
    }
  }

  private ApduResponse address(ApduCommand command, DeviceContext device) {
    if (command.p1() > 1) {
      return ApduResponse.status(StatusWords.WRONG_P1_P2);
    }
    byte[] d = command.data();
    if (d.length < 1) {
      return ApduResponse.status(SW_DATA_INVALID);
    }
    int hl = d[0] & 0xFF;
    if (hl == 0 || hl > 83 || d.length != 1 + hl + 20) {
      return ApduResponse.status(hl == 0 || hl > 83 ? SW_HRP_WRONG_LENGTH : SW_DATA_INVALID);
    }
    String hrp = hrp(d, 1, hl);
    if (hrp == null) {
      return ApduResponse.status(SW_DATA_INVALID);
    }
    DerivationPath path = path(d, 1 + hl);
    if (path == null) {
      return ApduResponse.status(SW_INVALID_PATH);
    }
    Bip32Key key = device.secp256k1(path);
    byte[] pk = key.publicKey().compressed();
    key.destroy();
    String address = Bech32.encode(hrp, Hashes.ripemd160(Hashes.sha256(pk)), Bech32.Variant.BECH32);
    if (command.p1() == 1 && device.confirm("Verify Cosmos address " + address) != ScriptedUser.Decision.APPROVE) {
      return ApduResponse.status(SW_REJECTED);
    }
    byte[] a = address.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[33 + a.length];
    System.arraycopy(pk, 0, out, 0, 33);
    System.arraycopy(a, 0, out, 33, a.length);
    return ApduResponse.ok(out);
  }

  private ApduResponse sign(ApduCommand command, DeviceContext device) {
    if (command.p2() != 0) {
      reset();
      return ApduResponse.status(command.p2() == 1 ? SW_DATA_INVALID : StatusWords.WRONG_P1_P2);
    }
    byte[] d = command.data();
    switch (command.p1()) {
      case 0: {
        reset();
        if (d.length < 20) {
          return ApduResponse.status(SW_DATA_INVALID);
        }
        DerivationPath path = path(d, 0);
        if (path == null) {
          return ApduResponse.status(SW_INVALID_PATH);
        }
        if (d.length > 20) {
          int hl = d[20] & 0xFF;
          if (hl == 0 || hl > 83 || d.length != 21 + hl) {
            return ApduResponse.status(SW_HRP_WRONG_LENGTH);
          }
          if (hrp(d, 21, hl) == null) {
            return ApduResponse.status(SW_DATA_INVALID);
          }
        }
        signPath = path;
        initialised = true;
        return ApduResponse.ok(new byte[0]);
      }
      case 1:
      case 2: {
        if (!initialised) {
          return ApduResponse.status(SW_DATA_INVALID);
        }
        if (buffer.size() + d.length > MAX_BUFFER) {
          reset();
          return ApduResponse.status(0x6988); // transaction data exceeds the buffer
        }
        buffer.write(d, 0, d.length);
        if (command.p1() == 1) {
          return ApduResponse.ok(new byte[0]);
        }
        byte[] doc = buffer.toByteArray();
        DerivationPath path = signPath;
        reset();
        String summary = validate(doc);
        if (summary == null) {
          return ApduResponse.status(SW_DATA_INVALID);
        }
        Bip32Key key = device.secp256k1(path);
        try {
          if (device.confirm("Sign Cosmos transaction: " + summary) != ScriptedUser.Decision.APPROVE) {
            return ApduResponse.status(SW_REJECTED);
          }
          Secp256k1PrivateKey k = key.privateKey();
          byte[] der = k.sign(Hashes.sha256(doc)).toDer();
          k.destroy();
          return ApduResponse.ok(der);
        } finally {
          key.destroy();
        }
      }
      default:
        reset();
        return ApduResponse.status(StatusWords.WRONG_P1_P2);
    }
  }

  /** A summary of a canonical amino sign document, or null when it is not one. */
  static String validate(byte[] doc) {
    String text;
    JsonValue v;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(doc)).toString();
      v = Json.parse(text);
    } catch (RuntimeException | java.nio.charset.CharacterCodingException e) {
      return null;
    }
    if (v.kind() != JsonValue.Kind.OBJECT || !Json.writeCanonical(v).equals(text)) {
      return null;
    }
    JsonObject o = (JsonObject) v;
    if (o.size() != ROOT.length) {
      return null;
    }
    for (String k : ROOT) {
      if (!o.has(k)) {
        return null;
      }
    }
    if (o.get("chain_id").kind() != JsonValue.Kind.STRING || o.get("msgs").kind() != JsonValue.Kind.ARRAY
        || o.get("fee").kind() != JsonValue.Kind.OBJECT) {
      return null;
    }
    return "chain " + o.get("chain_id").asString("chain_id") + ", " + o.get("msgs").asArray("msgs").size()
        + " message(s)";
  }

  private static String hrp(byte[] d, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (d[i] < 0x21 || d[i] > 0x7e || (d[i] >= 'A' && d[i] <= 'Z')) {
        return null;
      }
    }
    return new String(d, off, len, StandardCharsets.US_ASCII);
  }

  /** Five 4-byte LE indexes at {@code off}: 44', a hardened coin and account, then change and index. */
  private static DerivationPath path(byte[] d, int off) {
    if (d.length < off + 20) {
      return null;
    }
    int[] idx = new int[5];
    for (int i = 0; i < 5; i++) {
      int o = off + 4 * i;
      idx[i] = (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8 | (d[o + 2] & 0xFF) << 16 | (d[o + 3] & 0xFF) << 24;
    }
    if (idx[0] != (44 | DerivationPath.HARDENED_BIT) || !DerivationPath.isHardened(idx[1])
        || !DerivationPath.isHardened(idx[2])) {
      return null;
    }
    return DerivationPath.of(idx);
  }

  @Override
  public String toString() {
    return "CosmosEmulatorApp{" + version() + "}";
  }
}
