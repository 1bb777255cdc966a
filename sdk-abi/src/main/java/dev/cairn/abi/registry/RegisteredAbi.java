package dev.cairn.abi.registry;

import dev.cairn.abi.ContractAbi;

/**
 * One version of a contract's ABI in a {@link ContractRegistry}: the contract, the version number
 * (1 for the first registration, incremented by each later one) and the ABI. Immutable.
 */
public final class RegisteredAbi {
  private final ContractKey key;
  private final long version;
  private final ContractAbi abi;

  RegisteredAbi(ContractKey key, long version, ContractAbi abi) {
    this.key = key;
    this.version = version;
    this.abi = abi;
  }

  /** The contract. */
  public ContractKey key() {
    return key;
  }

  /** The version number of this registration (1, 2, ...). */
  public long version() {
    return version;
  }

  /** The ABI. */
  public ContractAbi abi() {
    return abi;
  }

  /** {@code eip155:1/0x... v2 ContractAbi[...]}. */
  @Override
  public String toString() {
    return key + " v" + version + " " + abi;
  }
}
