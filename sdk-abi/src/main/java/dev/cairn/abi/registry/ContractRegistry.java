package dev.cairn.abi.registry;

import dev.cairn.abi.AbiError;
import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedCall;
import dev.cairn.abi.DecodedLog;
import dev.cairn.abi.DecodedRevert;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.core.chain.ChainId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ABIs of deployed contracts keyed by (chain, address), versioned and reloadable while other
 * threads read, with selector, topic and error indexes across all registered ABIs for decoding
 * calls, logs and reverts of contracts nobody registered explicitly.
 *
 * <p>Concurrency: every read works on an immutable {@link RegistrySnapshot} taken from a volatile
 * field, without locks; a reader never sees a half-applied write, and a series of reads on one
 * {@link #snapshot()} is consistent. Writes ({@link #put}, {@link #putAll}, {@link #remove}) are
 * serialised among themselves and publish a new snapshot (copy-on-write: cost proportional to the
 * number of indexed selectors, so bulk loads should use {@link #putAll}).
 *
 * <p>Versions: each registration of a contract gets the next version number (1, 2, ...); the last
 * {@code historyLimit} versions stay retrievable with {@link #get(ChainId, Address, long)}.
 */
public final class ContractRegistry {
  /** Versions kept per contract by the no-argument constructor. */
  public static final int DEFAULT_HISTORY_LIMIT = 16;

  private final Object writeLock = new Object();
  private final int historyLimit;
  private volatile RegistrySnapshot current;

  /** An empty registry keeping {@value #DEFAULT_HISTORY_LIMIT} versions per contract. */
  public ContractRegistry() {
    this(DEFAULT_HISTORY_LIMIT);
  }

  /**
   * An empty registry keeping the last {@code historyLimit} versions of each contract.
   *
   * @throws IllegalArgumentException if {@code historyLimit < 1}
   */
  public ContractRegistry(int historyLimit) {
    if (historyLimit < 1) {
      throw new IllegalArgumentException("historyLimit must be at least 1");
    }
    this.historyLimit = historyLimit;
    this.current = RegistrySnapshot.EMPTY;
  }

  /**
   * Registers (or replaces) the ABI of a contract.
   *
   * @return the new version number of that contract's ABI
   */
  public long put(ChainId chainId, Address address, ContractAbi abi) {
    ContractKey key = ContractKey.of(chainId, address);
    Objects.requireNonNull(abi, "abi");
    synchronized (writeLock) {
      RegistrySnapshot.Builder b = current.toBuilder(historyLimit);
      long v = b.put(key, abi);
      current = b.build();
      return v;
    }
  }

  /**
   * Registers many ABIs as one write (readers see all of them or none).
   *
   * @return the registry version after the write
   */
  public long putAll(Map<ContractKey, ContractAbi> abis) {
    synchronized (writeLock) {
      RegistrySnapshot.Builder b = current.toBuilder(historyLimit);
      for (Map.Entry<ContractKey, ContractAbi> e : abis.entrySet()) {
        b.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "abi"));
      }
      RegistrySnapshot s = b.build();
      current = s;
      return s.version();
    }
  }

  /**
   * Unregisters a contract: it no longer has a current ABI and its fragments leave the indexes.
   * Old versions stay retrievable and a later {@link #put} continues the version numbering.
   *
   * @return whether the contract had a current ABI
   */
  public boolean remove(ChainId chainId, Address address) {
    ContractKey key = ContractKey.of(chainId, address);
    synchronized (writeLock) {
      RegistrySnapshot.Builder b = current.toBuilder(historyLimit);
      boolean removed = b.remove(key);
      if (removed) {
        current = b.build();
      }
      return removed;
    }
  }

  /** The current immutable state, for several consistent reads. */
  public RegistrySnapshot snapshot() {
    return current;
  }

  /** The number of writes applied so far. */
  public long version() {
    return current.version();
  }

  /** The current ABI of a contract. */
  public Optional<RegisteredAbi> get(ChainId chainId, Address address) {
    return current.get(ContractKey.of(chainId, address));
  }

  /** A retained version of a contract's ABI. */
  public Optional<RegisteredAbi> get(ChainId chainId, Address address, long version) {
    return current.get(ContractKey.of(chainId, address), version);
  }

  /** The current version number of a contract's ABI, 0 if it has none. */
  public long currentVersion(ChainId chainId, Address address) {
    return current.currentVersion(ContractKey.of(chainId, address));
  }

  /** The retained versions of a contract's ABI, oldest first. */
  public List<RegisteredAbi> history(ChainId chainId, Address address) {
    return current.history(ContractKey.of(chainId, address));
  }

  /** The distinct functions with this selector across all registered ABIs. */
  public List<Function> functionsBySelector(byte[] selector) {
    return current.functionsBySelector(selector);
  }

  /** The distinct non-anonymous events with this topic0 across all registered ABIs. */
  public List<Event> eventsByTopic(byte[] topic0) {
    return current.eventsByTopic(topic0);
  }

  /** The distinct custom errors with this selector across all registered ABIs. */
  public List<AbiError> errorsBySelector(byte[] selector) {
    return current.errorsBySelector(selector);
  }

  /** Decodes calldata with every candidate function that decodes it strictly. */
  public List<DecodedCall> decodeCall(byte[] calldata) {
    return current.decodeCall(calldata);
  }

  /** Decodes calldata sent to a registered contract with that contract's current ABI. */
  public Optional<DecodedCall> decodeCall(ChainId chainId, Address address, byte[] calldata) {
    return current.decodeCall(ContractKey.of(chainId, address), calldata);
  }

  /** Decodes a log with every candidate event that decodes it strictly. */
  public List<DecodedLog> decodeLog(List<byte[]> topics, byte[] data) {
    return current.decodeLog(topics, data);
  }

  /** Decodes a log emitted by a registered contract with that contract's current ABI. */
  public Optional<DecodedLog> decodeLog(
      ChainId chainId, Address address, List<byte[]> topics, byte[] data) {
    return current.decodeLog(ContractKey.of(chainId, address), topics, data);
  }

  /** Decodes revert data with the built-in errors and all registered custom errors. */
  public DecodedRevert decodeRevert(byte[] revertData) {
    return current.decodeRevert(revertData);
  }
}
