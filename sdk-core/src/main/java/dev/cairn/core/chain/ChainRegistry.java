package dev.cairn.core.chain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters an application uses, keyed by chain id. Thread-safe: registrations are serialised
 * and publish a new immutable map; lookups read the current map without locking, so a lookup
 * never sees a half-made change and {@link #snapshot()} never changes after it is returned.
 */
public final class ChainRegistry {
  private volatile Map<ChainId, ChainAdapter> adapters = Collections.emptyMap();
  private final Object writeLock = new Object();

  private ChainRegistry() {}

  /** An empty registry. */
  public static ChainRegistry create() {
    return new ChainRegistry();
  }

  /**
   * Adds an adapter under its {@link ChainAdapter#chainId()}.
   *
   * @return this registry
   * @throws ChainException INVALID_INPUT if the adapter or its chain id is null, or another
   *     adapter is already registered for that chain (use {@link #replace})
   */
  public ChainRegistry register(ChainAdapter adapter) {
    ChainId id = idOf(adapter);
    synchronized (writeLock) {
      if (adapters.containsKey(id)) {
        throw Checks.invalid(id, "adapter: one is already registered for " + id);
      }
      publish(id, adapter);
    }
    return this;
  }

  /**
   * Adds or replaces the adapter for its chain id.
   *
   * @return the adapter it replaced, if any (not closed)
   */
  public Optional<ChainAdapter> replace(ChainAdapter adapter) {
    ChainId id = idOf(adapter);
    synchronized (writeLock) {
      ChainAdapter old = adapters.get(id);
      publish(id, adapter);
      return Optional.ofNullable(old);
    }
  }

  /**
   * Removes the adapter for {@code chainId}.
   *
   * @return the removed adapter, if there was one (not closed)
   */
  public Optional<ChainAdapter> unregister(ChainId chainId) {
    synchronized (writeLock) {
      ChainAdapter old = adapters.get(chainId);
      if (old != null) {
        Map<ChainId, ChainAdapter> next = new LinkedHashMap<>(adapters);
        next.remove(chainId);
        adapters = Collections.unmodifiableMap(next);
      }
      return Optional.ofNullable(old);
    }
  }

  /** The adapter for {@code chainId}, if registered. */
  public Optional<ChainAdapter> find(ChainId chainId) {
    return chainId == null ? Optional.empty() : Optional.ofNullable(adapters.get(chainId));
  }

  /**
   * The adapter for {@code chainId}.
   *
   * @throws ChainException UNSUPPORTED if none is registered
   */
  public ChainAdapter require(ChainId chainId) {
    ChainAdapter a = chainId == null ? null : adapters.get(chainId);
    if (a == null) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId,
          "chainId: no adapter registered for " + chainId));
    }
    return a;
  }

  /** The current registrations, as an immutable map in registration order. */
  public Map<ChainId, ChainAdapter> snapshot() {
    return adapters;
  }

  private static ChainId idOf(ChainAdapter adapter) {
    if (adapter == null) {
      throw Checks.invalid("adapter: is null");
    }
    ChainId id = adapter.chainId();
    if (id == null) {
      throw Checks.invalid("adapter.chainId: is null");
    }
    return id;
  }

  private void publish(ChainId id, ChainAdapter adapter) {
    Map<ChainId, ChainAdapter> next = new LinkedHashMap<>(adapters);
    next.put(id, adapter);
    adapters = Collections.unmodifiableMap(next);
  }

  @Override
  public String toString() {
    return "ChainRegistry" + adapters.keySet();
  }
}
