package dev.cairn.core.chain;

import java.util.Optional;

/**
 * The three virtual-machine families Cairn supports, each identified by its CAIP-2 namespace.
 */
public enum ChainFamily {
  /** Ethereum and EVM-compatible chains; CAIP-2 namespace {@code eip155}. */
  EVM("eip155"),
  /** Solana (Solana Virtual Machine); CAIP-2 namespace {@code solana}. */
  SVM("solana"),
  /** Cosmos SDK chains, including CosmWasm contracts; CAIP-2 namespace {@code cosmos}. */
  COSMOS("cosmos");

  private final String namespace;

  ChainFamily(String namespace) {
    this.namespace = namespace;
  }

  /** The CAIP-2 namespace, e.g. {@code "eip155"}. */
  public String namespace() {
    return namespace;
  }

  /** The family whose CAIP-2 namespace is {@code namespace}, if Cairn supports it. */
  public static Optional<ChainFamily> fromNamespace(String namespace) {
    for (ChainFamily f : values()) {
      if (f.namespace.equals(namespace)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
