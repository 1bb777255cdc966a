package dev.cairn.core.chain;

import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@link UnsignedTransaction} and the signatures collected so far, for transactions signed by
 * several parties or in several places (a Solana fee payer plus a second signer, a cold signer that
 * signs offline). Each added signature is verified against its signer's key before it is accepted;
 * {@link #encode()} gives bytes that {@link ChainAdapter#decodePartial} reads back in another
 * process, where signing can continue. Once {@link #isComplete()}, {@link #toSignedTransaction()}
 * gives what {@link ChainAdapter#send} takes. Immutable: {@link #addSignature} returns a new value.
 *
 * <p>Encoding (version 1, big-endian): {@code "CPST"}, version {@code 0x01}, chain id (u16 length
 * + UTF-8), unsigned transaction (u32 length + {@link UnsignedTransaction#encoded()}), signature
 * count (u16), then per signature: signer index in {@link UnsignedTransaction#requiredSigners()}
 * (u16), key type (0 secp256k1, 1 Ed25519), 64 signature bytes, recovery id (signed byte, -1 unknown).
 */
public final class PartiallySignedTransaction {
  private static final byte[] MAGIC = {'C', 'P', 'S', 'T'};
  private static final int VERSION = 1;
  /** Largest unsigned transaction accepted by {@link #decode}: 4 MiB. */
  public static final int MAX_TRANSACTION_BYTES = 4 << 20;

  private final UnsignedTransaction transaction;
  private final Map<AccountId, Signature> signatures; // insertion-ordered, unmodifiable

  private PartiallySignedTransaction(UnsignedTransaction transaction, Map<AccountId, Signature> signatures) {
    this.transaction = transaction;
    this.signatures = signatures;
  }

  /** A transaction with no signature yet. */
  public static PartiallySignedTransaction of(UnsignedTransaction transaction) {
    if (transaction == null) {
      throw Checks.invalid("transaction: is null");
    }
    return new PartiallySignedTransaction(transaction, Collections.emptyMap());
  }

  /** The transaction being signed. */
  public UnsignedTransaction transaction() {
    return transaction;
  }

  /** The chain. */
  public ChainId chainId() {
    return transaction.chainId();
  }

  /** The signatures so far, by signer (unmodifiable). */
  public Map<AccountId, Signature> signatures() {
    return signatures;
  }

  /** Required signers that have not signed yet, in order. */
  public List<AccountId> missingSigners() {
    List<AccountId> out = new ArrayList<>();
    for (AccountId a : transaction.requiredSigners()) {
      if (!signatures.containsKey(a)) {
        out.add(a);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Whether every required signer has signed. */
  public boolean isComplete() {
    for (AccountId a : transaction.requiredSigners()) {
      if (!signatures.containsKey(a)) {
        return false;
      }
    }
    return true;
  }

  /**
   * This transaction with {@code signer}'s signature added (replacing an earlier one of the same
   * signer).
   *
   * @throws ChainException INVALID_INPUT naming {@code signer} when it is not a required signer, or
   *     {@code signature} when it does not verify against the signer's key
   */
  public PartiallySignedTransaction addSignature(AccountId signer, Signature signature) {
    ChainId chain = transaction.chainId();
    if (signer == null) {
      throw Checks.invalid(chain, "signer: is null");
    }
    if (signature == null) {
      throw Checks.invalid(chain, "signature: is null");
    }
    if (!transaction.requiredSigners().contains(signer)) {
      throw Checks.invalid(chain, "signer: " + signer + " is not a required signer of this transaction");
    }
    boolean valid;
    try {
      valid = transaction.verify(signer, signature);
    } catch (dev.cairn.core.CairnException e) {
      valid = false; // a malformed key or signature does not verify
    }
    if (!valid) {
      throw Checks.invalid(chain, "signature: does not verify against the key of " + signer);
    }
    Map<AccountId, Signature> m = new LinkedHashMap<>(signatures);
    m.put(signer, signature);
    return new PartiallySignedTransaction(transaction, Collections.unmodifiableMap(m));
  }

  /**
   * The signed transaction.
   *
   * @throws ChainException INVALID_INPUT naming the missing signers
   */
  public SignedTransaction toSignedTransaction() {
    List<AccountId> missing = missingSigners();
    if (!missing.isEmpty()) {
      throw Checks.invalid(transaction.chainId(), "signatures: missing for " + missing);
    }
    return transaction.withSignatures(signatures);
  }

  /** The portable encoding (see the class comment). */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(MAGIC, 0, 4);
    out.write(VERSION);
    byte[] chain = transaction.chainId().toString().getBytes(StandardCharsets.UTF_8);
    u16(out, chain.length);
    out.write(chain, 0, chain.length);
    byte[] tx = transaction.encoded();
    u32(out, tx.length);
    out.write(tx, 0, tx.length);
    u16(out, signatures.size());
    List<AccountId> signers = transaction.requiredSigners();
    for (Map.Entry<AccountId, Signature> e : signatures.entrySet()) {
      u16(out, signers.indexOf(e.getKey()));
      Signature s = e.getValue();
      out.write(s.keyType() == KeyType.SECP256K1 ? 0 : 1);
      byte[] b = s.bytes();
      out.write(b, 0, b.length);
      out.write(s.recoveryId());
    }
    return out.toByteArray();
  }

  /**
   * Reads what {@link #encode()} wrote; chain modules call this from {@link
   * ChainAdapter#decodePartial}. Every signature is verified again.
   *
   * @param expectedChain the chain of the adapter decoding
   * @param decodeUnsigned the chain module's decoder of {@link UnsignedTransaction#encoded()}
   * @throws ChainException INVALID_INPUT naming the offset of malformed input, a foreign chain or a
   *     signature that does not verify
   */
  public static PartiallySignedTransaction decode(byte[] bytes, ChainId expectedChain,
      Function<byte[], UnsignedTransaction> decodeUnsigned) {
    if (bytes == null) {
      throw Checks.invalid(expectedChain, "partiallySigned: is null");
    }
    Reader r = new Reader(bytes, expectedChain);
    for (int i = 0; i < 4; i++) {
      if (r.u8() != MAGIC[i]) {
        throw r.fail(i, "not a partially signed transaction (magic)");
      }
    }
    int version = r.u8();
    if (version != VERSION) {
      throw r.fail(4, "unsupported version " + version);
    }
    int chainLen = r.u16();
    if (chainLen > 100) {
      throw r.fail(5, "chain id of " + chainLen + " bytes");
    }
    String chain = new String(r.bytes(chainLen), StandardCharsets.UTF_8);
    if (expectedChain != null && !chain.equals(expectedChain.toString())) {
      throw Checks.invalid(expectedChain, "partiallySigned.chainId: is " + chain + ", not " + expectedChain);
    }
    int txAt = r.pos;
    long txLen = r.u32();
    if (txLen > MAX_TRANSACTION_BYTES) {
      throw r.fail(txAt, "transaction of " + txLen + " bytes, at most " + MAX_TRANSACTION_BYTES);
    }
    UnsignedTransaction tx;
    try {
      tx = decodeUnsigned.apply(r.bytes((int) txLen));
    } catch (ChainException e) {
      throw e;
    } catch (dev.cairn.core.CairnException e) {
      throw r.fail(txAt + 4, "transaction: " + e.getMessage());
    }
    if (tx == null || !tx.chainId().toString().equals(chain)) {
      throw r.fail(txAt, "the transaction is not for " + chain);
    }
    PartiallySignedTransaction p = of(tx);
    int count = r.u16();
    List<AccountId> signers = tx.requiredSigners();
    if (count > signers.size()) {
      throw r.fail(r.pos - 2, count + " signatures for " + signers.size() + " signers");
    }
    for (int i = 0; i < count; i++) {
      int at = r.pos;
      int index = r.u16();
      if (index >= signers.size()) {
        throw r.fail(at, "signer index " + index + " out of range");
      }
      int type = r.u8();
      byte[] sig = r.bytes(64);
      int rec = (byte) r.u8();
      Signature s;
      try {
        if (type == 0) {
          s = Signature.secp256k1(sig, rec);
        } else if (type == 1) {
          s = Signature.ed25519(sig);
        } else {
          throw r.fail(at + 2, "key type " + type);
        }
      } catch (SignerException e) {
        throw r.fail(at, e.getMessage());
      }
      AccountId a = signers.get(index);
      if (p.signatures.containsKey(a)) {
        throw r.fail(at, "second signature for " + a);
      }
      p = p.addSignature(a, s);
    }
    if (r.pos != bytes.length) {
      throw r.fail(r.pos, (bytes.length - r.pos) + " trailing bytes");
    }
    return p;
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private static void u32(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  private static final class Reader {
    final byte[] b;
    final ChainId chain;
    int pos;

    Reader(byte[] b, ChainId chain) {
      this.b = b;
      this.chain = chain;
    }

    ChainException fail(int at, String problem) {
      return Checks.invalid(chain, "partiallySigned[offset " + at + "]: " + problem);
    }

    void need(int n) {
      if (b.length - pos < n) {
        throw fail(pos, "truncated (" + n + " more bytes expected)");
      }
    }

    int u8() {
      need(1);
      return b[pos++] & 0xff;
    }

    int u16() {
      need(2);
      int v = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
      pos += 2;
      return v;
    }

    long u32() {
      need(4);
      long v = ((long) (b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
      pos += 4;
      return v;
    }

    byte[] bytes(int n) {
      need(n);
      byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return out;
    }
  }

  @Override
  public String toString() {
    return "PartiallySignedTransaction{" + transaction.chainId() + ", signed by " + signatures.keySet()
        + ", missing " + missingSigners() + "}";
  }
}
