package dev.cairn.testing.fault;

import java.util.Objects;

/**
 * Which requests get a {@link Fault}: every request, those of one JSON-RPC method (any entry of a
 * batch), or those whose path starts with a prefix (REST); optionally after skipping the first
 * {@code k} matches and for a limited number of matches. Immutable; the {@link FaultProxy} keeps
 * the counts. The proxy tries its rules in the order they were added; the first rule that matches
 * and is not used up decides.
 */
public final class FaultRule {
  private final String method;
  private final String pathPrefix;
  private final Fault fault;
  private final int skip;
  private final int times;

  private FaultRule(String method, String pathPrefix, Fault fault, int skip, int times) {
    this.method = method;
    this.pathPrefix = pathPrefix;
    this.fault = Objects.requireNonNull(fault, "fault");
    this.skip = skip;
    this.times = times;
  }

  /** Every request. */
  public static FaultRule any(Fault fault) {
    return new FaultRule(null, null, fault, 0, Integer.MAX_VALUE);
  }

  /** Requests whose JSON-RPC body (an entry of a batch included) names this method. */
  public static FaultRule onMethod(String jsonRpcMethod, Fault fault) {
    return new FaultRule(Objects.requireNonNull(jsonRpcMethod, "jsonRpcMethod"), null, fault, 0, Integer.MAX_VALUE);
  }

  /** Requests whose target (path and query) starts with this prefix. */
  public static FaultRule onPath(String prefix, Fault fault) {
    return new FaultRule(null, Objects.requireNonNull(prefix, "prefix"), fault, 0, Integer.MAX_VALUE);
  }

  /** This rule, applied only to {@code n} matching requests (then used up). */
  public FaultRule times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be positive");
    }
    return new FaultRule(method, pathPrefix, fault, skip, n);
  }

  /** This rule, letting the first {@code k} matching requests pass before it applies. */
  public FaultRule after(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("after must not be negative");
    }
    return new FaultRule(method, pathPrefix, fault, k, times);
  }

  /** The fault. */
  public Fault fault() {
    return fault;
  }

  /** Matching requests let pass before the rule applies. */
  public int skip() {
    return skip;
  }

  /** How many matching requests the rule applies to ({@code Integer.MAX_VALUE}: all). */
  public int times() {
    return times;
  }

  boolean matches(String target, String body) {
    if (pathPrefix != null && (target == null || !target.startsWith(pathPrefix))) {
      return false;
    }
    return method == null || HttpWire.namesMethod(body, method);
  }

  @Override
  public String toString() {
    return (method != null ? "method " + method : pathPrefix != null ? "path " + pathPrefix + "*" : "any") + " -> "
        + fault + (skip > 0 ? " after " + skip : "") + (times != Integer.MAX_VALUE ? " x" + times : "");
  }
}
