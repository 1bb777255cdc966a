package dev.cairn.evm.tx;

import dev.cairn.abi.Address;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.RlpReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Strict decoding of raw transactions; see {@link SignedTransaction#decode(byte[])}. */
final class TxDecoder {
  private static final String F = "transaction";

  private final byte[] raw;
  private final int base; // offset of the RLP list in raw (1 for typed)
  private RlpReader r;
  private String field = F;
  private final boolean unsigned;
  private Transaction unsignedResult;

  private TxDecoder(byte[] raw, int base) {
    this(raw, base, false);
  }

  private TxDecoder(byte[] raw, int base, boolean unsigned) {
    this.raw = raw;
    this.base = base;
    this.unsigned = unsigned;
  }

  /**
   * Decodes an unsigned signing payload ({@link Transaction#signingPayload()}): a legacy {@code
   * rlp([nonce, gasPrice, gas, to, value, data])} or EIP-155 {@code rlp([..., chainId, 0, 0])}, or
   * a typed {@code type || rlp(fields)} without the signature fields. Takes ownership of {@code raw}.
   */
  static Transaction decodeUnsigned(byte[] raw) {
    TxType type = typeOf(raw);
    TxDecoder d = new TxDecoder(raw, type == TxType.LEGACY ? 0 : 1, true);
    d.run(type);
    return d.unsignedResult;
  }

  /** Decodes {@code raw}, taking ownership of it. */
  static SignedTransaction decode(byte[] raw) {
    TxType type = typeOf(raw);
    return new TxDecoder(raw, type == TxType.LEGACY ? 0 : 1).run(type);
  }

  private static TxType typeOf(byte[] raw) {
    if (raw.length == 0) {
      throw new DecodingException(F, 0, "empty input");
    }
    int first = raw[0] & 0xff;
    if (first >= 0xc0) {
      return TxType.LEGACY;
    }
    if (first > 0x7f) {
      throw new DecodingException(F, 0,
          "first byte 0x" + Integer.toHexString(first) + " is neither a type (0x00-0x7f) nor a list");
    }
    TxType type;
    switch (first) {
      case 1:
        type = TxType.ACCESS_LIST;
        break;
      case 2:
        type = TxType.DYNAMIC_FEE;
        break;
      case 3:
        type = TxType.BLOB;
        break;
      case 4:
        type = TxType.SET_CODE;
        break;
      default:
        throw new DecodingException(F + ".type", 0, "unsupported transaction type " + first);
    }
    return type;
  }

  private SignedTransaction run(TxType type) {
    try {
      RlpReader outer = RlpReader.of(raw, base, raw.length - base);
      field = F;
      if (!outer.hasNext() || !outer.nextIsList()) {
        throw new DecodingException(F, base, "expected an RLP list");
      }
      r = outer.enterList();
      outer.requireEnd();
      SignedTransaction st = type == TxType.LEGACY ? legacy() : typed(type);
      if (r.hasNext()) {
        throw new DecodingException(F, base + r.position(), "too many fields for " + type);
      }
      return st;
    } catch (DecodingException e) {
      if (e.field().equals("rlp")) {
        // the reader's offsets are relative to the list start; name the field being read
        throw new DecodingException(field, e.offset() < 0 ? -1 : e.offset() + base,
            problemOf(e), e);
      }
      throw e;
    }
  }

  private static String problemOf(DecodingException e) {
    String m = e.getMessage();
    int i = m.indexOf(": ");
    return i < 0 ? m : m.substring(i + 2);
  }

  private void need(String name) {
    field = F + "." + name;
    if (!r.hasNext()) {
      throw new DecodingException(field, base + r.position(), "missing (too few fields)");
    }
  }

  /** An unsigned 64-bit integer (nonce, gas limit). */
  private long u64(String name) {
    return readLong(name, false);
  }

  /** A non-negative integer below 2^63 (chain id, y parity). */
  private long u63(String name) {
    return readLong(name, true);
  }

  private long readLong(String name, boolean signedLimit) {
    need(name);
    int at = r.position();
    ByteBuffer b = r.readBuffer();
    int n = b.remaining();
    if (n > 0 && b.get(b.position()) == 0) {
      throw new DecodingException(field, base + at, "integer with a leading zero byte");
    }
    if (n > 8 || (signedLimit && n == 8 && b.get(b.position()) < 0)) {
      throw new DecodingException(field, base + at,
          n > 8 ? "integer wider than 64 bits" : "above 2^63-1 (the largest value this SDK accepts)");
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (b.get(b.position() + i) & 0xff);
    }
    return v;
  }

  private BigInteger u256(String name) {
    need(name);
    int at = r.position();
    ByteBuffer b = r.readBuffer();
    int n = b.remaining();
    if (n > 0 && b.get(b.position()) == 0) {
      throw new DecodingException(field, base + at, "integer with a leading zero byte");
    }
    if (n > 32) {
      throw new DecodingException(field, base + at, "integer wider than 256 bits");
    }
    if (n == 0) {
      return BigInteger.ZERO;
    }
    byte[] mag = new byte[n];
    b.get(mag);
    return new BigInteger(1, mag);
  }

  private Address to(boolean required) {
    need("to");
    int at = r.position();
    byte[] b = r.readBytes();
    if (b.length == 0 && !required) {
      return null;
    }
    if (b.length != 20) {
      throw new DecodingException(field, base + at, (b.length == 0 ? "missing recipient"
          : "address of " + b.length + " bytes, expected 20") + (required ? "" : " (or empty)"));
    }
    return Address.of(b);
  }

  private Address address(String name) {
    field = F + "." + name;
    int at = r.position();
    byte[] b = r.readBytes();
    if (b.length != 20) {
      throw new DecodingException(field, base + at, "address of " + b.length + " bytes, expected 20");
    }
    return Address.of(b);
  }

  private byte[] data() {
    need("data");
    return r.readBytes();
  }

  private int yParity() {
    need("yParity");
    int at = r.position();
    long v = u63("yParity");
    if (v > 1) {
      throw new DecodingException(field, base + at, "must be 0 or 1, got " + v);
    }
    return (int) v;
  }

  private SignedTransaction legacy() {
    long nonce = u64("nonce");
    BigInteger gasPrice = u256("gasPrice");
    long gas = u64("gasLimit");
    Address to = to(false);
    BigInteger value = u256("value");
    byte[] data = data();
    if (unsigned) {
      long unsignedChainId = 0;
      if (r.hasNext()) {
        unsignedChainId = u63("chainId");
        if (unsignedChainId == 0) {
          throw new DecodingException(F + ".chainId", base + r.position(), "EIP-155 chain id 0");
        }
        need("eip155Zero");
        int at = r.position();
        if (r.readBytes().length != 0) {
          throw new DecodingException(field, base + at, "must be empty (EIP-155 signing payload)");
        }
        need("eip155Zero");
        at = r.position();
        if (r.readBytes().length != 0) {
          throw new DecodingException(field, base + at, "must be empty (EIP-155 signing payload)");
        }
      }
      unsignedResult = new Transaction(TxType.LEGACY, unsignedChainId, nonce, gasPrice, null, null, gas, to,
          value, data, AccessList.EMPTY, null, new byte[0][], List.of());
      return null;
    }
    need("v");
    int vAt = r.position();
    BigInteger v = u256("v");
    BigInteger rr = u256("r");
    BigInteger ss = u256("s");
    long chainId;
    int parity;
    if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
      chainId = 0;
      parity = v.intValue() - 27;
    } else if (v.compareTo(BigInteger.valueOf(37)) >= 0) {
      BigInteger c = v.subtract(BigInteger.valueOf(35)).shiftRight(1);
      if (c.bitLength() > 63) {
        throw new DecodingException(F + ".v", base + vAt,
            "EIP-155 chain id above 2^63-1 (the largest value this SDK accepts)");
      }
      chainId = c.longValue();
      parity = v.testBit(0) ? 0 : 1; // v = 35 + 2c + parity: odd v -> parity 0
    } else {
      throw new DecodingException(F + ".v", base + vAt,
          "v must be 27, 28 or 35 + 2 * chainId + {0,1} with chainId >= 1, got " + v);
    }
    Transaction tx = new Transaction(TxType.LEGACY, chainId, nonce, gasPrice, null, null, gas, to,
        value, data, AccessList.EMPTY, null, new byte[0][], List.of());
    return SignedTransaction.decoded(tx, parity, rr, ss, raw);
  }

  private SignedTransaction typed(TxType type) {
    long chainId = u63("chainId");
    long nonce = u64("nonce");
    BigInteger gasPrice = null;
    BigInteger maxPriority = null;
    BigInteger maxFee = null;
    if (type == TxType.ACCESS_LIST) {
      gasPrice = u256("gasPrice");
    } else {
      maxPriority = u256("maxPriorityFeePerGas");
      maxFee = u256("maxFeePerGas");
    }
    long gas = u64("gasLimit");
    Address to = to(type == TxType.BLOB || type == TxType.SET_CODE);
    BigInteger value = u256("value");
    byte[] data = data();
    AccessList accessList = accessList();
    BigInteger maxFeePerBlobGas = null;
    byte[][] blobHashes = new byte[0][];
    List<Authorization> auths = List.of();
    if (type == TxType.BLOB) {
      maxFeePerBlobGas = u256("maxFeePerBlobGas");
      blobHashes = blobHashes();
    } else if (type == TxType.SET_CODE) {
      auths = authorizations();
    }
    if (unsigned) {
      unsignedResult = new Transaction(type, chainId, nonce, gasPrice, maxPriority, maxFee, gas, to,
          value, data, accessList, maxFeePerBlobGas, blobHashes, auths);
      return null;
    }
    int parity = yParity();
    BigInteger rr = u256("r");
    BigInteger ss = u256("s");
    Transaction tx = new Transaction(type, chainId, nonce, gasPrice, maxPriority, maxFee, gas, to,
        value, data, accessList, maxFeePerBlobGas, blobHashes, auths);
    return SignedTransaction.decoded(tx, parity, rr, ss, raw);
  }

  private AccessList accessList() {
    need("accessList");
    RlpReader outer = r;
    RlpReader list = outer.enterList();
    ArrayList<AccessList.Entry> entries = new ArrayList<>();
    try {
      int i = 0;
      while (list.hasNext()) {
        String name = "accessList[" + i + "]";
        field = F + "." + name;
        RlpReader entry = list.enterList();
        r = entry;
        if (!entry.hasNext()) {
          throw new DecodingException(field, base + entry.position(), "missing address");
        }
        Address a = address(name + ".address");
        field = F + "." + name + ".storageKeys";
        if (!entry.hasNext()) {
          throw new DecodingException(field, base + entry.position(), "missing storage keys");
        }
        RlpReader keys = entry.enterList();
        ArrayList<byte[]> ks = new ArrayList<>();
        int j = 0;
        while (keys.hasNext()) {
          field = F + "." + name + ".storageKeys[" + j + "]";
          int at = keys.position();
          byte[] k = keys.readBytes();
          if (k.length != 32) {
            throw new DecodingException(field, base + at,
                "storage key of " + k.length + " bytes, expected 32");
          }
          ks.add(k);
          j++;
        }
        if (entry.hasNext()) {
          throw new DecodingException(F + "." + name, base + entry.position(),
              "an entry has exactly two fields (address, storage keys)");
        }
        entries.add(AccessList.Entry.trusted(a, ks.toArray(new byte[0][])));
        i++;
      }
    } finally {
      r = outer;
    }
    return AccessList.trusted(entries);
  }

  private byte[][] blobHashes() {
    need("blobVersionedHashes");
    RlpReader list = r.enterList();
    ArrayList<byte[]> hs = new ArrayList<>();
    while (list.hasNext()) {
      field = F + ".blobVersionedHashes[" + hs.size() + "]";
      int at = list.position();
      byte[] h = list.readBytes();
      if (h.length != 32) {
        throw new DecodingException(field, base + at, "hash of " + h.length + " bytes, expected 32");
      }
      hs.add(h);
    }
    return hs.toArray(new byte[0][]);
  }

  private List<Authorization> authorizations() {
    need("authorizationList");
    RlpReader outer = r;
    RlpReader list = outer.enterList();
    ArrayList<Authorization> out = new ArrayList<>();
    try {
      while (list.hasNext()) {
        String name = "authorizationList[" + out.size() + "]";
        field = F + "." + name;
        RlpReader a = list.enterList();
        r = a;
        BigInteger chainId = u256(name + ".chainId");
        need(name + ".address");
        Address address = address(name + ".address");
        long nonce = u64(name + ".nonce");
        need(name + ".yParity");
        int at = r.position();
        long parity = u63(name + ".yParity");
        if (parity > 255) {
          throw new DecodingException(field, base + at, "must be below 2^8");
        }
        BigInteger rr = u256(name + ".r");
        BigInteger ss = u256(name + ".s");
        if (a.hasNext()) {
          throw new DecodingException(F + "." + name, base + a.position(),
              "an authorization has exactly six fields");
        }
        out.add(Authorization.trusted(chainId, address, nonce, (int) parity, rr, ss));
      }
    } finally {
      r = outer;
    }
    return List.copyOf(out);
  }
}
