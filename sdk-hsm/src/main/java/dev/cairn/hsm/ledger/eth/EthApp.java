package dev.cairn.hsm.ledger.eth;

import dev.cairn.core.CairnException;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerPaths;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.StatusWords;
import dev.cairn.hsm.ledger.eth.internal.Eip712Apdus;
import dev.cairn.hsm.ledger.eth.internal.TxRlp;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A client of the Ledger Ethereum app (CLA 0xE0), sending the same APDUs as ledgerjs's
 * {@code @ledgerhq/hw-app-eth}: addresses, configuration, transactions (legacy, EIP-2930,
 * EIP-1559, chunked with the path in the first chunk), personal messages, EIP-712 by hashes and
 * full EIP-712 (struct definitions and implementations, then the signature), ERC-20 and plugin
 * descriptors, and the eth2 / EIP-1024 key queries. Status words become {@link LedgerException}s;
 * a contract-call transaction refused with 0x6A80 is reported as {@code BLIND_SIGNING_DISABLED}.
 *
 * <p>Thread-safe as far as the transport is; multi-APDU operations hold the client's lock so
 * their chunks are not interleaved.
 */
public final class EthApp {
  /** The app's class byte. */
  public static final int CLA = 0xE0;
  static final int INS_GET_ADDRESS = 0x02;
  static final int INS_SIGN_TX = 0x04;
  static final int INS_GET_CONFIGURATION = 0x06;
  static final int INS_SIGN_PERSONAL = 0x08;
  static final int INS_PROVIDE_ERC20 = 0x0A;
  static final int INS_SIGN_EIP712 = 0x0C;
  static final int INS_ETH2_GET_PUBLIC_KEY = 0x0E;
  static final int INS_ETH2_SET_WITHDRAWAL_INDEX = 0x10;
  static final int INS_SET_EXTERNAL_PLUGIN = 0x12;
  static final int INS_PERFORM_PRIVACY_OPERATION = 0x18;

  private final LedgerTransport transport;
  private final TxChunking chunking;

  private EthApp(LedgerTransport transport, TxChunking chunking) {
    this.transport = transport;
    this.chunking = chunking;
  }

  /** A client sending transactions as current ledgerjs does ({@link TxChunking#LEDGERJS}). */
  public static EthApp on(LedgerTransport transport) {
    return on(transport, TxChunking.LEDGERJS);
  }

