package dev.cairn.hsm.ledger.solana;

import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.DerivationPathException;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Client of the Ledger Solana app (CLA 0xE0), speaking the protocol of Ledger's app-solana as
 * {@code @ledgerhq/hw-app-solana} does: the same command APDUs, byte for byte, for the same calls.
 *
 * <ul>
 *   <li>{@link #getAppConfiguration()}: INS 0x04.
 *   <li>{@link #getPubkey(DerivationPath, boolean)}: INS 0x05, P1 1 to show the address on the device.
 *   <li>{@link #signTransaction(DerivationPath, byte[])}: INS 0x06 over a serialized message, payload
 *       {@code 01 || path || message} cut into 255-byte chunks (P2 0x02 "more follows", 0x01 "extends").
 *   <li>{@link #signOffchainMessage(DerivationPath, byte[])}: INS 0x07 over an off-chain message
 *       with its header ({@link #offchainMessage(byte[])} builds it).
 * </ul>
 *
 * Thread-safe as the transport is (one call at a time per device is the caller's business: a
 * chunked signature must not interleave with another; this class serialises its own calls).
 */
public final class SolanaApp {
  /** The app's class byte. */
  public static final int CLA = 0xE0;
  static final int INS_GET_CONFIGURATION = 0x04;
  static final int INS_GET_PUBKEY = 0x05;
  static final int INS_SIGN_MESSAGE = 0x06;
  static final int INS_SIGN_OFFCHAIN_MESSAGE = 0x07;
  static final int P1_NON_CONFIRM = 0x00;
  static final int P1_CONFIRM = 0x01;
  static final int P2_EXTEND = 0x01;
  static final int P2_MORE = 0x02;
  /** Bytes of payload per APDU. */
  public static final int MAX_CHUNK = 255;
  /** Largest message this client sends (the app's own buffer is smaller; it answers an error). */
  public static final int MAX_MESSAGE_LENGTH = 64 * 1024;
  /** Status word: the message cannot be parsed and blind signing is disabled. */
  public static final int SW_BLIND_SIGNATURE_REQUIRED = 0x6808;
  /** The off-chain message signing domain: {@code 0xff "solana offchain"}. */
  private static final byte[] OFFCHAIN_DOMAIN = ("\u00ffsolana offchain").getBytes(StandardCharsets.ISO_8859_1);
  /** Length of an off-chain message header (domain, version, format, 2-byte length). */
  public static final int OFFCHAIN_HEADER_LENGTH = OFFCHAIN_DOMAIN.length + 4;
  /** Longest off-chain message text the app accepts in format 0/1 (its header length is 16 bits; the app limits further). */
  public static final int MAX_OFFCHAIN_TEXT = 0xFFFF;

  private final LedgerTransport transport;
  private final Object lock = new Object();

  private SolanaApp(LedgerTransport transport) {
    this.transport = transport;
  }

  /** The Solana app over a transport (not closed by this class). */
  public static SolanaApp over(LedgerTransport transport) {
    return new SolanaApp(Objects.requireNonNull(transport, "transport"));
  }

  /** The transport this app talks over. */
  public LedgerTransport transport() {
    return transport;
  }

  /**
   * A derivation path written as ledgerjs's Solana client accepts it: {@code 44'/501'/0'/0'} with or
   * without a leading {@code m/}; every level is hardened (Ed25519 SLIP-0010 knows no other), so
   * {@code 44/501/0} means {@code 44'/501'/0'}.
   *
   * @throws LedgerException INVALID_ARGUMENT (field {@code path}) for anything else
   */
  public static DerivationPath path(String path) {
    if (path == null || path.isEmpty()) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path", "invalid input: is null or empty");
    }
    String p = path.startsWith("m/") ? path.substring(2) : path;
    StringBuilder b = new StringBuilder("m");
    for (String part : p.split("/", -1)) {
      b.append('/').append(part);
      if (!(part.endsWith("'") || part.endsWith("h") || part.endsWith("H"))) {
        b.append('\'');
      }
    }
    try {
      DerivationPath d = DerivationPath.parse(b.toString());
      checkPath(d);
      return d;
    } catch (DerivationPathException e) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path",
          "invalid input: not a derivation path of hardened indexes", e);
    }
  }

  /** Reads the app's version and settings. */
  public SolanaAppConfiguration getAppConfiguration() {
    byte[] d = call(INS_GET_CONFIGURATION, P1_NON_CONFIRM, new byte[0]);
    if (d.length < 5) {
      throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response",
          "configuration has " + d.length + " bytes, expected at least 5");
    }
    return SolanaAppConfiguration.of(d[2], d[3], d[4], d[0] != 0, d[1]);
  }

  /**
   * The 32-byte Ed25519 public key (the Solana address in raw form) at {@code path}.
   *
   * @param display whether the device shows the address for the user to confirm
   */
  public byte[] getPubkey(DerivationPath path, boolean display) {
    byte[] d = call(INS_GET_PUBKEY, display ? P1_CONFIRM : P1_NON_CONFIRM, serializePath(path));
    if (d.length != 32) {
      throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response",
          "public key has " + d.length + " bytes, expected 32");
    }
    return d;
  }

  /** Signs a serialized transaction message (legacy or v0); returns the 64-byte Ed25519 signature. */
  public byte[] signTransaction(DerivationPath path, byte[] message) {
    return sign(INS_SIGN_MESSAGE, path, message, "message");
  }

  /**
   * Signs an off-chain message, header included (see {@link #offchainMessage(byte[])}); returns the
   * 64-byte Ed25519 signature over the whole message.
   */
  public byte[] signOffchainMessage(DerivationPath path, byte[] offchainMessage) {
    return sign(INS_SIGN_OFFCHAIN_MESSAGE, path, offchainMessage, "offchainMessage");
  }

  /**
   * An off-chain message as the app expects it: {@code 0xff "solana offchain"}, version 0, format
   * (0 restricted ASCII, 1 limited UTF-8, chosen from the text), the text length as 2 bytes
   * little-endian, then the text.
   *
   * @throws LedgerException INVALID_ARGUMENT (field {@code text}) for empty or too long text
   */
  public static byte[] offchainMessage(byte[] text) {
    if (text == null || text.length == 0) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "text", "is null or empty");
    }
    if (text.length > MAX_OFFCHAIN_TEXT) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "text",
          "has " + text.length + " bytes, at most " + MAX_OFFCHAIN_TEXT);
    }
    int format = 0;
    for (byte b : text) {
      if (b < 0x20 || b > 0x7e) {
        format = 1;
        break;
      }
    }
    byte[] out = new byte[OFFCHAIN_HEADER_LENGTH + text.length];
    System.arraycopy(OFFCHAIN_DOMAIN, 0, out, 0, OFFCHAIN_DOMAIN.length);
    int o = OFFCHAIN_DOMAIN.length;
    out[o] = 0; // version
    out[o + 1] = (byte) format;
    out[o + 2] = (byte) text.length;
    out[o + 3] = (byte) (text.length >>> 8);
    System.arraycopy(text, 0, out, OFFCHAIN_HEADER_LENGTH, text.length);
    return out;
  }

  /**
   * Whether {@code message} starts with a well-formed off-chain header whose length field matches
   * the rest.
   */
  public static boolean isOffchainMessage(byte[] message) {
    if (message == null || message.length <= OFFCHAIN_HEADER_LENGTH) {
      return false;
    }
    for (int i = 0; i < OFFCHAIN_DOMAIN.length; i++) {
      if (message[i] != OFFCHAIN_DOMAIN[i]) {
        return false;
      }
    }
    int o = OFFCHAIN_DOMAIN.length;
    int len = (message[o + 2] & 0xFF) | (message[o + 3] & 0xFF) << 8;
    return message[o] == 0 && (message[o + 1] & 0xFF) <= 2 && len == message.length - OFFCHAIN_HEADER_LENGTH;
  }

  private byte[] sign(int ins, DerivationPath path, byte[] message, String field) {
    if (message == null || message.length == 0) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, field, "is null or empty");
    }
    if (message.length > MAX_MESSAGE_LENGTH) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, field,
          "has " + message.length + " bytes, at most " + MAX_MESSAGE_LENGTH);
    }
    byte[] p = serializePath(path);
    byte[] payload = new byte[1 + p.length + message.length];
    payload[0] = 1; // one signer path
    System.arraycopy(p, 0, payload, 1, p.length);
    System.arraycopy(message, 0, payload, 1 + p.length, message.length);
    byte[] sig = call(ins, P1_CONFIRM, payload);
    if (sig.length != 64) {
      throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response",
          "signature has " + sig.length + " bytes, expected 64");
    }
    return sig;
  }

  /** The commands {@link #signTransaction} / {@code sendToDevice} send for a payload: ledgerjs's chunking. */
  static ApduCommand[] chunks(int ins, int p1, byte[] payload) {
    int n = payload.length <= MAX_CHUNK ? 1 : (payload.length + MAX_CHUNK - 1) / MAX_CHUNK;
    ApduCommand[] out = new ApduCommand[n];
    int p2 = 0;
    int off = 0;
    for (int i = 0; i < n; i++) {
      int len = Math.min(MAX_CHUNK, payload.length - off);
      byte[] chunk = new byte[len];
      System.arraycopy(payload, off, chunk, 0, len);
      off += len;
      boolean last = i == n - 1;
      out[i] = ApduCommand.of(CLA, ins, p1, last ? p2 : p2 | P2_MORE, chunk);
      p2 |= P2_EXTEND;
    }
    return out;
  }

  private byte[] call(int ins, int p1, byte[] payload) {
    ApduCommand[] cmds = chunks(ins, p1, payload);
    synchronized (lock) {
      ApduResponse r = null;
      for (ApduCommand c : cmds) {
        r = transport.exchange(c);
        if (!r.isOk()) {
          throw error(r.statusWord());
        }
      }
      return r.data();
    }
  }

  static LedgerException error(int sw) {
    if (sw == SW_BLIND_SIGNATURE_REQUIRED) {
      return LedgerException.ofStatus(sw, LedgerException.Kind.BLIND_SIGNING_DISABLED);
    }
    return LedgerException.ofStatus(sw);
  }

  static void checkPath(DerivationPath path) {
    if (path == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path", "is null");
    }
    if (path.depth() == 0 || path.depth() > 10) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path",
          "has " + path.depth() + " levels, the app takes 1 to 10");
    }
  }

  /** {@code depth || index...} with 4-byte big-endian indexes. */
  static byte[] serializePath(DerivationPath path) {
    checkPath(path);
    int[] idx = path.toArray();
    byte[] out = new byte[1 + 4 * idx.length];
    out[0] = (byte) idx.length;
    for (int i = 0; i < idx.length; i++) {
      int v = idx[i];
      out[1 + 4 * i] = (byte) (v >>> 24);
      out[2 + 4 * i] = (byte) (v >>> 16);
      out[3 + 4 * i] = (byte) (v >>> 8);
      out[4 + 4 * i] = (byte) v;
    }
    return out;
  }

  @Override
  public String toString() {
    return "SolanaApp{" + transport.descriptor() + "}";
  }
}
