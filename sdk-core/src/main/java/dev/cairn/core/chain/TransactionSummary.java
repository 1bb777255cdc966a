package dev.cairn.core.chain;

import dev.cairn.core.signer.SignRequest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sign request would do, in chain-neutral terms — what a signing policy checks: the chain,
 * the signer and fee payer, the actions (native transfers with amounts, token transfers and
 * approvals with the token and amount, contract or program calls with their selector, instruction
 * or message key and attached funds), and the most the fee can cost. Made by a {@link
 * dev.cairn.core.chain.spi.TransactionInspector} from the request's payload alone, never from what a
 * caller claims; obtain one with {@link Inspectors#inspect}. Immutable.
 */
public final class TransactionSummary {
  private final SignRequest.Kind kind;
  private final ChainId chainId;
  private final AccountId signer;
  private final AccountId feePayer;
  private final List<Action> actions;
  private final Amount feeLimit;

  private TransactionSummary(Builder b) {
    this.kind = b.kind;
    this.chainId = b.chainId;
    this.signer = b.signer;
    this.feePayer = b.feePayer;
    this.actions = Collections.unmodifiableList(new ArrayList<>(b.actions));
    this.feeLimit = b.feeLimit;
  }

  /** A builder for a summary of a request of {@code kind} on {@code chainId}. */
  public static Builder builder(SignRequest.Kind kind, ChainId chainId) {
    if (kind == null) {
      throw Checks.invalid("summary.kind: is null");
    }
    if (chainId == null) {
      throw Checks.invalid("summary.chainId: is null");
    }
    return new Builder(kind, chainId);
  }

  /** Builder of {@link TransactionSummary}. */
  public static final class Builder {
    private final SignRequest.Kind kind;
    private final ChainId chainId;
    private AccountId signer;
    private AccountId feePayer;
    private final List<Action> actions = new ArrayList<>();
    private Amount feeLimit;

    private Builder(SignRequest.Kind kind, ChainId chainId) {
      this.kind = kind;
      this.chainId = chainId;
    }

    /** The signing account. */
    public Builder signer(AccountId account) {
      this.signer = onChain("summary.signer", account);
      return this;
    }

    /** The fee payer. */
    public Builder feePayer(AccountId account) {
      this.feePayer = onChain("summary.feePayer", account);
      return this;
    }

    /** Adds an action, in execution order. */
    public Builder action(Action action) {
      if (action == null) {
        throw Checks.invalid(chainId, "summary.action: is null");
      }
      actions.add(action);
      return this;
    }

    /** The most the fee can cost (EVM gasLimit × max fee per gas; Cosmos fee amount; Solana fee + priority). */
    public Builder feeLimit(Amount limit) {
      if (limit == null) {
        throw Checks.invalid(chainId, "summary.feeLimit: is null");
      }
      this.feeLimit = limit;
      return this;
    }

    private AccountId onChain(String field, AccountId a) {
      if (a == null) {
        throw Checks.invalid(chainId, field + ": is null");
      }
      if (!a.chainId().equals(chainId)) {
        throw Checks.invalid(chainId, field + ": is on " + a.chainId() + ", not " + chainId);
      }
      return a;
    }

    /** The summary. */
    public TransactionSummary build() {
      return new TransactionSummary(this);
    }
  }

  /** What the request is (transaction, typed data, ...). */
  public SignRequest.Kind kind() {
    return kind;
  }

  /** The chain the payload is for (from the payload, checked against the request's account). */
  public ChainId chainId() {
    return chainId;
  }

  /** The signing account. */
  public Optional<AccountId> signer() {
    return Optional.ofNullable(signer);
  }

  /** The fee payer (a transaction's; empty for messages). */
  public Optional<AccountId> feePayer() {
    return Optional.ofNullable(feePayer);
  }

  /** The actions, in order (unmodifiable). */
  public List<Action> actions() {
    return actions;
  }

  /** The most the fee can cost, when the payload fixes it. */
  public Optional<Amount> feeLimit() {
    return Optional.ofNullable(feeLimit);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TransactionSummary)) {
      return false;
    }
    TransactionSummary s = (TransactionSummary) o;
    return kind == s.kind && chainId.equals(s.chainId) && Objects.equals(signer, s.signer)
        && Objects.equals(feePayer, s.feePayer) && actions.equals(s.actions) && Objects.equals(feeLimit, s.feeLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, chainId, signer, feePayer, actions, feeLimit);
  }

  @Override
  public String toString() {
    return "TransactionSummary{" + kind + ", " + chainId + (signer == null ? "" : ", signer=" + signer)
        + (feePayer == null ? "" : ", feePayer=" + feePayer) + ", actions=" + actions
        + (feeLimit == null ? "" : ", feeLimit=" + feeLimit) + "}";
  }

  /** One thing a transaction or message does. Immutable; made by the factories. */
  public static final class Action {
    /** Kinds of actions. */
    public enum Type {
      /** The native asset moves from {@link #from()} to {@link #to()}: {@link #amount()}. */
      NATIVE_TRANSFER,
      /** A token ({@link #token()}: ERC-20 contract, SPL mint, CW20 contract) moves: {@link #tokenAmount()}. */
      TOKEN_TRANSFER,
      /** {@link #from()} allows {@link #to()} to spend {@link #tokenAmount()} of {@link #token()}. */
      TOKEN_APPROVAL,
      /**
       * A contract or program ({@link #to()}) is called: {@link #method()} is the EVM 4-byte
       * selector ({@code 0x...}), the Solana instruction (discriminator or name), or the CosmWasm
       * message's top-level key; {@link #funds()} are attached.
       */
      CALL,
      /** A contract is created by {@link #from()} (EVM), with {@link #amount()} as its endowment when not zero. */
      DEPLOY,
      /**
       * An account delegates its code to {@link #to()} (EIP-7702 authorization); {@link #from()} is
       * the authority when known.
       */
      DELEGATION,
      /** Typed data is signed for {@link #to()} (EIP-712 verifying contract, if any): {@link #method()} is the primary type. */
      TYPED_DATA
    }

    private final Type type;
    private final AccountId from;
    private final AccountId to;
    private final Amount amount;
    private final AccountId token;
    private final BigInteger tokenAmount;
    private final String method;
    private final List<Amount> funds;

    private Action(Type type, AccountId from, AccountId to, Amount amount, AccountId token, BigInteger tokenAmount,
        String method, List<Amount> funds) {
      this.type = type;
      this.from = from;
      this.to = to;
      this.amount = amount;
      this.token = token;
      this.tokenAmount = tokenAmount;
      this.method = method;
      this.funds = funds;
    }

    /** A native transfer. */
    public static Action nativeTransfer(AccountId from, AccountId to, Amount amount) {
      require(from, "action.from");
      require(to, "action.to");
      require(amount, "action.amount");
      return new Action(Type.NATIVE_TRANSFER, from, to, amount, null, null, null, Collections.emptyList());
    }

    /** A token transfer of {@code units} base units of {@code token} (the token's decimals are not known here). */
    public static Action tokenTransfer(AccountId token, AccountId from, AccountId to, BigInteger units) {
      require(token, "action.token");
      require(from, "action.from");
      require(to, "action.to");
      checkUnits(units);
      return new Action(Type.TOKEN_TRANSFER, from, to, null, token, units, null, Collections.emptyList());
    }

    /** An approval: {@code owner} lets {@code spender} spend {@code units} of {@code token}. */
    public static Action tokenApproval(AccountId token, AccountId owner, AccountId spender, BigInteger units) {
      require(token, "action.token");
      require(owner, "action.from");
      require(spender, "action.to");
      checkUnits(units);
      return new Action(Type.TOKEN_APPROVAL, owner, spender, null, token, units, null, Collections.emptyList());
    }

    /**
     * A call of {@code contract}.
     *
     * @param from the caller
     * @param method selector, instruction or message key; may be {@code null} when there is none
     *     (e.g. EVM call data shorter than 4 bytes)
     * @param funds attached native or coin amounts (may be empty)
     */
    public static Action call(AccountId from, AccountId contract, String method, List<Amount> funds) {
      require(from, "action.from");
      require(contract, "action.to");
      if (funds == null) {
        throw Checks.invalid("action.funds: is null");
      }
      List<Amount> f = new ArrayList<>(funds.size());
      for (Amount a : funds) {
        require(a, "action.funds");
        f.add(a);
      }
      return new Action(Type.CALL, from, contract, null, null, null, method, Collections.unmodifiableList(f));
    }

    /** A contract creation by {@code from} with {@code endowment} (may be {@code null} for none). */
    public static Action deploy(AccountId from, Amount endowment) {
      require(from, "action.from");
      return new Action(Type.DEPLOY, from, null, endowment, null, null, null, Collections.emptyList());
    }

    /** A delegation of {@code authority}'s code (may be {@code null} when unknown) to {@code contract}. */
    public static Action delegation(AccountId authority, AccountId contract) {
      require(contract, "action.to");
      return new Action(Type.DELEGATION, authority, contract, null, null, null, null, Collections.emptyList());
    }

    /** Typed data signed by {@code signer} for {@code verifyingContract} (may be {@code null}), of {@code primaryType}. */
    public static Action typedData(AccountId signer, AccountId verifyingContract, String primaryType) {
      require(primaryType, "action.method");
      return new Action(Type.TYPED_DATA, signer, verifyingContract, null, null, null, primaryType, Collections.emptyList());
    }

    private static void require(Object o, String field) {
      if (o == null) {
        throw Checks.invalid(field + ": is null");
      }
    }

    private static void checkUnits(BigInteger units) {
      if (units == null || units.signum() < 0) {
        throw Checks.invalid("action.tokenAmount: is null or negative");
      }
    }

    /** The type. */
    public Type type() {
      return type;
    }

    /** The sender, owner or caller. */
    public Optional<AccountId> from() {
      return Optional.ofNullable(from);
    }

    /** The recipient, spender, contract or program. */
    public Optional<AccountId> to() {
      return Optional.ofNullable(to);
    }

    /** The native amount of a {@link Type#NATIVE_TRANSFER}. */
    public Optional<Amount> amount() {
      return Optional.ofNullable(amount);
    }

    /** The token of a token transfer or approval. */
    public Optional<AccountId> token() {
      return Optional.ofNullable(token);
    }

    /** Base units of the token. */
    public Optional<BigInteger> tokenAmount() {
      return Optional.ofNullable(tokenAmount);
    }

    /** Selector, instruction, message key or primary type. */
    public Optional<String> method() {
      return Optional.ofNullable(method);
    }

    /** Attached funds of a call (unmodifiable). */
    public List<Amount> funds() {
      return funds;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Action)) {
        return false;
      }
      Action a = (Action) o;
      return type == a.type && Objects.equals(from, a.from) && Objects.equals(to, a.to)
          && Objects.equals(amount, a.amount) && Objects.equals(token, a.token)
          && Objects.equals(tokenAmount, a.tokenAmount) && Objects.equals(method, a.method) && funds.equals(a.funds);
    }

    @Override
    public int hashCode() {
      return Objects.hash(type, from, to, amount, token, tokenAmount, method, funds);
    }

    @Override
    public String toString() {
      return type + "{" + (from == null ? "" : "from=" + from + ", ") + (to == null ? "" : "to=" + to)
          + (amount == null ? "" : ", amount=" + amount) + (token == null ? "" : ", token=" + token)
          + (tokenAmount == null ? "" : ", units=" + tokenAmount) + (method == null ? "" : ", method=" + method)
          + (funds.isEmpty() ? "" : ", funds=" + funds) + "}";
    }
  }
}
