package dev.cairn.hsm.ledger.cosmos;

import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Client of Zondax's Ledger Cosmos app (CLA 0x55), sending the command APDUs of
 * {@code @zondax/ledger-cosmos-js} 4.x (and, for a signature without an HRP, of
 * {@code @ledgerhq/hw-app-cosmos}):
 *
 * <ul>
 *   <li>{@link #getVersion()}: INS 0x00.
 *   <li>{@link #getAddressAndPubKey(DerivationPath, String, boolean)}: INS 0x04, payload {@code
 *       len(hrp) || hrp || path} with five 4-byte little-endian indexes.
 *   <li>{@link #sign(DerivationPath, byte[], String)}: INS 0x02 over amino JSON: first chunk the path
 *       (and, for the current protocol, {@code len(hrp) || hrp}), then the JSON in 250-byte chunks;
 *       P1 0 init, 1 add, 2 last; P2 0 (JSON). The DER signature returned is converted to 64 bytes
 *       {@code r || s} with low s.
 * </ul>
 */
public final class CosmosApp {
  /** The app's class byte. */
  public static final int CLA = 0x55;
  static final int INS_GET_VERSION = 0x00;
  static final int INS_SIGN_SECP256K1 = 0x02;
  static final int INS_GET_ADDR_SECP256K1 = 0x04;
  static final int P1_INIT = 0x00;
  static final int P1_ADD = 0x01;
  static final int P1_LAST = 0x02;
  /** P2 of a sign command over amino JSON. */
  static final int P2_JSON = 0x00;
  /** Bytes of sign document per APDU. */
  public static final int CHUNK_SIZE = 250;
  /** Largest sign document this client sends (the app's buffer is smaller and answers an error). */
  public static final int MAX_DOCUMENT_LENGTH = 64 * 1024;
  /** Path depth the app requires. */
  public static final int PATH_DEPTH = 5;

  private final LedgerTransport transport;
  private final Object lock = new Object();

  private CosmosApp(LedgerTransport transport) {
    this.transport = transport;
  }

  /** The Cosmos app over a transport (not closed by this class). */
  public static CosmosApp over(LedgerTransport transport) {
    return new CosmosApp(Objects.requireNonNull(transport, "transport"));
  }

  /** The transport this app talks over. */
  public LedgerTransport transport() {
    return transport;
  }

  /** Reads the app's version. */
  public CosmosAppVersion getVersion() {
    byte[] d = call(new ApduCommand[] {ApduCommand.of(CLA, INS_GET_VERSION, 0, 0, new byte[0])});
    switch (d.length) {
      case 5:
      case 9:
        return CosmosAppVersion.of(d[0] != 0, d[1] & 0xFF, d[2] & 0xFF, d[3] & 0xFF, d[4] == 1,
            d.length == 9 ? u32be(d, 5) : -1);
      case 8:
      case 12:
        return CosmosAppVersion.of(d[0] != 0, u16be(d, 1), u16be(d, 3), u16be(d, 5), d[7] == 1,
            d.length == 12 ? u32be(d, 8) : -1);
      case 14:
      case 18:
        return CosmosAppVersion.of(d[0] != 0, (int) u32be(d, 1), (int) u32be(d, 5), (int) u32be(d, 9), d[13] == 1,
            d.length == 18 ? u32be(d, 14) : -1);
      default:
        throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response",
            "version has " + d.length + " bytes, expected 5, 8, 9, 12, 14 or 18");
    }
  }

  /**
   * The compressed public key and bech32 address at {@code path} (five levels, e.g. {@code
   * m/44'/118'/0'/0/0}) for the address prefix {@code hrp}.
   *
   * @param display whether the device shows the address for the user to confirm
   */
  public CosmosLedgerAddress getAddressAndPubKey(DerivationPath path, String hrp, boolean display) {
    byte[] h = serializeHrp(hrp);
    byte[] p = serializePath(path);
    byte[] data = new byte[h.length + p.length];
    System.arraycopy(h, 0, data, 0, h.length);
    System.arraycopy(p, 0, data, h.length, p.length);
    byte[] d = call(new ApduCommand[] {ApduCommand.of(CLA, INS_GET_ADDR_SECP256K1, display ? 1 : 0, 0, data)});
    if (d.length < 34) {
      throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response",
          "address response has " + d.length + " bytes, expected a 33-byte key and an address");
    }
    byte[] pk = new byte[33];
    System.arraycopy(d, 0, pk, 0, 33);
    for (int i = 33; i < d.length; i++) {
      if (d[i] < 0x21 || d[i] > 0x7e) {
        throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response.address",
            "byte at offset " + i + " is not printable ASCII");
      }
    }
    return CosmosLedgerAddress.of(pk, new String(d, 33, d.length - 33, StandardCharsets.US_ASCII));
  }

  /**
   * Signs an amino JSON sign document (canonical, sorted, compact UTF-8) and returns the 64-byte
   * {@code r || s} signature with low s, over sha256 of the document.
   *
   * @param hrp the account's address prefix sent in the first chunk (current app protocol, as
   *     {@code @zondax/ledger-cosmos-js} sends it), or {@code null} for the older protocol without it
   *     (as {@code @ledgerhq/hw-app-cosmos} sends it)
   */
  public byte[] sign(DerivationPath path, byte[] aminoJson, String hrp) {
    return EcdsaSignatureBytes.lowS(signDer(path, aminoJson, hrp));
  }

  /** As {@link #sign}, returning the DER signature exactly as the device sent it. */
  public byte[] signDer(DerivationPath path, byte[] aminoJson, String hrp) {
    byte[] der = call(signCommands(path, aminoJson, hrp));
    try {
      EcdsaSignature.fromDer(der);
    } catch (CryptoException | DecodingException e) { // a malformed encoding is a DecodingException, r or s out of range a CryptoException
      throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response.signature",
          "is not a DER ECDSA signature (" + der.length + " bytes)", e);
    }
    return der;
  }

  /** The command APDUs of a signature, in order. */
  static ApduCommand[] signCommands(DerivationPath path, byte[] aminoJson, String hrp) {
    if (aminoJson == null || aminoJson.length == 0) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "aminoJson", "is null or empty");
    }
    if (aminoJson.length > MAX_DOCUMENT_LENGTH) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "aminoJson",
          "has " + aminoJson.length + " bytes, at most " + MAX_DOCUMENT_LENGTH);
    }
    byte[] p = serializePath(path);
    byte[] first = p;
    if (hrp != null) {
      byte[] h = serializeHrp(hrp);
      first = new byte[p.length + h.length];
      System.arraycopy(p, 0, first, 0, p.length);
      System.arraycopy(h, 0, first, p.length, h.length);
    }
    List<byte[]> chunks = new ArrayList<>();
    chunks.add(first);
    for (int i = 0; i < aminoJson.length; i += CHUNK_SIZE) {
      int len = Math.min(CHUNK_SIZE, aminoJson.length - i);
      byte[] c = new byte[len];
      System.arraycopy(aminoJson, i, c, 0, len);
      chunks.add(c);
    }
    ApduCommand[] out = new ApduCommand[chunks.size()];
    for (int i = 0; i < out.length; i++) {
      int p1 = i == 0 ? P1_INIT : i == out.length - 1 ? P1_LAST : P1_ADD;
      out[i] = ApduCommand.of(CLA, INS_SIGN_SECP256K1, p1, P2_JSON, chunks.get(i));
    }
    return out;
  }

  private byte[] call(ApduCommand[] cmds) {
    synchronized (lock) {
      ApduResponse r = null;
      for (ApduCommand c : cmds) {
        r = transport.exchange(c);
        if (!r.isOk()) {
          throw LedgerException.ofStatus(r.statusWord());
        }
      }
      return r.data();
    }
  }

  /**
   * {@code len || hrp}: 1 to 83 printable ASCII characters (the app rejects what bech32 cannot carry).
   *
   * @throws LedgerException INVALID_ARGUMENT (field {@code hrp})
   */
  static byte[] serializeHrp(String hrp) {
    if (hrp == null || hrp.isEmpty() || hrp.length() > 83) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "hrp",
          hrp == null ? "is null" : "has " + hrp.length() + " characters, expected 1 to 83");
    }
    byte[] out = new byte[1 + hrp.length()];
    out[0] = (byte) hrp.length();
    for (int i = 0; i < hrp.length(); i++) {
      char c = hrp.charAt(i);
      if (c < 0x21 || c > 0x7e || (c >= 'A' && c <= 'Z')) {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "hrp",
            "character at index " + i + " is not lowercase printable ASCII");
      }
      out[1 + i] = (byte) c;
    }
    return out;
  }

  /** Five 4-byte little-endian indexes. */
  static byte[] serializePath(DerivationPath path) {
    if (path == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path", "is null");
    }
    if (path.depth() != PATH_DEPTH) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path",
          "has " + path.depth() + " levels, the Cosmos app requires " + PATH_DEPTH);
    }
    int[] idx = path.toArray();
    byte[] out = new byte[4 * PATH_DEPTH];
    for (int i = 0; i < PATH_DEPTH; i++) {
      int v = idx[i];
      out[4 * i] = (byte) v;
      out[4 * i + 1] = (byte) (v >>> 8);
      out[4 * i + 2] = (byte) (v >>> 16);
      out[4 * i + 3] = (byte) (v >>> 24);
    }
    return out;
  }

  private static int u16be(byte[] d, int o) {
    return (d[o] & 0xFF) << 8 | (d[o + 1] & 0xFF);
  }

  private static long u32be(byte[] d, int o) {
    return ((long) (d[o] & 0xFF) << 24) | (d[o + 1] & 0xFF) << 16 | (d[o + 2] & 0xFF) << 8 | (d[o + 3] & 0xFF);
  }

  @Override
  public String toString() {
    return "CosmosApp{" + transport.descriptor() + "}";
  }

  /** DER to compact low-s. */
  static final class EcdsaSignatureBytes {
    private EcdsaSignatureBytes() {}

    static byte[] lowS(byte[] der) {
      return EcdsaSignature.fromDer(der).normalizedS().toCompact();
    }
  }
}
