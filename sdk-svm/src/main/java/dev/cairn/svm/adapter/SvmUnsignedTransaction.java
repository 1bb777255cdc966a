package dev.cairn.svm.adapter;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.ValidityWindow;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A Solana message built by {@link SvmChainAdapter#build} (or decoded with {@link
 * SvmChainAdapter#decodeUnsigned}), ready to be signed by its fee payer and every other signing
 * account, with the window in which it can land: until the blockhash's {@code lastValidBlockHeight},
 * or unbounded for a durable-nonce transaction.
 *
 * <p>{@link #encoded()} is the serialized message, preceded by {@code 0x00 'W'} and the last valid
 * block height (u64, big-endian) when the window is known, so that a transaction signed in another
 * process ({@link dev.cairn.core.chain.PartiallySignedTransaction}) still knows when it expires. A
 * message never starts with {@code 0x00} (it needs at least one signature), so both forms are read
 * back unambiguously. Immutable.
 */
public final class SvmUnsignedTransaction implements UnsignedTransaction {
  private static final int WINDOW_PREFIX = 10;

  private final ChainId chainId;
  private final Message message;
  private final ValidityWindow validity;
  private final List<AccountId> signers;
  private final byte[] messageBytes;

  private SvmUnsignedTransaction(ChainId chainId, Message message, ValidityWindow validity) {
    this.chainId = chainId;
    this.message = message;
    this.validity = validity;
    List<AccountId> s = new ArrayList<>(message.numRequiredSignatures());
    for (Pubkey k : message.signers()) {
      s.add(AccountId.of(chainId, k.toBase58()));
    }
    this.signers = Collections.unmodifiableList(s);
    this.messageBytes = message.serialize();
  }

  /**
   * A message to sign on {@code cluster}.
   *
   * @param validity until when it can land: {@link ValidityWindow#untilHeight} with the blockhash's
   *     {@code lastValidBlockHeight}, or {@link ValidityWindow#none()} for a durable nonce
   * @throws ChainException INVALID_INPUT naming a null argument or a cluster that is not {@code solana:}
   */
  public static SvmUnsignedTransaction of(ChainId cluster, Message message, ValidityWindow validity) {
    if (cluster == null || !"solana".equals(cluster.namespace())) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, cluster, "cluster: " + cluster + " is not a solana: chain id"));
    }
    if (message == null || validity == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, cluster, (message == null ? "message" : "validity") + ": is null"));
    }
    return new SvmUnsignedTransaction(cluster, message, validity);
  }

  /** Reads {@link #encoded()} back. */
  static SvmUnsignedTransaction decode(ChainId chainId, byte[] encoded) {
    if (encoded == null) {
      throw invalid(chainId, "encoded: is null");
    }
    ValidityWindow window = ValidityWindow.none();
    int off = 0;
    if (encoded.length > 0 && encoded[0] == 0) {
      if (encoded.length < WINDOW_PREFIX || encoded[1] != 'W') {
        throw invalid(chainId, "encoded: offset 0: neither a message nor a windowed message");
      }
      long h = 0;
      for (int i = 2; i < WINDOW_PREFIX; i++) {
        h = (h << 8) | (encoded[i] & 0xff);
      }
      if (h < 0) {
        throw invalid(chainId, "encoded: offset 2: last valid block height out of range");
      }
      window = ValidityWindow.untilHeight(h);
      off = WINDOW_PREFIX;
    }
    byte[] m = off == 0 ? encoded : java.util.Arrays.copyOfRange(encoded, off, encoded.length);
    try {
      return new SvmUnsignedTransaction(chainId, Message.deserialize(m), window);
    } catch (DecodingException | SvmException e) {
      throw invalid(chainId, "encoded: " + e.getMessage());
    }
  }

  private static ChainException invalid(ChainId chainId, String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, message));
  }

  /** The message. */
  public Message message() {
    return message;
  }

  @Override
  public ChainId chainId() {
    return chainId;
  }

  @Override
  public AccountId feePayer() {
    return signers.get(0);
  }

  /** The fee payer, then the other signing accounts in message order. */
  @Override
  public List<AccountId> requiredSigners() {
    return signers;
  }

  /** A {@code SOLANA_MESSAGE} request over the serialized message, naming the account. */
  @Override
  public SignRequest signRequest(AccountId signer) {
    if (signer == null || !signers.contains(signer)) {
      throw invalid(chainId, "signer: " + signer + " is not a required signer of this transaction");
    }
    return SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, signer, messageBytes);
  }

  @Override
  public boolean verify(AccountId signer, Signature signature) {
    if (signer == null || signature == null || signature.keyType() != KeyType.ED25519 || !signers.contains(signer)) {
      return false;
    }
    try {
      return Ed25519PublicKey.of(Pubkey.fromBase58(signer.address()).bytes()).verify(messageBytes, signature.bytes());
    } catch (CryptoException | DecodingException | SvmException e) {
      return false;
    }
  }

  @Override
  public byte[] encoded() {
    if (validity.lastValidHeight().isPresent()) {
      long h = validity.lastValidHeight().getAsLong();
      byte[] out = new byte[WINDOW_PREFIX + messageBytes.length];
      out[1] = 'W';
      for (int i = 0; i < 8; i++) {
        out[2 + i] = (byte) (h >>> (56 - 8 * i));
      }
      System.arraycopy(messageBytes, 0, out, WINDOW_PREFIX, messageBytes.length);
      return out;
    }
    return messageBytes.clone();
  }

  @Override
  public ValidityWindow validity() {
    return validity;
  }

  @Override
  public SignedTransaction withSignatures(Map<AccountId, Signature> signatures) {
    if (signatures == null) {
      throw invalid(chainId, "signatures: is null");
    }
    List<byte[]> sigs = new ArrayList<>(signers.size());
    for (AccountId a : signers) {
      Signature s = signatures.get(a);
      if (s == null) {
        throw invalid(chainId, "signatures: missing the signature of " + a);
      }
      if (!verify(a, s)) {
        throw invalid(chainId, "signatures: the signature of " + a + " does not verify");
      }
      sigs.add(s.bytes());
    }
    for (AccountId a : signatures.keySet()) {
      if (!signers.contains(a)) {
        throw invalid(chainId, "signatures: " + a + " is not a required signer");
      }
    }
    return new SvmSignedTransaction(chainId, Transaction.of(message, sigs), validity);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SvmUnsignedTransaction)) {
      return false;
    }
    SvmUnsignedTransaction t = (SvmUnsignedTransaction) o;
    return chainId.equals(t.chainId) && message.equals(t.message) && validity.equals(t.validity);
  }

  @Override
  public int hashCode() {
    return message.hashCode();
  }

  @Override
  public String toString() {
    return "SvmUnsignedTransaction{" + chainId + ", feePayer " + feePayer().address() + ", " + signers.size()
        + " signer(s), " + validity + "}";
  }
}
