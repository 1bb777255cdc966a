package dev.cairn.svm.tx;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Base64;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.signer.Signer;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.TransactionTooLargeException;
import dev.cairn.svm.internal.ByteReader;
import dev.cairn.svm.internal.ByteWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A transaction: a {@link Message} and one 64-byte signature slot per required signer, in the
 * order of {@link Message#signers()}. A slot of 64 zero bytes is a signature still missing, which
 * is how a partially signed transaction travels to the next signer. Immutable: signing returns a
 * new transaction.
 *
 * <pre>{@code
 * Transaction tx = Transaction.unsigned(message).sign(feePayerKeypair);   // partially signed
 * byte[] wire = tx.serialize();                                            // send it elsewhere
 * Transaction done = Transaction.deserialize(wire).sign(secondKeypair);
 * if (!done.verifySignatures()) throw ...;
 * }</pre>
 */
public final class Transaction {
  /** The length of a signature. */
  public static final int SIGNATURE_LENGTH = 64;

  private static final byte[] NO_SIGNATURE = new byte[SIGNATURE_LENGTH];

  private final Message message;
  private final byte[][] signatures;

  private Transaction(Message message, byte[][] signatures) {
    this.message = message;
    this.signatures = signatures;
  }

  /** A transaction with every signature missing. */
  public static Transaction unsigned(Message message) {
    if (message == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "message: is null");
    }
    byte[][] sigs = new byte[message.numRequiredSignatures()][];
    for (int i = 0; i < sigs.length; i++) {
      sigs[i] = NO_SIGNATURE;
    }
    return new Transaction(message, sigs);
  }

  /**
   * A transaction from a message and its signatures (copied; all-zero means missing). Signatures
   * are not verified here; see {@link #verifySignatures()}.
   *
   * @throws SvmException (INVALID_INPUT) if the count differs from the required signers or a
   *     signature is not 64 bytes
   */
  public static Transaction of(Message message, List<byte[]> signatures) {
    if (message == null || signatures == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "transaction: message and signatures are required");
    }
    if (signatures.size() != message.numRequiredSignatures()) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "signatures: " + signatures.size() + " given, the message requires " + message.numRequiredSignatures());
    }
    byte[][] sigs = new byte[signatures.size()][];
    for (int i = 0; i < sigs.length; i++) {
      byte[] s = signatures.get(i);
      if (s == null || s.length != SIGNATURE_LENGTH) {
        throw new SvmException(SvmException.Reason.INVALID_INPUT, "signatures[" + i + "]: must be 64 bytes");
      }
      sigs[i] = s.clone();
    }
    return new Transaction(message, sigs);
  }

  public Message message() {
    return message;
  }

  /** The signature slots in signer order (copies; all-zero means missing). */
  public List<byte[]> signatures() {
    List<byte[]> out = new ArrayList<>(signatures.length);
    for (byte[] s : signatures) {
      out.add(s.clone());
    }
    return Collections.unmodifiableList(out);
  }

  /** Whether signer {@code i}'s signature is present (not all zero). */
  public boolean hasSignature(int i) {
    return !java.util.Arrays.equals(signatures[i], NO_SIGNATURE);
  }

  /** The signers whose signatures are still missing, in signer order. */
  public List<Pubkey> missingSigners() {
    List<Pubkey> out = new ArrayList<>();
    for (int i = 0; i < signatures.length; i++) {
      if (!hasSignature(i)) {
        out.add(message.staticAccountKeys().get(i));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Whether every required signature is present (not whether they verify). */
  public boolean isFullySigned() {
    for (int i = 0; i < signatures.length; i++) {
      if (!hasSignature(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The transaction id: the fee payer's signature in base58.
   *
   * @throws SvmException (MISSING_SIGNATURE) if the fee payer has not signed
   */
  public String id() {
    if (!hasSignature(0)) {
      throw new SvmException(SvmException.Reason.MISSING_SIGNATURE, "signatures[0]: the fee payer " + message.feePayer() + " has not signed");
    }
    return Base58.encode(signatures[0]);
  }

  /**
   * Signs with each keypair in its slot. Keys that are already signed are signed again (the same
   * bytes: Ed25519 is deterministic).
   *
   * @throws SvmException (INVALID_SIGNATURE) naming a keypair that is not a required signer
   */
  public Transaction sign(Keypair... keypairs) {
    if (keypairs == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "keypairs: is null");
    }
    byte[][] sigs = signatures.clone();
    byte[] msg = message.rawSerialized();
    for (Keypair kp : keypairs) {
      if (kp == null) {
        throw new SvmException(SvmException.Reason.INVALID_INPUT, "keypairs: null entry");
      }
      int slot = slotOf(kp.publicKey());
      sigs[slot] = kp.sign(msg);
    }
    return new Transaction(message, sigs);
  }

  /**
   * Signs through the {@link Signer} SPI (a software key, a device, an HSM) with a {@code
   * SOLANA_MESSAGE} request naming the signing account on {@code cluster} (so a signing policy or a
   * device knows which chain it signs for), then places and verifies the signature.
   *
   * @param cluster the CAIP-2 id of the Solana cluster, e.g. {@link ChainId#SOLANA_MAINNET}
   * @throws SvmException if the signer's key is not a required signer or its signature is invalid
   * @throws dev.cairn.core.signer.SignerException if the signer fails
   */
  public Transaction sign(Signer signer, ChainId cluster) {
    return SignerGlue.sign(this, signer, cluster);
  }

  /** {@link #sign(Signer, ChainId)} without blocking; the future fails with the same exceptions. */
  public CompletableFuture<Transaction> signAsync(Signer signer, ChainId cluster) {
    return SignerGlue.signAsync(this, signer, cluster);
  }

  /**
   * Adds a signature made elsewhere, after verifying it against the message.
   *
   * @throws SvmException INVALID_SIGNATURE if {@code signer} is not a required signer or the
   *     signature does not verify
   */
  public Transaction addSignature(Pubkey signer, byte[] signature) {
    if (signer == null || signature == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "addSignature: signer and signature are required");
    }
    int slot = slotOf(signer);
    if (!verify(signer, signature)) {
      throw new SvmException(SvmException.Reason.INVALID_SIGNATURE, "signatures[" + slot + "]: does not verify for " + signer);
    }
    byte[][] sigs = signatures.clone();
    sigs[slot] = signature.clone();
    return new Transaction(message, sigs);
  }

  int slotOf(Pubkey key) {
    List<Pubkey> keys = message.staticAccountKeys();
    for (int i = 0; i < signatures.length; i++) {
      if (keys.get(i).equals(key)) {
        return i;
      }
    }
    throw new SvmException(SvmException.Reason.INVALID_SIGNATURE, "signer: " + key + " is not a required signer of this message");
  }

  private boolean verify(Pubkey key, byte[] signature) {
    if (signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      return Ed25519PublicKey.of(key.bytes()).verify(message.rawSerialized(), signature);
    } catch (CryptoException e) {
      return false; // the key is not a curve point: nothing verifies for it
    }
  }

  /** Whether signature {@code i} is present and valid for signer {@code i}. */
  public boolean verifySignature(int i) {
    if (i < 0 || i >= signatures.length) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "signature index " + i + " outside 0.." + (signatures.length - 1));
    }
    return hasSignature(i) && verify(message.staticAccountKeys().get(i), signatures[i]);
  }

  /** Whether every required signature is present and valid. */
  public boolean verifySignatures() {
    for (int i = 0; i < signatures.length; i++) {
      if (!verifySignature(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Throws unless every signature is present and valid.
   *
   * @throws SvmException MISSING_SIGNATURE or INVALID_SIGNATURE naming the first failing signer
   */
  public Transaction requireFullySigned() {
    for (int i = 0; i < signatures.length; i++) {
      Pubkey k = message.staticAccountKeys().get(i);
      if (!hasSignature(i)) {
        throw new SvmException(SvmException.Reason.MISSING_SIGNATURE, "signatures[" + i + "]: missing for " + k);
      }
      if (!verify(k, signatures[i])) {
        throw new SvmException(SvmException.Reason.INVALID_SIGNATURE, "signatures[" + i + "]: does not verify for " + k);
      }
    }
    return this;
  }

  /** The serialized length in bytes. */
  public int serializedLength() {
    int n = signatures.length;
    return CompactU16.encodedLength(n) + n * SIGNATURE_LENGTH + message.serializedLength();
  }

  /**
   * The wire form: compact-u16 signature count, the signatures (zeros where missing), the message.
   *
   * @throws TransactionTooLargeException if it exceeds 1232 bytes
   */
  public byte[] serialize() {
    int size = serializedLength();
    if (size > TransactionTooLargeException.PACKET_DATA_SIZE) {
      throw new TransactionTooLargeException(size);
    }
    ByteWriter w = new ByteWriter(size);
    w.compactU16(signatures.length);
    for (byte[] s : signatures) {
      w.bytes(s);
    }
    w.bytes(message.rawSerialized());
    return w.toByteArray();
  }

  /** {@link #serialize()} in base64, as RPC {@code sendTransaction} takes it. */
  public String serializeBase64() {
    return Base64.encode(serialize());
  }

  /**
   * Decodes a wire transaction, legacy or v0, strictly (see {@link Message#deserialize}); the
   * signature count must equal the message's required signers. Signatures are not verified.
   *
   * @throws TransactionTooLargeException if the input exceeds 1232 bytes
   * @throws DecodingException naming the field and offset
   */
  public static Transaction deserialize(byte[] bytes) {
    if (bytes == null) {
      throw new DecodingException("transaction", -1, "is null");
    }
    if (bytes.length > TransactionTooLargeException.PACKET_DATA_SIZE) {
      throw new TransactionTooLargeException(bytes.length);
    }
    ByteReader r = new ByteReader(bytes, "transaction");
    int n = r.count("signatures", SIGNATURE_LENGTH);
    byte[][] sigs = new byte[n][];
    for (int i = 0; i < n; i++) {
      sigs[i] = r.bytes("signatures", SIGNATURE_LENGTH);
    }
    Message m = Message.read(r);
    r.expectEnd();
    if (n != m.numRequiredSignatures()) {
      throw new DecodingException(
          "transaction.signatures", 0, n + " signatures, the message requires " + m.numRequiredSignatures());
    }
    return new Transaction(m, sigs);
  }

  /** Decodes a base64 wire transaction. */
  public static Transaction deserializeBase64(String base64) {
    if (base64 == null) {
      throw new DecodingException("transaction", -1, "is null");
    }
    if (base64.length() > 4 * ((TransactionTooLargeException.PACKET_DATA_SIZE + 2) / 3)) {
      throw new TransactionTooLargeException(base64.length() / 4 * 3);
    }
    byte[] b;
    try {
      b = Base64.decode(base64);
    } catch (DecodingException e) {
      throw new DecodingException("transaction", -1, "not base64", e);
    }
    return deserialize(b);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Transaction)) {
      return false;
    }
    Transaction t = (Transaction) o;
    return message.equals(t.message) && java.util.Arrays.deepEquals(signatures, t.signatures);
  }

  @Override
  public int hashCode() {
    return message.hashCode() * 31 + java.util.Arrays.deepHashCode(signatures);
  }

  @Override
  public String toString() {
    int signed = 0;
    for (int i = 0; i < signatures.length; i++) {
      signed += hasSignature(i) ? 1 : 0;
    }
    return "Transaction{" + message + ", signed " + signed + "/" + signatures.length + "}";
  }
}
