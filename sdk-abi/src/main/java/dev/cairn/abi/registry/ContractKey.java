package dev.cairn.abi.registry;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.ChainId;
import java.util.Objects;

/** A deployed contract: chain and address. Immutable value. */
public final class ContractKey {
  private final ChainId chainId;
  private final Address address;

  private ContractKey(ChainId chainId, Address address) {
    this.chainId = chainId;
    this.address = address;
  }

  /** The key of {@code address} on {@code chainId}. */
  public static ContractKey of(ChainId chainId, Address address) {
    return new ContractKey(
        Objects.requireNonNull(chainId, "chainId"), Objects.requireNonNull(address, "address"));
  }

  /** The chain. */
  public ChainId chainId() {
    return chainId;
  }

  /** The contract address. */
  public Address address() {
    return address;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContractKey
        && chainId.equals(((ContractKey) o).chainId)
        && address.equals(((ContractKey) o).address);
  }

  @Override
  public int hashCode() {
    return chainId.hashCode() * 31 + address.hashCode();
  }

  /** {@code eip155:1/0x...}. */
  @Override
  public String toString() {
    return chainId + "/" + address;
  }
}
