package dev.cairn.abi;

import dev.cairn.abi.internal.FragmentFormatter;
import dev.cairn.abi.internal.FragmentParser;
import dev.cairn.abi.internal.FragmentSpec;
import java.util.List;

/**
 * A contract's {@code fallback()} function, run for calldata that matches no selector (and for
 * plain value transfers when there is no {@code receive()} and the fallback is payable). Immutable.
 */
public final class FallbackFragment {
  private final String stateMutability;

  FallbackFragment(String stateMutability) {
    this.stateMutability = stateMutability;
  }

  /**
   * Parses {@code fallback() external [payable]}.
   *
   * @throws AbiException with the character position on malformed input
   */
  public static FallbackFragment parse(String fragment) {
    return new FallbackFragment(
        FragmentParser.parse(fragment, FragmentSpec.Kind.FALLBACK).stateMutability());
  }

  /** {@code payable} or {@code nonpayable}. */
  public String stateMutability() {
    return stateMutability;
  }

  /** Whether the fallback accepts value. */
  public boolean isPayable() {
    return stateMutability.equals("payable");
  }

  FragmentSpec spec() {
    return new FragmentSpec(
        FragmentSpec.Kind.FALLBACK, "", List.of(), List.of(), stateMutability, false);
  }

  /** {@code fallback() external payable}. */
  @Override
  public String toString() {
    return FragmentFormatter.format(spec());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FallbackFragment
        && stateMutability.equals(((FallbackFragment) o).stateMutability);
  }

  @Override
  public int hashCode() {
    return stateMutability.hashCode();
  }
}
