package dev.cairn.hsm.policy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sliding-window accounting of one {@link PolicySigner}. A request approved by the policy reserves
 * its amounts atomically (so racing requests cannot together exceed a limit); the reservation is
 * committed, stamped with the completion time, when the wrapped signer signs, and released when it
 * fails. Pending reservations always count; committed ones count while within their window.
 */
final class SpendingLedger {
  private static final class Entry {
    Instant at; // null while pending
    final BigInteger units;

    Entry(BigInteger units) {
      this.units = units;
    }
  }

  /** What one request reserved. */
  static final class Reservation {
    private final List<ArrayDeque<Entry>> queues = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    boolean isEmpty() {
      return entries.isEmpty();
    }
  }

  private final Map<Asset, ArrayDeque<Entry>> byAsset = new HashMap<>();

  /**
   * Reserves {@code amounts} against {@code limits}, or returns the denial (nothing reserved).
   *
   * @return a {@link Reservation} or a {@link Policy.Denial}
   */
  synchronized Object reserve(Map<Asset, BigInteger> amounts, Map<Asset, Policy.WindowLimit> limits, Instant now) {
    for (Map.Entry<Asset, BigInteger> e : amounts.entrySet()) {
      Policy.WindowLimit w = limits.get(e.getKey());
      if (w == null) {
        continue;
      }
      BigInteger used = used(e.getKey(), w.window, now);
      if (used.add(e.getValue()).compareTo(w.units) > 0) {
        return new Policy.Denial("windowLimit", e.getKey() + ": " + e.getValue() + " units would exceed the limit of "
            + w.units + " per " + w.window + " (" + used + " already used)");
      }
    }
    Reservation r = new Reservation();
    for (Map.Entry<Asset, BigInteger> e : amounts.entrySet()) {
      if (!limits.containsKey(e.getKey())) {
        continue;
      }
      ArrayDeque<Entry> q = byAsset.computeIfAbsent(e.getKey(), k -> new ArrayDeque<>());
      Entry entry = new Entry(e.getValue());
      q.addLast(entry);
      r.queues.add(q);
      r.entries.add(entry);
    }
    return r;
  }

  synchronized void commit(Reservation r, Instant now) {
    for (Entry e : r.entries) {
      e.at = now;
    }
  }

  synchronized void release(Reservation r) {
    for (int i = 0; i < r.entries.size(); i++) {
      Iterator<Entry> it = r.queues.get(i).iterator();
      Entry target = r.entries.get(i);
      while (it.hasNext()) {
        if (it.next() == target) {
          it.remove();
          break;
        }
      }
    }
  }

  /** Committed units within the window ending at {@code now}, plus pending ones. Prunes expired entries. */
  synchronized BigInteger used(Asset asset, Duration window, Instant now) {
    ArrayDeque<Entry> q = byAsset.get(asset);
    if (q == null) {
      return BigInteger.ZERO;
    }
    Instant start = now.minus(window);
    BigInteger sum = BigInteger.ZERO;
    Iterator<Entry> it = q.iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (e.at != null && !e.at.isAfter(start)) {
        it.remove();
      } else {
        sum = sum.add(e.units);
      }
    }
    return sum;
  }

  /** Committed units only, within the window. */
  synchronized BigInteger committed(Asset asset, Duration window, Instant now) {
    ArrayDeque<Entry> q = byAsset.get(asset);
    if (q == null) {
      return BigInteger.ZERO;
    }
    Instant start = now.minus(window);
    BigInteger sum = BigInteger.ZERO;
    for (Entry e : q) {
      if (e.at != null && e.at.isAfter(start)) {
        sum = sum.add(e.units);
      }
    }
    return sum;
  }
}
