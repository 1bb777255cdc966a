package dev.cairn.evm.contract;

import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.signer.Signer;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A typed ERC-20 token on one chain: reads ({@code balanceOf}, {@code decimals}, {@code symbol}...,
 * several balances in one Multicall3 call) and writes ({@code transfer}, {@code approve}) through an
 * {@link EvmChainAdapter}, whose nonce manager, fee suggestion and revert decoding apply. Reverts of
 * the token's calls surface as {@link ChainException}s of kind REVERTED with the reason.
 */
public final class Erc20 {
  /** The ERC-20 interface (EIP-20) in human-readable form. */
  public static final ContractAbi ABI = ContractAbi.parseHumanReadable(
      "function name() view returns (string)",
      "function symbol() view returns (string)",
      "function decimals() view returns (uint8)",
      "function totalSupply() view returns (uint256)",
      "function balanceOf(address owner) view returns (uint256)",
      "function allowance(address owner, address spender) view returns (uint256)",
      "function transfer(address to, uint256 value) returns (bool)",
      "function approve(address spender, uint256 value) returns (bool)",
      "function transferFrom(address from, address to, uint256 value) returns (bool)",
      "event Transfer(address indexed from, address indexed to, uint256 value)",
      "event Approval(address indexed owner, address indexed spender, uint256 value)");

  /** {@code Transfer(address,address,uint256)}. */
  public static final Event TRANSFER = ABI.event("Transfer").orElseThrow();
  /** {@code Approval(address,address,uint256)}. */
  public static final Event APPROVAL = ABI.event("Approval").orElseThrow();

  private static final Function NAME = fn("name");
  private static final Function SYMBOL = fn("symbol");
  private static final Function DECIMALS = fn("decimals");
  private static final Function TOTAL_SUPPLY = fn("totalSupply");
  private static final Function BALANCE_OF = fn("balanceOf");
  private static final Function ALLOWANCE = fn("allowance");
  private static final Function TRANSFER_FN = fn("transfer");
  private static final Function APPROVE = fn("approve");

  /** Gas limit for transfer/approve when the caller does not estimate (typical tokens need ~30-60k). */
  public static final long DEFAULT_GAS_LIMIT = 100_000;

  private final EvmChainAdapter adapter;
  private final Address token;

  private Erc20(EvmChainAdapter adapter, Address token) {
    this.adapter = adapter;
    this.token = token;
  }

  private static Function fn(String name) {
    return ABI.function(name).orElseThrow();
  }

  /** The token at {@code token}, used through {@code adapter}. */
  public static Erc20 at(EvmChainAdapter adapter, Address token) {
    if (adapter == null || token == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, (adapter == null ? "adapter" : "token") + ": is null"));
    }
    return new Erc20(adapter, token);
  }

  /** The token's address. */
  public Address address() {
    return token;
  }

  /** {@code name()}. */
  public CompletableFuture<String> name() {
    return adapter.call(token, NAME.encodeCall()).thenApply(r -> NAME.decodeReturn(r).getString(0));
  }

  /** {@code symbol()}. */
  public CompletableFuture<String> symbol() {
    return adapter.call(token, SYMBOL.encodeCall()).thenApply(r -> SYMBOL.decodeReturn(r).getString(0));
  }

  /** {@code decimals()}. */
  public CompletableFuture<Integer> decimals() {
    return adapter.call(token, DECIMALS.encodeCall()).thenApply(r -> DECIMALS.decodeReturn(r).getInt(0));
  }

  /** {@code totalSupply()}. */
  public CompletableFuture<BigInteger> totalSupply() {
    return adapter.call(token, TOTAL_SUPPLY.encodeCall()).thenApply(r -> TOTAL_SUPPLY.decodeReturn(r).getBigInteger(0));
  }

  /** {@code balanceOf(owner)}. */
  public CompletableFuture<BigInteger> balanceOf(Address owner) {
    return adapter.call(token, BALANCE_OF.encodeCall(owner)).thenApply(r -> BALANCE_OF.decodeReturn(r).getBigInteger(0));
  }

  /** {@code allowance(owner, spender)}. */
  public CompletableFuture<BigInteger> allowance(Address owner, Address spender) {
    return adapter.call(token, ALLOWANCE.encodeCall(owner, spender))
        .thenApply(r -> ALLOWANCE.decodeReturn(r).getBigInteger(0));
  }

  /**
   * The balances of {@code owners} in one {@code eth_call} through Multicall3 (which must be
   * deployed at {@link Multicall3#ADDRESS}); a reverting balanceOf fails the whole batch.
   */
  public CompletableFuture<List<BigInteger>> balancesOf(List<Address> owners) {
    List<Multicall3.Call> calls = new ArrayList<>(owners.size());
    for (Address o : owners) {
      calls.add(Multicall3.Call.of(token, BALANCE_OF.encodeCall(o), false));
    }
    return adapter.multicall(calls).thenApply(results -> {
      List<BigInteger> out = new ArrayList<>(results.size());
      for (Multicall3.Result r : results) {
        out.add(BALANCE_OF.decodeReturn(r.returnData()).getBigInteger(0));
      }
      return out;
    });
  }

  /**
   * Sends {@code transfer(to, value)} from the signer's account with the adapter's managed nonce,
   * after an {@code eth_call} dry run (so a revert fails here with its reason instead of on chain).
   */
  public CompletableFuture<Submission> transfer(Signer signer, Address to, BigInteger value) {
    return write(signer, TRANSFER_FN.encodeCall(to, value));
  }

  /** Sends {@code approve(spender, value)}; see {@link #transfer}. */
  public CompletableFuture<Submission> approve(Signer signer, Address spender, BigInteger value) {
    return write(signer, APPROVE.encodeCall(spender, value));
  }

  private CompletableFuture<Submission> write(Signer signer, byte[] data) {
    Address from = adapter.addressOf(adapter.accountOf(signer));
    return adapter.estimateGas(dev.cairn.evm.rpc.CallRequest.builder().from(from).to(token).data(data).build(), token)
        .thenCombine(adapter.rpc().suggestFeesAsync(), (gas, fees) -> Transaction.eip1559()
            .gasLimit(adapter.rpc().withGasMargin(gas))
            .maxFeePerGas(fees.normal().maxFeePerGas())
            .maxPriorityFeePerGas(fees.normal().maxPriorityFeePerGas())
            .to(token)
            .data(data))
        .thenCompose(b -> adapter.submit(b, signer));
  }

  @Override
  public String toString() {
    return "Erc20{" + token + " on " + adapter.chainId() + "}";
  }
}
