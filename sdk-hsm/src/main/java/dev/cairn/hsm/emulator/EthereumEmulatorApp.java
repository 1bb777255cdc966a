package dev.cairn.hsm.emulator;

import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.hsm.emulator.internal.Eip712Device;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerPaths;
import dev.cairn.hsm.ledger.StatusWords;
import dev.cairn.hsm.ledger.eth.internal.TxRlp;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Ethereum app (CLA 0xE0) of the {@link LedgerEmulator}: getAddress (with display and chain
 * code), getAppConfiguration, signTransaction (legacy, EIP-2930, EIP-1559 and other typed
 * transactions, chunked; complete when the RLP length is reached; v as the app computes it: the
 * parity for typed transactions, {@code 27 + parity} without a chain id, else the low byte of
 * {@code chainId32 * 2 + 35 + parity} where chainId32 is the chain id's 4 most significant bytes),
 * signPersonalMessage, EIP-712 by hashes and full EIP-712 (definitions, implementations, signature).
 * Provisioning APDUs (ERC-20 token, plugins) are accepted and acknowledged. A transaction with
 * call data answers 0x6A80 when blind signing is disabled, as the real app does.
 */
public final class EthereumEmulatorApp implements EmulatorApp {
  private static final int MAX_TX = 1 << 16;
  private final String version;
  private final int[] versionParts;
  private final boolean blindSigning;
  private final ByteArrayOutputStream txBuffer = new ByteArrayOutputStream();
  private DerivationPath txPath;
  private final ByteArrayOutputStream msgBuffer = new ByteArrayOutputStream();
  private DerivationPath msgPath;
  private int msgLength;
  private final Eip712Device eip712 = new Eip712Device();

  private EthereumEmulatorApp(String version, boolean blindSigning) {
    this.version = version;
    this.versionParts = parseVersion(version);
    this.blindSigning = blindSigning;
  }

  /** Version 1.10.4 with blind signing enabled. */
  public static EthereumEmulatorApp create() {
    return new EthereumEmulatorApp("1.10.4", true);
  }

  /**
   * An app with a given version ({@code major.minor.patch}, each 0..255) and blind-signing setting.
   *
   * @throws LedgerException (INVALID_ARGUMENT) on a malformed version
   */
  public static EthereumEmulatorApp create(String version, boolean blindSigning) {
    parseVersion(version);
    return new EthereumEmulatorApp(version, blindSigning);
  }

  private static int[] parseVersion(String version) {
    if (version == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "version", "is null");
    }
    int[] v = new int[3];
    int part = 0;
    int digits = 0;
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c == '.' && digits > 0 && part < 2) {
        part++;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        v[part] = v[part] * 10 + (c - '0');
        digits++;
      } else {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "version", "must be major.minor.patch, bad character at offset " + i);
      }
    }
    if (part != 2 || digits == 0 || v[0] > 255 || v[1] > 255 || v[2] > 255) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "version", "must be major.minor.patch with components 0..255");
    }
    return v;
  }

  @Override
  public String name() {
    return "Ethereum";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public int cla() {
    return 0xE0;
  }

  @Override
  public void reset() {
    txBuffer.reset();
    txPath = null;
    msgBuffer.reset();
    msgPath = null;
    eip712.reset();
  }

  @Override
  public ApduResponse handle(ApduCommand c, DeviceContext device) {
    byte[] d = c.data();
    switch (c.ins()) {
      case 0x06: {
        int[] v = versionParts;
        return ApduResponse.ok(new byte[] {(byte) (blindSigning ? 0x01 : 0x00), (byte) v[0], (byte) v[1], (byte) v[2]});
      }
      case 0x02:
        return getAddress(c, d, device);
      case 0x04:
        return signTransaction(c, d, device);
      case 0x08:
        return signPersonal(c, d, device);
      case 0x0C:
        return signEip712(c, d, device);
      case 0x1A:
        eip712.define(c.p2(), d);
        return ApduResponse.ok(new byte[0]);
      case 0x1C:
        eip712.implement(c.p1(), c.p2(), d);
        return ApduResponse.ok(new byte[0]);
      case 0x0A:
        return ApduResponse.ok(new byte[0]); // recorded devices answer a bare 9000 (newer apps add the token index)
      case 0x12:
      case 0x16:
        return ApduResponse.ok(new byte[0]);
      default:
        return ApduResponse.status(StatusWords.INS_NOT_SUPPORTED);
    }
  }

  private ApduResponse getAddress(ApduCommand c, byte[] d, DeviceContext device) {
    DerivationPath path = LedgerPaths.decode(d, 0);
    int used = 1 + 4 * path.depth();
    if (d.length != used && d.length != used + 8) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    Bip32Key k = device.secp256k1(path);
    try {
      byte[] pub = k.publicKey().uncompressed();
      String address = checksumAddress(pub);
      if (c.p1() == 0x01 && device.confirm("Verify address 0x" + address) == ScriptedUser.Decision.REJECT) {
        return ApduResponse.status(StatusWords.USER_REJECTED);
      }
      byte[] a = address.getBytes(StandardCharsets.US_ASCII);
      byte[] cc = c.p2() == 0x01 ? k.chainCode() : new byte[0];
      byte[] out = new byte[2 + pub.length + a.length + cc.length];
      out[0] = (byte) pub.length;
      System.arraycopy(pub, 0, out, 1, pub.length);
      out[1 + pub.length] = (byte) a.length;
      System.arraycopy(a, 0, out, 2 + pub.length, a.length);
      System.arraycopy(cc, 0, out, 2 + pub.length + a.length, cc.length);
      return ApduResponse.ok(out);
    } finally {
      k.destroy();
    }
  }

  private ApduResponse signTransaction(ApduCommand c, byte[] d, DeviceContext device) {
    if (c.p1() == 0x00) {
      txBuffer.reset();
      txPath = LedgerPaths.decode(d, 0);
      int used = 1 + 4 * txPath.depth();
      txBuffer.write(d, used, d.length - used);
    } else if (c.p1() == 0x80 && txPath != null) {
      txBuffer.write(d, 0, d.length);
    } else {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    byte[] tx = txBuffer.toByteArray();
    long total = expectedLength(tx);
    if (total == -2 || tx.length > MAX_TX) {
      txPath = null;
      txBuffer.reset();
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    if (total < 0 || tx.length < total) {
      return ApduResponse.ok(new byte[0]);
    }
    DerivationPath path = txPath;
    txPath = null;
    txBuffer.reset();
    if (tx.length > total) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    Integer type = (tx[0] & 0xFF) <= 0x7F ? tx[0] & 0xFF : null;
    List<TxRlp.Item> items;
    try {
      items = TxRlp.items(tx, type == null ? 0 : 1);
    } catch (LedgerException e) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    int toIndex = type == null ? 3 : type == 1 ? 4 : 5;
    if (items.size() <= toIndex + 2) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    BigInteger chainId = BigInteger.ZERO;
    if (type != null) {
      chainId = new BigInteger(1, TxRlp.bytes(tx, items.get(0)));
    } else if (items.size() >= 9 && !items.get(6).list) {
      chainId = new BigInteger(1, TxRlp.bytes(tx, items.get(6)));
    }
    byte[] data = items.get(toIndex + 2).list ? new byte[0] : TxRlp.bytes(tx, items.get(toIndex + 2));
    if (data.length > 0 && !blindSigning) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    String to = items.get(toIndex).list ? "?" : Hex.encode(TxRlp.bytes(tx, items.get(toIndex)));
    String value = items.get(toIndex + 1).list ? "?" : new BigInteger(1, TxRlp.bytes(tx, items.get(toIndex + 1))).toString();
    String prompt = (data.length > 0 ? "Blind sign transaction" : "Review transaction") + ": to 0x" + to + ", amount "
        + value + " wei, chain " + chainId + (type == null ? "" : ", type " + type);
    if (device.confirm(prompt) == ScriptedUser.Decision.REJECT) {
      return ApduResponse.status(StatusWords.USER_REJECTED);
    }
    EcdsaSignature sig = sign(device, path, Keccak256.hash(tx));
    int parity = sig.recoveryId();
    int v;
    if (type != null) {
      v = parity;
    } else if (chainId.signum() == 0) {
      v = 27 + parity;
    } else {
      byte[] cb = chainId.toByteArray();
      int off = cb.length > 1 && cb[0] == 0 ? 1 : 0;
      long c32 = 0;
      for (int i = off; i < Math.min(cb.length, off + 4); i++) {
        c32 = (c32 << 8) | (cb[i] & 0xFF);
      }
      v = (int) ((c32 * 2 + 35 + parity) & 0xFF);
    }
    return signatureResponse(v, sig);
  }

  /** The full length of the (typed) transaction from its RLP header, or -1 if the header is incomplete. */
  private static long expectedLength(byte[] tx) {
    if (tx.length == 0) {
      return -1;
    }
    int o = (tx[0] & 0xFF) <= 0x7F ? 1 : 0;
    if (tx.length <= o) {
      return -1;
    }
    int h = tx[o] & 0xFF;
    if (h < 0xC0) {
      return -2; // not a list
    }
    if (h <= 0xF7) {
      return o + 1 + (h - 0xC0);
    }
    int n = h - 0xF7;
    if (tx.length < o + 1 + n) {
      return -1;
    }
    long len = 0;
    for (int i = 0; i < n; i++) {
      len = (len << 8) | (tx[o + 1 + i] & 0xFF);
    }
    return o + 1 + n + len;
  }

  private ApduResponse signPersonal(ApduCommand c, byte[] d, DeviceContext device) {
    if (c.p1() == 0x00) {
      msgBuffer.reset();
      msgPath = LedgerPaths.decode(d, 0);
      int used = 1 + 4 * msgPath.depth();
      if (d.length < used + 4) {
        msgPath = null;
        return ApduResponse.status(StatusWords.INVALID_DATA);
      }
      msgLength = ((d[used] & 0xFF) << 24) | ((d[used + 1] & 0xFF) << 16) | ((d[used + 2] & 0xFF) << 8) | (d[used + 3] & 0xFF);
      if (msgLength < 0 || msgLength > (1 << 20)) {
        msgPath = null;
        return ApduResponse.status(StatusWords.INVALID_DATA);
      }
      msgBuffer.write(d, used + 4, d.length - used - 4);
    } else if (c.p1() == 0x80 && msgPath != null) {
      msgBuffer.write(d, 0, d.length);
    } else {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    if (msgBuffer.size() < msgLength) {
      return ApduResponse.ok(new byte[0]);
    }
    DerivationPath path = msgPath;
    msgPath = null;
    byte[] msg = msgBuffer.toByteArray();
    msgBuffer.reset();
    if (msg.length != msgLength) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    if (device.confirm("Sign message: " + printable(msg)) == ScriptedUser.Decision.REJECT) {
      return ApduResponse.status(StatusWords.USER_REJECTED);
    }
    byte[] prefix = ("\u0019Ethereum Signed Message:\n" + msg.length).getBytes(StandardCharsets.UTF_8);
    byte[] pre = Arrays.copyOf(prefix, prefix.length + msg.length);
    System.arraycopy(msg, 0, pre, prefix.length, msg.length);
    EcdsaSignature sig = sign(device, path, Keccak256.hash(pre));
    return signatureResponse(27 + sig.recoveryId(), sig);
  }

  private ApduResponse signEip712(ApduCommand c, byte[] d, DeviceContext device) {
    DerivationPath path = LedgerPaths.decode(d, 0);
    int used = 1 + 4 * path.depth();
    byte[] digest;
    String prompt;
    if (c.p2() == 0x00) {
      if (d.length != used + 64) {
        return ApduResponse.status(StatusWords.INVALID_DATA);
      }
      byte[] pre = new byte[66];
      pre[0] = 0x19;
      pre[1] = 0x01;
      System.arraycopy(d, used, pre, 2, 64);
      digest = Keccak256.hash(pre);
      prompt = "Sign typed data (hashes): domain 0x" + Hex.encode(Arrays.copyOfRange(pre, 2, 34)) + ", message 0x"
          + Hex.encode(Arrays.copyOfRange(pre, 34, 66));
    } else if (c.p2() == 0x01) {
      if (d.length != used) {
        return ApduResponse.status(StatusWords.INVALID_DATA);
      }
      digest = eip712.digest();
      eip712.reset();
      prompt = "Sign typed data (EIP-712 message reviewed field by field)";
    } else {
      return ApduResponse.status(StatusWords.WRONG_P1_P2);
    }
    if (device.confirm(prompt) == ScriptedUser.Decision.REJECT) {
      return ApduResponse.status(StatusWords.USER_REJECTED);
    }
    EcdsaSignature sig = sign(device, path, digest);
    return signatureResponse(27 + sig.recoveryId(), sig);
  }

  private static EcdsaSignature sign(DeviceContext device, DerivationPath path, byte[] digest) {
    Bip32Key k = device.secp256k1(path);
    Secp256k1PrivateKey pk = k.privateKey();
    try {
      return pk.sign(digest);
    } finally {
      pk.destroy();
      k.destroy();
    }
  }

  private static ApduResponse signatureResponse(int v, EcdsaSignature sig) {
    byte[] rs = sig.toCompact();
    byte[] out = new byte[65];
    out[0] = (byte) v;
    System.arraycopy(rs, 0, out, 1, 64);
    return ApduResponse.ok(out);
  }

  private static String printable(byte[] msg) {
    StringBuilder sb = new StringBuilder();
    for (byte b : msg) {
      int ch = b & 0xFF;
      if (ch < 0x20 || ch > 0x7E) {
        return "0x" + Hex.encode(msg);
      }
      sb.append((char) ch);
    }
    return sb.toString();
  }

  /** The EIP-55 checksummed address (40 characters, no 0x) of an uncompressed public key. */
  static String checksumAddress(byte[] uncompressed) {
    byte[] h = Keccak256.hash(Arrays.copyOfRange(uncompressed, 1, 65));
    String lower = Hex.encode(Arrays.copyOfRange(h, 12, 32)).toLowerCase(Locale.ROOT);
    byte[] ch = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      char x = lower.charAt(i);
      int nibble = (ch[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0F;
      sb.append(x >= 'a' && nibble >= 8 ? Character.toUpperCase(x) : x);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "EthereumEmulatorApp{" + version + (blindSigning ? ", blind signing" : "") + "}";
  }
}
