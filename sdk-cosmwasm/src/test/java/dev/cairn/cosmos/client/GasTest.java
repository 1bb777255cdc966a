package dev.cairn.cosmos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gas price parsing, gas limits and fees (ceil, as CosmJS's calculateFee). */
class GasTest {
  @Test
  void parsesAndComputesFees() {
    GasPrice p = GasPrice.parse("0.025uatom");
    assertEquals(new BigDecimal("0.025"), p.amount());
    assertEquals("uatom", p.denom());
    assertEquals(Coin.of("uatom", 5000), p.fee(200000));
    assertEquals(Coin.of("uatom", 2713), p.fee(108493));          // 2712.325 -> 2713
    assertEquals(Coin.of("inj", 500_000_000_000_000L), GasPrice.parse("500000000inj").fee(1_000_000));
    assertEquals(Coin.of("ibc/ABCDEF", 1), GasPrice.parse("0.0000001ibc/ABCDEF").fee(3));
    assertEquals("0.025uatom", p.toString());
    assertEquals(108493, GasEstimate.of(0, 83456).gasLimit());
    assertEquals(100000, GasEstimate.of(0, 100000).gasLimit(BigDecimal.ONE));
    assertEquals(150001, GasEstimate.gasLimit(100000, new BigDecimal("1.500001")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "uatom", ".5uatom", "5.uatom", "1.2.3uatom", "-1uatom", "0.025", "0.025 uatom",
      "0.0251u", "12345678901234567890123456789012345678901uatom"})
  void rejectsMalformedGasPrices(String text) {
    CosmosException e = assertThrows(CosmosException.class, () -> GasPrice.parse(text));
    assertEquals(CosmosException.Reason.INVALID_INPUT, e.reason());
    assertTrue(e.getMessage().startsWith("gasPrice") || e.getMessage().startsWith("coin.denom"), e.getMessage());
  }

  @Test
  void rejectsBadMultipliers() {
    assertThrows(CosmosException.class, () -> GasEstimate.gasLimit(5, new BigDecimal("0.9")));
    assertThrows(CosmosException.class, () -> GasEstimate.gasLimit(Long.MAX_VALUE, new BigDecimal("2")));
    assertThrows(CosmosException.class, () -> GasEstimate.of(-1, 5));
    assertThrows(CosmosException.class, () -> GasPrice.parse("1uatom").fee(-1));
  }

  @Property(tries = 500)
  void feeIsTheCeilingOfPriceTimesGas(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long gas,
      @ForAll @LongRange(min = 0, max = 10_000_000L) long priceMillionths) {
    BigDecimal price = BigDecimal.valueOf(priceMillionths, 6);
    Coin fee = GasPrice.parse(price.toPlainString() + "uatom").fee(gas);
    BigInteger exact = price.multiply(BigDecimal.valueOf(gas)).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    assertEquals(exact, fee.amount());
    // the fee covers the price, and one unit less would not
    assertTrue(new BigDecimal(fee.amount()).compareTo(price.multiply(BigDecimal.valueOf(gas))) >= 0);
    if (fee.amount().signum() > 0) {
      assertTrue(new BigDecimal(fee.amount().subtract(BigInteger.ONE)).compareTo(price.multiply(BigDecimal.valueOf(gas))) < 0);
    }
  }

  @Property(tries = 500)
  void gasLimitIsTheCeilingOfUsedTimesMultiplier(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long used) {
    long limit = GasEstimate.of(0, used).gasLimit();
    assertTrue(limit * 10 >= used * 13, "covers 1.3x");
    assertTrue((limit - 1) * 10 < used * 13 || used == 0, "and is the smallest that does");
  }
}
