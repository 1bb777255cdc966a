package dev.cairn.abi;

import dev.cairn.core.encoding.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The {@code topics} of an {@code eth_getLogs} filter: per position either a wildcard ({@code
 * null}) or a list of 32-byte topics any of which matches (OR). Trailing wildcards are dropped, as
 * nodes treat missing positions as wildcards. Built by {@link Event#topicFilter(Object...)}.
 * Immutable.
 */
public final class TopicFilter {
  private final List<List<byte[]>> positions;

  private TopicFilter(List<List<byte[]>> positions) {
    this.positions = positions;
  }

  static TopicFilter ofPositions(List<List<byte[]>> raw) {
    int n = raw.size();
    while (n > 0 && raw.get(n - 1) == null) {
      n--;
    }
    List<List<byte[]>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<byte[]> p = raw.get(i);
      out.add(p == null ? null : Collections.unmodifiableList(new ArrayList<>(p)));
    }
    return new TopicFilter(Collections.unmodifiableList(out));
  }

  /**
   * A filter from explicit positions: each entry {@code null} (wildcard) or a non-empty list of
   * 32-byte topics.
   *
   * @throws AbiException (INVALID_VALUE) for more than 4 positions, empty lists or topics that are
   *     not 32 bytes
   */
  public static TopicFilter of(List<List<byte[]>> positions) {
    if (positions.size() > 4) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "topics: at most 4 positions");
    }
    List<List<byte[]>> copy = new ArrayList<>(positions.size());
    for (int i = 0; i < positions.size(); i++) {
      List<byte[]> p = positions.get(i);
      if (p == null) {
        copy.add(null);
        continue;
      }
      if (p.isEmpty()) {
        throw new AbiException(AbiException.Reason.INVALID_VALUE, "topics[" + i + "]: empty");
      }
      List<byte[]> c = new ArrayList<>(p.size());
      for (int j = 0; j < p.size(); j++) {
        byte[] t = p.get(j);
        if (t == null || t.length != 32) {
          throw new AbiException(
              AbiException.Reason.INVALID_VALUE, "topics[" + i + "][" + j + "]: not 32 bytes");
        }
        c.add(t.clone());
      }
      copy.add(c);
    }
    return ofPositions(copy);
  }

  /**
   * Alternatives for one indexed position of {@link Event#topicFilter(Object...)}: the filter
   * matches logs whose topic equals the encoding of any of the values.
   */
  public static AnyOf anyOf(Object... values) {
    if (values == null || values.length == 0) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "anyOf: no values");
    }
    return new AnyOf(Arrays.asList(values.clone()));
  }

  /** Alternatives for one topic position; see {@link #anyOf(Object...)}. */
  public static final class AnyOf {
    private final List<Object> values;

    private AnyOf(List<Object> values) {
      this.values = values;
    }

    /** The alternative values. */
    public List<Object> values() {
      return Collections.unmodifiableList(values);
    }
  }

  /** Number of positions (after dropping trailing wildcards). */
  public int size() {
    return positions.size();
  }

  /** Whether position {@code i} matches anything. */
  public boolean isWildcard(int i) {
    return i >= positions.size() || positions.get(i) == null;
  }

  /** The alternatives at position {@code i} (copies); empty for a wildcard. */
  public List<byte[]> alternatives(int i) {
    if (isWildcard(i)) {
      return List.of();
    }
    List<byte[]> out = new ArrayList<>();
    for (byte[] t : positions.get(i)) {
      out.add(t.clone());
    }
    return out;
  }

  /** Whether a log with these topics passes the filter (as a node would decide). */
  public boolean matches(List<byte[]> topics) {
    if (topics.size() < positions.size()) {
      for (int i = topics.size(); i < positions.size(); i++) {
        if (positions.get(i) != null) {
          return false;
        }
      }
    }
    for (int i = 0; i < positions.size(); i++) {
      List<byte[]> alts = positions.get(i);
      if (alts == null) {
        continue;
      }
      byte[] t = topics.get(i);
      boolean any = false;
      for (byte[] a : alts) {
        if (Arrays.equals(a, t)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JSON value of the filter's {@code topics} member, e.g. {@code ["0xddf2...", null,
   * ["0x...", "0x..."]]}; a single alternative is written as a plain string.
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(80 * positions.size() + 2).append('[');
    for (int i = 0; i < positions.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      List<byte[]> p = positions.get(i);
      if (p == null) {
        sb.append("null");
      } else if (p.size() == 1) {
        sb.append("\"0x").append(Hex.encode(p.get(0))).append('"');
      } else {
        sb.append('[');
        for (int j = 0; j < p.size(); j++) {
          if (j > 0) {
            sb.append(',');
          }
          sb.append("\"0x").append(Hex.encode(p.get(j))).append('"');
        }
        sb.append(']');
      }
    }
    return sb.append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicFilter && toJson().equals(((TopicFilter) o).toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  /** The JSON form. */
  @Override
  public String toString() {
    return toJson();
  }
}
