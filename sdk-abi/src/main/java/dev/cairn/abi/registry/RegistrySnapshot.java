package dev.cairn.abi.registry;

import dev.cairn.abi.AbiError;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedCall;
import dev.cairn.abi.DecodedLog;
import dev.cairn.abi.DecodedRevert;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.abi.Reverts;
import dev.cairn.core.encoding.DecodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable state of a {@link ContractRegistry}: the registered ABIs with their retained
 * versions and the indexes over them. Safe to use from any thread; never changes.
 */
public final class RegistrySnapshot {
  static final RegistrySnapshot EMPTY =
      new RegistrySnapshot(0, Map.of(), Map.of(), Map.of(), Map.of());

  /** The versions of one contract; {@code active} is false after a removal. */
  static final class Versions {
    final List<RegisteredAbi> retained; // oldest first, immutable
    final long lastVersion;
    final boolean active;

    Versions(List<RegisteredAbi> retained, long lastVersion, boolean active) {
      this.retained = retained;
      this.lastVersion = lastVersion;
      this.active = active;
    }

    RegisteredAbi currentOrNull() {
      return active ? retained.get(retained.size() - 1) : null;
    }
  }

  /** An index entry: a fragment and how many registered ABIs contain it. */
  static final class Counted<V> {
    final V value;
    final int count;

    Counted(V value, int count) {
      this.value = value;
      this.count = count;
    }
  }

  private final long version;
  private final Map<ContractKey, Versions> contracts;
  private final Map<Integer, List<Counted<Function>>> functions;
  private final Map<Long, List<Counted<Event>>> events;
  private final Map<Integer, List<Counted<AbiError>>> errors;

  private RegistrySnapshot(
      long version,
      Map<ContractKey, Versions> contracts,
      Map<Integer, List<Counted<Function>>> functions,
      Map<Long, List<Counted<Event>>> events,
      Map<Integer, List<Counted<AbiError>>> errors) {
    this.version = version;
    this.contracts = contracts;
    this.functions = functions;
    this.events = events;
    this.errors = errors;
  }

  /** The number of writes that led to this state. */
  public long version() {
    return version;
  }