  /** A client with an explicit transaction chunking. */
  public static EthApp on(LedgerTransport transport, TxChunking chunking) {
    if (transport == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "transport", "is null");
    }
    if (chunking == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "chunking", "is null");
    }
    return new EthApp(transport, chunking);
  }

  /** The transport. */
  public LedgerTransport transport() {
    return transport;
  }

  /** getAppConfiguration (INS 0x06). */
  public EthAppConfiguration getAppConfiguration() {
    byte[] r = send(INS_GET_CONFIGURATION, 0, 0, new byte[0]);
    if (r.length < 4) {
      throw shortResponse("configuration", r.length, 4);
    }
    return new EthAppConfiguration(r[0] & 0xFF, r[1] & 0xFF, r[2] & 0xFF, r[3] & 0xFF);
  }

  /** getAddress without a chain id (INS 0x02). */
  public EthAddress getAddress(String path, boolean display, boolean chainCode) {
    return getAddress(path, display, chainCode, null);
  }

  /**
   * getAddress (INS 0x02): P1 01 asks the device to display and confirm the address, P2 01 asks
   * for the chain code; a chain id (at most 8 bytes) is appended after the path so the device can
   * name the network.
   */
  public EthAddress getAddress(String path, boolean display, boolean chainCode, BigInteger chainId) {
    byte[] p = LedgerPaths.encode(LedgerPaths.parse(path));
    byte[] data = p;
    if (chainId != null && chainId.signum() != 0) {
      byte[] c = unsigned(chainId, "chainId");
      if (c.length > 8) {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "chainId", "is wider than 8 bytes");
      }
      data = Arrays.copyOf(p, p.length + 8);
      System.arraycopy(c, 0, data, data.length - c.length, c.length);
    }
    byte[] r = send(INS_GET_ADDRESS, display ? 1 : 0, chainCode ? 1 : 0, data);
    int pkLen = r.length > 0 ? r[0] & 0xFF : 0;
    if (r.length < 2 + pkLen) {
      throw shortResponse("address", r.length, 2 + pkLen);
    }
    int addrLen = r[1 + pkLen] & 0xFF;
    int end = 2 + pkLen + addrLen;
    if (r.length < end + (chainCode ? 32 : 0)) {
      throw shortResponse("address", r.length, end + (chainCode ? 32 : 0));
    }
    byte[] pk = Arrays.copyOfRange(r, 1, 1 + pkLen);
    String addr = "0x" + new String(r, 2 + pkLen, addrLen, StandardCharsets.US_ASCII);
    byte[] cc = chainCode ? Arrays.copyOfRange(r, end, end + 32) : null;
    return new EthAddress(pk, addr, cc);
  }

  /**
   * signTransaction (INS 0x04) over the unsigned transaction: legacy RLP (with or without the
   * EIP-155 {@code chainId, 0, 0} tail) or typed {@code type || rlp(...)}. The v of the result is
   * computed as ledgerjs does.
   *
   * @throws LedgerException BLIND_SIGNING_DISABLED when the device answers 0x6A80 to a transaction
   *     with call data, USER_REJECTED on 0x6985, INVALID_ARGUMENT when the bytes are not a transaction
   */
  public EthSignature signTransaction(String path, byte[] rawTx) {
    if (rawTx == null || rawTx.length == 0) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "rawTx", "is null or empty");
    }
    TxInfo tx = TxInfo.parse(rawTx);
    byte[] p = LedgerPaths.encode(LedgerPaths.parse(path));
    List<byte[]> chunks = chunking == TxChunking.LEDGERJS ? safeChunks(rawTx, p, tx) : legacyChunks(rawTx, p, tx);
    byte[] r;
    synchronized (this) {
      ApduResponse resp = null;
      for (int i = 0; i < chunks.size(); i++) {
        resp = transport.exchange(ApduCommand.of(CLA, INS_SIGN_TX, i == 0 ? 0x00 : 0x80, 0x00, chunks.get(i)));
        if (!resp.isOk()) {
          if (resp.statusWord() == StatusWords.INVALID_DATA && tx.hasData) {
            throw LedgerException.ofStatus(resp.statusWord(), LedgerException.Kind.BLIND_SIGNING_DISABLED);
          }
          throw LedgerException.ofStatus(resp.statusWord());
        }
      }
      r = resp.data();
    }
    if (r.length < 65) {
      throw shortResponse("signature", r.length, 65);
    }
    int deviceV = r[0] & 0xFF;
    BigInteger v;
    int parity;
    if (tx.type != null) {
      parity = deviceV;
      if (parity > 1) {
        throw new LedgerException(LedgerException.Kind.DEVICE_ERROR, "v",
            "the device returned v=" + deviceV + " for a typed transaction, expected 0 or 1");
      }
      v = BigInteger.valueOf(parity);
    } else if (tx.chainId.signum() == 0) {
      v = BigInteger.valueOf(deviceV);
      parity = (deviceV - 27) & 1;
    } else {
      parity = parity(deviceV, tx.chainId);
      v = tx.chainId.shiftLeft(1).add(BigInteger.valueOf(35 + parity));
    }
    return new EthSignature(deviceV, v, parity, Arrays.copyOfRange(r, 1, 33), Arrays.copyOfRange(r, 33, 65));
  }

  /**
   * The parity from the device's truncated v, as ledgerjs's {@code getParity}: the device keeps
   * the most significant 4 bytes of the chain id, applies EIP-155 and keeps one byte.
   */
  static int parity(int deviceV, BigInteger chainId) {
    byte[] c = unsigned(chainId, "chainId");
    long c32 = 0;
    for (int i = 0; i < Math.min(4, c.length); i++) {
      c32 = (c32 << 8) | (c[i] & 0xFF);
    }
    long base = c32 * 2 + 35;
    if (base % 256 == deviceV) {
      return 0;
    }
    if ((base + 1) % 256 == deviceV) {
      return 1;
    }
    throw new LedgerException(LedgerException.Kind.DEVICE_ERROR, "v",
        "the device's v byte " + deviceV + " matches neither parity for chain id " + chainId);
  }

  static int parityForTest(int deviceV, BigInteger chainId) {
    return chainId.signum() == 0 ? (deviceV - 27) & 1 : parity(deviceV, chainId);
  }

  /** signPersonalMessage (INS 0x08): EIP-191 personal message, chunked by 150 bytes. */
  public EthSignature signPersonalMessage(String path, byte[] message) {
    if (message == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "message", "is null");
    }
    byte[] p = LedgerPaths.encode(LedgerPaths.parse(path));
    byte[] r;
    synchronized (this) {
      int offset = 0;
      byte[] resp = null;
      do {
        int max = offset == 0 ? 150 - p.length - 4 : 150;
        int n = Math.min(max, message.length - offset);
        byte[] data;
        if (offset == 0) {
          data = new byte[p.length + 4 + n];
          System.arraycopy(p, 0, data, 0, p.length);
          int len = message.length;
          data[p.length] = (byte) (len >>> 24);
          data[p.length + 1] = (byte) (len >>> 16);
          data[p.length + 2] = (byte) (len >>> 8);
          data[p.length + 3] = (byte) len;
          System.arraycopy(message, 0, data, p.length + 4, n);
        } else {
          data = Arrays.copyOfRange(message, offset, offset + n);
        }
        resp = send(INS_SIGN_PERSONAL, offset == 0 ? 0x00 : 0x80, 0, data);
        offset += n;
      } while (offset != message.length);
      r = resp;
    }
    return messageSignature(r);
  }

  /** signEIP712HashedMessage (INS 0x0C, P2 00): the host computed the domain separator and hashStruct(message). */
  public EthSignature signEip712Hashed(String path, byte[] domainSeparator, byte[] hashStruct) {
    if (domainSeparator == null || domainSeparator.length != 32) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "domainSeparator", "must be 32 bytes");
    }
    if (hashStruct == null || hashStruct.length != 32) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "hashStruct", "must be 32 bytes");
    }
    byte[] p = LedgerPaths.encode(LedgerPaths.parse(path));
    byte[] data = Arrays.copyOf(p, p.length + 64);
    System.arraycopy(domainSeparator, 0, data, p.length, 32);
    System.arraycopy(hashStruct, 0, data, p.length + 32, 32);
    return messageSignature(send(INS_SIGN_EIP712, 0, 0, data));
  }

  /**
   * Full EIP-712 signing ("clear signing" of the message's fields, no filters): the app's name and
   * version are read from the dashboard (CLA 0xB0), every struct definition is sent (types in
   * alphabetical order, INS 0x1A), then the domain and message implementations (INS 0x1C), then
   * the signature request (INS 0x0C, P1 00 P2 01), exactly as ledgerjs's {@code signEIP712Message}
   * without CAL filters.
   *
   * @param typedDataJson the eth_signTypedData_v4 JSON ({@code types}, {@code primaryType},
   *     {@code domain}, {@code message})
   * @throws LedgerException INVALID_ARGUMENT naming the JSON field at fault
   */
  public EthSignature signEip712Message(String path, String typedDataJson) {
    byte[] p = LedgerPaths.encode(LedgerPaths.parse(path));
    List<ApduCommand> commands;
    try {
      commands = Eip712Apdus.build(typedDataJson);
    } catch (CairnException e) {
      if (e instanceof LedgerException) {
        throw e;
      }
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "typedData", e.getMessage(), e);
    }
    synchronized (this) {
      transport.exchange(ApduCommand.of(0xB0, 0x01, 0, 0, new byte[0])).dataOrThrow();
      for (ApduCommand c : commands) {
        transport.exchange(c).dataOrThrow();
      }
      return messageSignature(send(INS_SIGN_EIP712, 0x00, 0x01, p));
    }
  }

  /** provideERC20TokenInformation (INS 0x0A): a signed token descriptor from Ledger's CAL. Returns the device's token index. */
  public int provideErc20TokenInformation(byte[] signedDescriptor) {
    byte[] r = send(INS_PROVIDE_ERC20, 0, 0, checkData("signedDescriptor", signedDescriptor));
    return r.length > 0 ? r[0] & 0xFF : -1;
  }

  /** setExternalPlugin (INS 0x12): a plugin payload and its CAL signature. */
  public void setExternalPlugin(byte[] payload, byte[] signature) {
    checkData("payload", payload);
    checkData("signature", signature);
    byte[] data = Arrays.copyOf(payload, payload.length + signature.length);
    System.arraycopy(signature, 0, data, payload.length, signature.length);
    send(INS_SET_EXTERNAL_PLUGIN, 0, 0, checkData("payload", data));
  }

  /** eth2GetPublicKey (INS 0x0E): the 48-byte BLS12-381 validator public key at an EIP-2334 path. */
  public byte[] eth2GetPublicKey(String path, boolean display) {
    byte[] r = send(INS_ETH2_GET_PUBLIC_KEY, display ? 1 : 0, 0, LedgerPaths.encode(LedgerPaths.parse(path)));
    if (r.length < 48) {
      throw shortResponse("publicKey", r.length, 48);
    }
    return Arrays.copyOf(r, 48);
  }

  /** eth2SetWithdrawalIndex (INS 0x10). */
  public void eth2SetWithdrawalIndex(long index) {
    if (index < 0 || index > 0xFFFF_FFFFL) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "index", "is not a uint32");
    }
    send(INS_ETH2_SET_WITHDRAWAL_INDEX, 0, 0,
        new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
  }

  /** getEIP1024PublicEncryptionKey (INS 0x18, P2 00): the 32-byte X25519 encryption public key. */
  public byte[] eip1024PublicEncryptionKey(String path, boolean display) {
    byte[] r = send(INS_PERFORM_PRIVACY_OPERATION, display ? 1 : 0, 0, LedgerPaths.encode(LedgerPaths.parse(path)));
    if (r.length < 32) {
      throw shortResponse("publicKey", r.length, 32);
    }
    return Arrays.copyOf(r, 32);
  }

  /** getEIP1024SharedSecret (INS 0x18, P2 01): the X25519 shared secret with a remote public key. */
  public byte[] eip1024SharedSecret(String path, byte[] remotePublicKey, boolean display) {
    if (remotePublicKey == null || remotePublicKey.length != 32) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "remotePublicKey", "must be 32 bytes");
    }
    byte[] p = LedgerPaths.encode(LedgerPaths.parse(path));
    byte[] data = Arrays.copyOf(p, p.length + 32);
    System.arraycopy(remotePublicKey, 0, data, p.length, 32);
    byte[] r = send(INS_PERFORM_PRIVACY_OPERATION, display ? 1 : 0, 1, data);
    if (r.length < 32) {
      throw shortResponse("sharedSecret", r.length, 32);
    }
    return Arrays.copyOf(r, 32);
  }

  private static byte[] checkData(String field, byte[] data) {
    if (data == null || data.length > ApduCommand.MAX_DATA) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, field,
          data == null ? "is null" : "has " + data.length + " bytes, more than one APDU carries");
    }
    return data;
  }

  private static EthSignature messageSignature(byte[] r) {
    if (r.length < 65) {
      throw shortResponse("signature", r.length, 65);
    }
    int v = r[0] & 0xFF;
    if (v != 27 && v != 28 && v != 0 && v != 1) {
      throw new LedgerException(LedgerException.Kind.DEVICE_ERROR, "v", "is " + v + ", expected 27 or 28");
    }
    return new EthSignature(v, BigInteger.valueOf(v), v & 1 ^ (v >= 27 ? 1 : 0),
        Arrays.copyOfRange(r, 1, 33), Arrays.copyOfRange(r, 33, 65));
  }

  private byte[] send(int ins, int p1, int p2, byte[] data) {
    return transport.exchange(ApduCommand.of(CLA, ins, p1, p2, data)).dataOrThrow();
  }

  private static LedgerException shortResponse(String field, int got, int need) {
    return new LedgerException(LedgerException.Kind.MALFORMED_FRAME, field,
        "the response has " + got + " bytes, expected at least " + need);
  }

  static byte[] unsigned(BigInteger v, String field) {
    if (v.signum() < 0) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, field, "is negative");
    }
    byte[] b = v.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      return Arrays.copyOfRange(b, 1, b.length);
    }
    return b;
  }

  // ledgerjs safeChunkTransaction (hw-app-eth 7.x), except for legacy transactions without the EIP-155 tail (see below)
  static List<byte[]> safeChunks(byte[] rawTx, byte[] path, TxInfo tx) {
    final int max = 255;
    byte[] payload = concat(path, rawTx);
    List<byte[]> out = new ArrayList<>();
    if (payload.length <= max) {
      out.add(payload);
      return out;
    }
    int chunkSize = max;
    // ledgerjs adjusts for every legacy transaction; for one without the EIP-155 tail (6 fields) its
    // adjustment is meaningless and can pick 1-byte chunks (or no size at all: a RangeError), which the
    // device rejects, so this client keeps 255-byte chunks there.
    if (tx.type == null && tx.itemCount > 6) {
      int vrs = tx.lastThreeEncodedLength; // length of rlp.encode(last three) minus its first byte
      int last = payload.length % max;
      if (!(last == 0 || last > vrs)) {
        chunkSize = 0;
        for (int i = 1; i <= max; i++) {
          int l = payload.length % (max - i);
          if (l == 0 || l > vrs) {
            chunkSize = max - i;
            break;
          }
        }
        if (chunkSize == 0) {
          throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "rawTx", "no chunk size keeps the EIP-155 tail whole");
        }
      }
    }
    for (int off = 0; off < payload.length; off += chunkSize) {
      out.add(Arrays.copyOfRange(payload, off, Math.min(payload.length, off + chunkSize)));
    }
    return out;
  }

  // older ledgerjs: 150-byte APDUs, EIP-155 tail kept with the last chunk
  static List<byte[]> legacyChunks(byte[] rawTx, byte[] path, TxInfo tx) {
    int vrsOffset = 0;
    if (tx.type == null && tx.itemCount > 6) {
      vrsOffset = rawTx.length - tx.lastThreeEncodedLength;
    }
    List<byte[]> out = new ArrayList<>();
    int offset = 0;
    while (offset != rawTx.length) {
      int max = offset == 0 ? 150 - path.length : 150;
      int n = offset + max > rawTx.length ? rawTx.length - offset : max;
      if (vrsOffset != 0 && offset + n >= vrsOffset) {
        n = rawTx.length - offset;
      }
      byte[] chunk = offset == 0 ? concat(path, Arrays.copyOfRange(rawTx, 0, n)) : Arrays.copyOfRange(rawTx, offset, offset + n);
      if (chunk.length > ApduCommand.MAX_DATA) {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "rawTx",
            "the EIP-155 tail makes a chunk of " + chunk.length + " bytes, more than one APDU carries");
      }
      out.add(chunk);
      offset += n;
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** What the client needs from an unsigned transaction: its type, chain id, data presence, RLP tail size. */
  static final class TxInfo {
    final Integer type;
    final BigInteger chainId;
    final boolean hasData;
    final int itemCount;
    final int lastThreeEncodedLength;

    private TxInfo(Integer type, BigInteger chainId, boolean hasData, int itemCount, int lastThree) {
      this.type = type;
      this.chainId = chainId;
      this.hasData = hasData;
      this.itemCount = itemCount;
      this.lastThreeEncodedLength = lastThree;
    }

    static TxInfo parse(byte[] raw) {
      int first = raw[0] & 0xFF;
      Integer type = first <= 0x7F ? first : null;
      List<TxRlp.Item> items = TxRlp.items(raw, type == null ? 0 : 1);
      BigInteger chainId = BigInteger.ZERO;
      boolean hasData;
      if (type == null) {
        if (items.size() < 6) {
          throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "rawTx", "a legacy transaction has at least 6 fields");
        }
        hasData = !items.get(5).list && items.get(5).payloadLength > 0;
        if (items.size() >= 9 && !items.get(6).list) {
          chainId = new BigInteger(1, TxRlp.bytes(raw, items.get(6)));
        }
      } else {
        if (items.isEmpty() || items.get(0).list) {
          throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "rawTx", "a typed transaction starts with its chain id");
        }
        chainId = new BigInteger(1, TxRlp.bytes(raw, items.get(0)));
        int dataIndex = type == 1 ? 6 : 7;
        hasData = items.size() > dataIndex && !items.get(dataIndex).list && items.get(dataIndex).payloadLength > 0;
      }
      int n = items.size();
      int payload = 0;
      for (int i = Math.max(0, n - 3); i < n; i++) {
        payload += reencodedLength(raw, items.get(i));
      }
      int header = payload <= 55 ? 1 : 1 + byteLength(payload);
      return new TxInfo(type, chainId, hasData, n, header - 1 + payload);
    }

    /** The length of the item once re-encoded canonically (as ledgerjs's rlp.encode(rlp.decode(...)) does). */
    private static int reencodedLength(byte[] raw, TxRlp.Item i) {
      if (i.list) {
        int inner = 0;
        for (TxRlp.Item c : TxRlp.items(Arrays.copyOfRange(raw, i.offset, i.payloadOffset + i.payloadLength), 0)) {
          inner += c.encodedLength;
        }
        return (inner <= 55 ? 1 : 1 + byteLength(inner)) + inner;
      }
      int n = i.payloadLength;
      if (n == 1 && (raw[i.payloadOffset] & 0xFF) < 0x80) {
        return 1;
      }
      return (n <= 55 ? 1 : 1 + byteLength(n)) + n;
    }

    private static int byteLength(int v) {
      int n = 0;
      while (v != 0) {
        n++;
        v >>>= 8;
      }
      return n;
    }
  }
}
