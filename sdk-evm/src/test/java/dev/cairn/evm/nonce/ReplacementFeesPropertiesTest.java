package dev.cairn.evm.nonce;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ReplacementFeesPropertiesTest {
  @Property(tries = 300)
  void bumpsAlwaysPassGethsRule(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fee,
      @ForAll @IntRange(min = 10, max = 200) int percent) {
    BigInteger old = BigInteger.valueOf(fee);
    BigInteger bumped = ReplacementFees.bump(old, percent);
    assertTrue(ReplacementFees.acceptableReplacement(old, bumped));
    assertTrue(bumped.compareTo(old) > 0);
    // and it is the smallest such value (or old + 1)
    BigInteger less = bumped.subtract(BigInteger.ONE);
    assertTrue(less.equals(old) || less.multiply(BigInteger.valueOf(100))
        .compareTo(old.multiply(BigInteger.valueOf(100L + percent))) < 0);
  }
}
