package dev.cairn.evm.contract;

import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.signer.Signer;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.contract.erc.Erc20;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A typed ERC-20 token on one chain: reads ({@code balanceOf}, {@code decimals}, {@code symbol}...,
 * several balances in one Multicall3 call) and writes ({@code transfer}, {@code approve}) through an
 * {@link EvmChainAdapter}, whose nonce manager, fee suggestion and revert decoding apply. Encoding
 * and decoding come from the generated binding {@link Erc20} (abi-maven-plugin, from
 * {@code src/main/abi/erc20.json}). Reverts of the token's calls surface as {@link ChainException}s
 * of kind REVERTED with the reason; the OpenZeppelin ERC-20 errors ({@code ERC20InsufficientBalance}...)
 * are decoded unless another ABI was registered for the token.
 */
public final class Erc20Token {
  /** The generated binding's errors and events as an ABI (for revert decoding). */
  public static final ContractAbi ABI = ContractAbi.parseHumanReadable(
      Erc20.EVENT_TRANSFER.toHumanReadable(), Erc20.EVENT_APPROVAL.toHumanReadable(),
      Erc20.ERROR_ERC20_INSUFFICIENT_ALLOWANCE.toHumanReadable(), Erc20.ERROR_ERC20_INSUFFICIENT_BALANCE.toHumanReadable(),
      Erc20.ERROR_ERC20_INVALID_APPROVER.toHumanReadable(), Erc20.ERROR_ERC20_INVALID_RECEIVER.toHumanReadable(),
      Erc20.ERROR_ERC20_INVALID_SENDER.toHumanReadable(), Erc20.ERROR_ERC20_INVALID_SPENDER.toHumanReadable());

  /** Gas limit for transfer/approve when the caller does not estimate (typical tokens need ~30-60k). */
  public static final long DEFAULT_GAS_LIMIT = 100_000;

  private final EvmChainAdapter adapter;
  private final Address token;

  private Erc20Token(EvmChainAdapter adapter, Address token) {
    this.adapter = adapter;
    this.token = token;
  }

  /** The token at {@code token}, used through {@code adapter}. */
  public static Erc20Token at(EvmChainAdapter adapter, Address token) {
    if (adapter == null || token == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, (adapter == null ? "adapter" : "token") + ": is null"));
    }
    adapter.registerAbiIfAbsent(token, ABI);
    return new Erc20Token(adapter, token);
  }

  /** The token's address. */
  public Address address() {
    return token;
  }

  /** {@code name()}. */
  public CompletableFuture<String> name() {
    return adapter.call(token, Erc20.encodeName()).thenApply(Erc20::decodeNameResult);
  }

  /** {@code symbol()}. */
  public CompletableFuture<String> symbol() {
    return adapter.call(token, Erc20.encodeSymbol()).thenApply(Erc20::decodeSymbolResult);
  }

  /** {@code decimals()}. */
  public CompletableFuture<Integer> decimals() {
    return adapter.call(token, Erc20.encodeDecimals()).thenApply(Erc20::decodeDecimalsResult);
  }

  /** {@code totalSupply()}. */
  public CompletableFuture<BigInteger> totalSupply() {
    return adapter.call(token, Erc20.encodeTotalSupply()).thenApply(Erc20::decodeTotalSupplyResult);
  }

  /** {@code balanceOf(owner)}. */
  public CompletableFuture<BigInteger> balanceOf(Address owner) {
    return adapter.call(token, Erc20.encodeBalanceOf(owner)).thenApply(Erc20::decodeBalanceOfResult);
  }

  /** {@code allowance(owner, spender)}. */
  public CompletableFuture<BigInteger> allowance(Address owner, Address spender) {
    return adapter.call(token, Erc20.encodeAllowance(owner, spender)).thenApply(Erc20::decodeAllowanceResult);
  }

  /**
   * The balances of {@code owners} in one {@code eth_call} through Multicall3 (which must be
   * deployed at {@link Multicall3#ADDRESS}); a reverting balanceOf fails the whole batch.
   */
  public CompletableFuture<List<BigInteger>> balancesOf(List<Address> owners) {
    List<Multicall3.Call> calls = new ArrayList<>(owners.size());
    for (Address o : owners) {
      calls.add(Multicall3.Call.of(token, Erc20.encodeBalanceOf(o), false));
    }
    return adapter.multicall(calls).thenApply(results -> {
      List<BigInteger> out = new ArrayList<>(results.size());
      for (Multicall3.Result r : results) {
        out.add(Erc20.decodeBalanceOfResult(r.returnData()));
      }
      return out;
    });
  }

  /**
   * Sends {@code transfer(to, value)} from the signer's account with the adapter's managed nonce,
   * after an {@code eth_estimateGas} dry run (so a revert fails here with its reason instead of on
   * chain).
   */
  public CompletableFuture<Submission> transfer(Signer signer, Address to, BigInteger value) {
    return write(signer, Erc20.encodeTransfer(to, value));
  }

  /** Sends {@code approve(spender, value)}; see {@link #transfer}. */
  public CompletableFuture<Submission> approve(Signer signer, Address spender, BigInteger value) {
    return write(signer, Erc20.encodeApprove(spender, value));
  }

  /** Decodes a {@code Transfer} log of any ERC-20 token. */
  public static Erc20.TransferEvent decodeTransfer(List<byte[]> topics, byte[] data) {
    return Erc20.decodeTransferEvent(topics, data);
  }

  private CompletableFuture<Submission> write(Signer signer, byte[] data) {
    // gas (estimate + margin, so a revert fails here with its reason) and fees: the adapter's filler
    return adapter.submit(Transaction.builder().to(token).data(data), signer);
  }

  @Override
  public String toString() {
    return "Erc20Token{" + token + " on " + adapter.chainId() + "}";
  }
}
