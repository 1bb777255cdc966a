package dev.cairn.core.chain;

import dev.cairn.core.signer.SignerDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A family-neutral description of a transaction to build: a native transfer or a contract call,
 * from one account, with optional overrides. {@link ChainAdapter#build} turns it into an {@link
 * UnsignedTransaction}. Immutable; the {@code with...} methods return modified copies.
 *
 * <p>{@link #withSigners} names who will sign, as {@link SignerDescriptor}s (no key needed): the
 * fee payer and any other signers. Adapters use them where the transaction depends on the signer —
 * a Cosmos {@code AuthInfo} holds the public key and a sign mode chosen from the fee payer's
 * supported kinds; a Solana message lists a separate fee payer and every signing account. Without
 * them the fee payer is {@link #from()} (enough for EVM).
 */
public final class TransactionRequest {
  /** What the transaction does. */
  public enum Type {
    /** Move the native asset from {@link #from()} to {@link #to()}. */
    TRANSFER,
    /** Call a contract or program ({@link #call()}). */
    CONTRACT_CALL
  }

  private final Type type;
  private final AccountId from;
  private final AccountId to;
  private final Amount amount;
  private final ContractCall call;
  private final FeeLevel feeLevel;
  private final Fee fee;
  private final Long nonce;
  private final String memo;
  private final SignerDescriptor feePayer;
  private final List<SignerDescriptor> otherSigners;

  private TransactionRequest(Type type, AccountId from, AccountId to, Amount amount, ContractCall call,
      FeeLevel feeLevel, Fee fee, Long nonce, String memo) {
    this(type, from, to, amount, call, feeLevel, fee, nonce, memo, null, Collections.emptyList());
  }

  private TransactionRequest(Type type, AccountId from, AccountId to, Amount amount, ContractCall call,
      FeeLevel feeLevel, Fee fee, Long nonce, String memo, SignerDescriptor feePayer, List<SignerDescriptor> others) {
    this.feePayer = feePayer;
    this.otherSigners = others;
    this.type = type;
    this.from = from;
    this.to = to;
    this.amount = amount;
    this.call = call;
    this.feeLevel = feeLevel;
    this.fee = fee;
    this.nonce = nonce;
    this.memo = memo;
  }

  /**
   * A native transfer.
   *
   * @throws ChainException (INVALID_INPUT) when an argument is null or the accounts are on
   *     different chains
   */
  public static TransactionRequest transfer(AccountId from, AccountId to, Amount amount) {
    if (from == null) {
      throw Checks.invalid("request.from: is null");
    }
    if (to == null) {
      throw Checks.invalid(from.chainId(), "request.to: is null");
    }
    if (!from.chainId().equals(to.chainId())) {
      throw Checks.invalid(from.chainId(), "request.to: is on " + to.chainId() + ", not " + from.chainId());
    }
    if (amount == null) {
      throw Checks.invalid(from.chainId(), "request.amount: is null");
    }
    return new TransactionRequest(Type.TRANSFER, from, to, amount, null, FeeLevel.NORMAL, null, null, null);
  }

  /**
   * A contract call, sending the call's funds.
   *
   * @throws ChainException (INVALID_INPUT) when an argument is null or the call is on another
   *     chain than {@code from}
   */
  public static TransactionRequest contractCall(AccountId from, ContractCall call) {
    if (from == null) {
      throw Checks.invalid("request.from: is null");
    }
    if (call == null) {
      throw Checks.invalid(from.chainId(), "request.call: is null");
    }
    if (!from.chainId().equals(call.chainId())) {
      throw Checks.invalid(from.chainId(), "request.call: is on " + call.chainId() + ", not " + from.chainId());
    }
    return new TransactionRequest(Type.CONTRACT_CALL, from, call.contract(), null, call, FeeLevel.NORMAL, null, null, null);
  }

  /** A copy using the fee of {@code level} from the adapter's estimate (default NORMAL). */
  public TransactionRequest withFeeLevel(FeeLevel level) {
    if (level == null) {
      throw Checks.invalid(chainId(), "request.feeLevel: is null");
    }
    return new TransactionRequest(type, from, to, amount, call, level, fee, nonce, memo, feePayer, otherSigners);
  }

  /** A copy with an explicit fee, which takes precedence over the fee level. */
  public TransactionRequest withFee(Fee explicitFee) {
    if (explicitFee == null) {
      throw Checks.invalid(chainId(), "request.fee: is null");
    }
    return new TransactionRequest(type, from, to, amount, call, feeLevel, explicitFee, nonce, memo, feePayer, otherSigners);
  }

  /**
   * A copy with an explicit EVM nonce or Cosmos account sequence instead of the chain's next one
   * (for custody services that manage nonces). Adapters of families without nonces (SVM) refuse
   * it with UNSUPPORTED.
   */
  public TransactionRequest withNonce(long value) {
    if (value < 0) {
      throw Checks.invalid(chainId(), "request.nonce: " + value + " is negative");
    }
    return new TransactionRequest(type, from, to, amount, call, feeLevel, fee, value, memo, feePayer, otherSigners);
  }

  /**
   * A copy with a memo (Cosmos tx memo; Solana memo instruction). Adapters of families without
   * memos (EVM) refuse it with UNSUPPORTED. At most 512 characters.
   */
  public TransactionRequest withMemo(String text) {
    if (text == null || text.length() > 512) {
      throw Checks.invalid(chainId(), "request.memo: is null or longer than 512 characters");
    }
    return new TransactionRequest(type, from, to, amount, call, feeLevel, fee, nonce, text, feePayer, otherSigners);
  }

  /**
   * A copy naming the signers: {@code feePayer} pays the fee (on Solana it may differ from {@link
   * #from()}), {@code others} are the further signers the transaction needs (e.g. {@link #from()}
   * when it is not the fee payer), in order, without the fee payer.
   *
   * @throws ChainException (INVALID_INPUT) naming {@code request.signers} for null or repeated
   *     descriptors (same key type and public key)
   */
  public TransactionRequest withSigners(SignerDescriptor feePayer, List<SignerDescriptor> others) {
    if (feePayer == null) {
      throw Checks.invalid(chainId(), "request.feePayer: is null");
    }
    if (others == null) {
      throw Checks.invalid(chainId(), "request.signers: is null");
    }
    List<SignerDescriptor> copy = new ArrayList<>(others.size());
    for (SignerDescriptor d : others) {
      if (d == null) {
        throw Checks.invalid(chainId(), "request.signers: contains null");
      }
      for (SignerDescriptor e : copy) {
        if (sameKey(d, e)) {
          throw Checks.invalid(chainId(), "request.signers: the same key appears twice");
        }
      }
      if (sameKey(d, feePayer)) {
        throw Checks.invalid(chainId(), "request.signers: the fee payer is listed again");
      }
      copy.add(d);
    }
    return new TransactionRequest(type, from, to, amount, call, feeLevel, fee, nonce, memo, feePayer,
        Collections.unmodifiableList(copy));
  }

  /** A copy whose single signer, {@code signer}, also pays the fee. */
  public TransactionRequest withSigner(SignerDescriptor signer) {
    return withSigners(signer, Collections.emptyList());
  }

  private static boolean sameKey(SignerDescriptor a, SignerDescriptor b) {
    return a.keyType() == b.keyType() && java.util.Arrays.equals(a.publicKey(), b.publicKey());
  }

  /** The fee payer's descriptor, if named with {@link #withSigners}. */
  public Optional<SignerDescriptor> feePayer() {
    return Optional.ofNullable(feePayer);
  }

  /** The further signers named with {@link #withSigners}, fee payer excluded (unmodifiable). */
  public List<SignerDescriptor> otherSigners() {
    return otherSigners;
  }

  /** The chain, from {@link #from()}. */
  public ChainId chainId() {
    return from.chainId();
  }

  /** Transfer or contract call. */
  public Type type() {
    return type;
  }

  /** The sending (and fee-paying) account. */
  public AccountId from() {
    return from;
  }

  /** The recipient of a transfer, or the contract of a call. */
  public AccountId to() {
    return to;
  }

  /** The transferred amount (transfers only). */
  public Optional<Amount> amount() {
    return Optional.ofNullable(amount);
  }

  /** The call (contract calls only). */
  public Optional<ContractCall> call() {
    return Optional.ofNullable(call);
  }

  /** The fee level used when no explicit fee is set. */
  public FeeLevel feeLevel() {
    return feeLevel;
  }

  /** The explicit fee, if set. */
  public Optional<Fee> fee() {
    return Optional.ofNullable(fee);
  }

  /** The explicit nonce or sequence, if set. */
  public OptionalLong nonce() {
    return nonce == null ? OptionalLong.empty() : OptionalLong.of(nonce);
  }

  /** The memo, if set. */
  public Optional<String> memo() {
    return Optional.ofNullable(memo);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TransactionRequest)) {
      return false;
    }
    TransactionRequest r = (TransactionRequest) o;
    return type == r.type && from.equals(r.from) && to.equals(r.to) && Objects.equals(amount, r.amount)
        && Objects.equals(call, r.call) && feeLevel == r.feeLevel && Objects.equals(fee, r.fee)
        && Objects.equals(nonce, r.nonce) && Objects.equals(memo, r.memo)
        && Objects.equals(feePayer, r.feePayer) && otherSigners.equals(r.otherSigners);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, from, to, amount, call, feeLevel, fee, nonce, memo, feePayer, otherSigners);
  }

  @Override
  public String toString() {
    return "TransactionRequest{" + type + ", from=" + from + ", to=" + to
        + (amount == null ? "" : ", amount=" + amount) + (call == null ? "" : ", call=" + call)
        + ", feeLevel=" + feeLevel + (fee == null ? "" : ", fee=" + fee)
        + (nonce == null ? "" : ", nonce=" + nonce) + (memo == null ? "" : ", memo=" + memo.length() + " chars")
        + (feePayer == null ? "" : ", feePayer=" + feePayer.backend() + ", signers=" + (1 + otherSigners.size())) + "}";
  }
}