  /** The contracts that currently have an ABI. */
  public Set<ContractKey> contracts() {
    Set<ContractKey> out = new java.util.LinkedHashSet<>();
    for (Map.Entry<ContractKey, Versions> e : contracts.entrySet()) {
      if (e.getValue().active) {
        out.add(e.getKey());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** The current ABI of a contract. */
  public Optional<RegisteredAbi> get(ContractKey key) {
    Versions v = contracts.get(key);
    return v == null ? Optional.empty() : Optional.ofNullable(v.currentOrNull());
  }

  /** A retained version of a contract's ABI. */
  public Optional<RegisteredAbi> get(ContractKey key, long version) {
    Versions v = contracts.get(key);
    if (v != null) {
      for (RegisteredAbi r : v.retained) {
        if (r.version() == version) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  /** The current version number of a contract's ABI, 0 if it has none. */
  public long currentVersion(ContractKey key) {
    Versions v = contracts.get(key);
    return v == null || !v.active ? 0 : v.lastVersion;
  }

  /** The retained versions of a contract's ABI, oldest first. */
  public List<RegisteredAbi> history(ContractKey key) {
    Versions v = contracts.get(key);
    return v == null ? List.of() : v.retained;
  }

  /** The distinct functions with this selector. */
  public List<Function> functionsBySelector(byte[] selector) {
    if (selector == null || selector.length < 4) {
      return List.of();
    }
    return values(functions.get(selectorInt(selector)));
  }

  /** The distinct non-anonymous events with this topic0. */
  public List<Event> eventsByTopic(byte[] topic0) {
    if (topic0 == null || topic0.length != 32) {
      return List.of();
    }
    List<Counted<Event>> c = events.get(topicKey(topic0));
    if (c == null) {
      return List.of();
    }
    List<Event> out = new ArrayList<>(c.size());
    for (Counted<Event> e : c) {
      if (e.value.matchesTopic0(topic0)) {
        out.add(e.value);
      }
    }
    return out;
  }

  /** The distinct custom errors with this selector. */
  public List<AbiError> errorsBySelector(byte[] selector) {
    if (selector == null || selector.length < 4) {
      return List.of();
    }
    return values(errors.get(selectorInt(selector)));
  }

  /** Decodes calldata with every candidate function that decodes it strictly. */
  public List<DecodedCall> decodeCall(byte[] calldata) {
    List<Function> candidates = functionsBySelector(calldata);
    List<DecodedCall> out = new ArrayList<>(candidates.size());
    for (Function f : candidates) {
      try {
        out.add(decodeWith(f, calldata));
      } catch (DecodingException e) {
        // not this candidate
      }
    }
    return out;
  }

  private static DecodedCall decodeWith(Function f, byte[] calldata) {
    return DecodedCall.decode(f, calldata);
  }

  /** Decodes calldata sent to a registered contract with its current ABI. */
  public Optional<DecodedCall> decodeCall(ContractKey key, byte[] calldata) {
    Optional<RegisteredAbi> r = get(key);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(r.get().abi().decodeCall(calldata));
    } catch (DecodingException e) {
      return Optional.empty();
    }
  }

  /** Decodes a log with every candidate event that decodes it strictly. */
  public List<DecodedLog> decodeLog(List<byte[]> topics, byte[] data) {
    if (topics == null || topics.isEmpty()) {
      return List.of();
    }
    List<Event> candidates = eventsByTopic(topics.get(0));
    List<DecodedLog> out = new ArrayList<>(candidates.size());
    for (Event e : candidates) {
      try {
        out.add(e.decodeLog(topics, data));
      } catch (DecodingException ex) {
        // not this candidate
      }
    }
    return out;
  }

  /** Decodes a log emitted by a registered contract with its current ABI. */
  public Optional<DecodedLog> decodeLog(ContractKey key, List<byte[]> topics, byte[] data) {
    Optional<RegisteredAbi> r = get(key);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(r.get().abi().decodeLog(topics, data));
    } catch (DecodingException e) {
      return Optional.empty();
    }
  }

  /** Decodes revert data with the built-in errors and all registered custom errors. */
  public DecodedRevert decodeRevert(byte[] revertData) {
    return Reverts.decode(revertData, errorsBySelector(revertData));
  }

  private static <V> List<V> values(List<Counted<V>> c) {
    if (c == null) {
      return List.of();
    }
    List<V> out = new ArrayList<>(c.size());
    for (Counted<V> e : c) {
      out.add(e.value);
    }
    return out;
  }

  static int selectorInt(byte[] b) {
    return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
  }

  static long topicKey(byte[] topic) {
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = (k << 8) | (topic[i] & 0xff);
    }
    return k;
  }

  Builder toBuilder(int historyLimit) {
    return new Builder(this, historyLimit);
  }

  /** Copy-on-write builder of the next snapshot; used under the registry's write lock. */
  static final class Builder {
    private final RegistrySnapshot base;
    private final int historyLimit;
    private final Map<ContractKey, Versions> contracts;
    private final Map<Integer, List<Counted<Function>>> functions;
    private final Map<Long, List<Counted<Event>>> events;
    private final Map<Integer, List<Counted<AbiError>>> errors;

    Builder(RegistrySnapshot base, int historyLimit) {
      this.base = base;
      this.historyLimit = historyLimit;
      this.contracts = new HashMap<>(base.contracts);
      this.functions = new HashMap<>(base.functions);
      this.events = new HashMap<>(base.events);
      this.errors = new HashMap<>(base.errors);
    }

    long put(ContractKey key, ContractAbi abi) {
      Versions old = contracts.get(key);
      RegisteredAbi previous = old == null ? null : old.currentOrNull();
      if (previous != null) {
        unindex(previous.abi());
      }
      long v = old == null ? 1 : old.lastVersion + 1;
      List<RegisteredAbi> retained = new ArrayList<>(old == null ? 1 : old.retained.size() + 1);
      if (old != null) {
        retained.addAll(old.retained);
      }
      retained.add(new RegisteredAbi(key, v, abi));
      while (retained.size() > historyLimit) {
        retained.remove(0);
      }
      contracts.put(key, new Versions(Collections.unmodifiableList(retained), v, true));
      index(abi);
      return v;
    }

    boolean remove(ContractKey key) {
      Versions old = contracts.get(key);
      RegisteredAbi previous = old == null ? null : old.currentOrNull();
      if (previous == null) {
        return false;
      }
      unindex(previous.abi());
      contracts.put(key, new Versions(old.retained, old.lastVersion, false));
      return true;
    }

    private void index(ContractAbi abi) {
      for (Function f : abi.functions()) {
        add(functions, f.selectorAsInt(), f);
      }
      for (Event e : abi.events()) {
        if (!e.isAnonymous()) {
          add(events, topicKey(e.topic0()), e);
        }
      }
      for (AbiError e : abi.errors()) {
        add(errors, e.selectorInt(), e);
      }
    }

    private void unindex(ContractAbi abi) {
      for (Function f : abi.functions()) {
        remove(functions, f.selectorAsInt(), f);
      }
      for (Event e : abi.events()) {
        if (!e.isAnonymous()) {
          remove(events, topicKey(e.topic0()), e);
        }
      }
      for (AbiError e : abi.errors()) {
        remove(errors, e.selectorInt(), e);
      }
    }

    private static <K, V> void add(Map<K, List<Counted<V>>> m, K k, V v) {
      List<Counted<V>> old = m.get(k);
      List<Counted<V>> nl = old == null ? new ArrayList<>(1) : new ArrayList<>(old);
      for (int i = 0; i < nl.size(); i++) {
        if (nl.get(i).value.equals(v)) {
          nl.set(i, new Counted<>(nl.get(i).value, nl.get(i).count + 1));
          m.put(k, Collections.unmodifiableList(nl));
          return;
        }
      }
      nl.add(new Counted<>(v, 1));
      m.put(k, Collections.unmodifiableList(nl));
    }

    private static <K, V> void remove(Map<K, List<Counted<V>>> m, K k, V v) {
      List<Counted<V>> old = m.get(k);
      if (old == null) {
        return;
      }
      List<Counted<V>> nl = new ArrayList<>(old);
      for (int i = 0; i < nl.size(); i++) {
        if (nl.get(i).value.equals(v)) {
          int c = nl.get(i).count - 1;
          if (c == 0) {
            nl.remove(i);
          } else {
            nl.set(i, new Counted<>(nl.get(i).value, c));
          }
          break;
        }
      }
      if (nl.isEmpty()) {
        m.remove(k);
      } else {
        m.put(k, Collections.unmodifiableList(nl));
      }
    }

    RegistrySnapshot build() {
      return new RegistrySnapshot(base.version + 1, contracts, functions, events, errors);
    }
  }

  @Override
  public String toString() {
    return "RegistrySnapshot[version " + version + ", " + contracts().size() + " contracts]";
  }
}
