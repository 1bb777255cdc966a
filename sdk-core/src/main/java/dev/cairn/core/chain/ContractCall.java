package dev.cairn.core.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One call shape for every VM: which contract on which chain, what to send it, and what value to
 * attach. {@link VmDispatcher} routes it by {@link #chainId()}.
 *
 * <ul>
 *   <li>EVM: the contract address; {@link CallPayload#evm calldata}; funds at most one amount of
 *       the native coin (the call's {@code value}).
 *   <li>SVM: the program id of the program being called (the instructions may also involve other
 *       programs, e.g. the compute budget); {@link CallPayload#svm instructions}; no funds
 *       (lamports move through instructions).
 *   <li>CosmWasm: the contract's bech32 address; the {@link CallPayload#cosmWasm JSON message};
 *       any number of coins of distinct denominations, sent with an execute.
 * </ul>
 *
 * Immutable.
 */
public final class ContractCall {
  private final AccountId contract;
  private final CallPayload payload;
  private final List<Amount> funds;

  private ContractCall(AccountId contract, CallPayload payload, List<Amount> funds) {
    this.contract = contract;
    this.payload = payload;
    this.funds = funds;
  }

  /** A call without attached funds. */
  public static ContractCall of(AccountId contract, CallPayload payload) {
    return of(contract, payload, List.of());
  }

  /**
   * A call with attached funds.
   *
   * @throws ChainException UNSUPPORTED if the contract's chain is not of a supported family;
   *     INVALID_INPUT if the payload's family differs from the chain's or the funds do not fit the
   *     family (see the class comment)
   */
  public static ContractCall of(AccountId contract, CallPayload payload, List<Amount> funds) {
    if (contract == null) {
      throw Checks.invalid("call.contract: is null");
    }
    ChainId chain = contract.chainId();
    if (payload == null) {
      throw Checks.invalid(chain, "call.payload: is null");
    }
    if (funds == null) {
      throw Checks.invalid(chain, "call.funds: is null");
    }
    ChainFamily family = chain.family().orElseThrow(() -> new ChainException(
        ChainError.of(ErrorKind.UNSUPPORTED, chain, "call.contract: namespace " + chain.namespace() + " is not supported")));
    if (payload.family() != family) {
      throw Checks.invalid(chain, "call.payload: " + payload.family() + " payload for " + family + " chain " + chain);
    }
    List<Amount> copy = new ArrayList<>(funds.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < funds.size(); i++) {
      Amount a = funds.get(i);
      if (a == null) {
        throw Checks.invalid(chain, "call.funds[" + i + "]: is null");
      }
      if (!seen.add(a.denomination().code())) {
        throw Checks.invalid(chain, "call.funds[" + i + "]: denomination " + a.denomination().code() + " repeats");
      }
      copy.add(a);
    }
    if (family == ChainFamily.EVM && copy.size() > 1) {
      throw Checks.invalid(chain, "call.funds: an EVM call carries at most one (native) amount");
    }
    if (family == ChainFamily.SVM && !copy.isEmpty()) {
      throw Checks.invalid(chain, "call.funds: Solana calls move lamports through instructions, not funds");
    }
    return new ContractCall(contract, payload, Collections.unmodifiableList(copy));
  }

  /** The chain, from the contract's account id. */
  public ChainId chainId() {
    return contract.chainId();
  }

  /** The contract (EVM, CosmWasm) or program (SVM). */
  public AccountId contract() {
    return contract;
  }

  /** What to send. */
  public CallPayload payload() {
    return payload;
  }

  /** Attached funds (unmodifiable; empty when none). */
  public List<Amount> funds() {
    return funds;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ContractCall)) {
      return false;
    }
    ContractCall c = (ContractCall) o;
    return contract.equals(c.contract) && payload.equals(c.payload) && funds.equals(c.funds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contract, payload, funds);
  }

  @Override
  public String toString() {
    return "ContractCall{" + contract + ", " + payload + (funds.isEmpty() ? "" : ", funds=" + funds) + "}";
  }
}
