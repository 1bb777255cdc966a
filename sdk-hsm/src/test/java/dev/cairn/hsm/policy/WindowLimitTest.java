package dev.cairn.hsm.policy;

import static dev.cairn.hsm.policy.Fixtures.denied;
import static dev.cairn.hsm.policy.Fixtures.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.Signers;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WindowLimitTest {
  static final AccountId ALICE = EvmPolicyTest.ALICE;
  static final ChainId MAINNET = EvmPolicyTest.MAINNET;
  static final Asset ETH = Asset.nativeAsset(MAINNET, "ETH");
  static final Asset SEPOLIA_ETH = Asset.nativeAsset(ChainId.ETHEREUM_SEPOLIA, "ETH");

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  static SignRequest pay(long wei, int nonce) {
    return Transaction.legacy().chainId(1).nonce(nonce).gasLimit(21_000).gasPrice(7).to(EvmPolicyTest.BOB).value(wei).build()
        .toSignRequest(ALICE);
  }

  @Test
  void slidingWindowCountsSignedRequestsAndForgetsOldOnes() {
    TestClock clock = new TestClock();
    PolicySigner s = PolicySigner.builder(Fixtures.Device.of(Signers.software(Fixtures.secp())), Policy.builder()
        .maxPerWindow(ETH, BigInteger.valueOf(100), Duration.ofHours(1)).build()).clock(clock).build();
    signed(s, pay(60, 0));
    clock.advance(Duration.ofMinutes(30));
    signed(s, pay(40, 1));
    assertEquals(BigInteger.valueOf(100), s.spentInWindow(ETH));
    denied(s, pay(1, 2), "windowLimit", "100 already used");
    denied(s, pay(101, 2), "windowLimit", "101");
    clock.advance(Duration.ofMinutes(29));
    denied(s, pay(1, 2), "windowLimit", "limit of 100");
    clock.advance(Duration.ofMinutes(1)); // the first 60 leave the window
    assertEquals(BigInteger.valueOf(40), s.spentInWindow(ETH));
    signed(s, pay(60, 2));
    denied(s, pay(1, 3), "windowLimit", "ETH");
    assertEquals(BigInteger.ZERO, s.spentInWindow(SEPOLIA_ETH));
  }

  @Test
  void failedSignaturesAreNotCounted() {
    TestClock clock = new TestClock();
    Fixtures.Device rejecting = new Fixtures.Device(Signers.software(Fixtures.secp()), "k", 1); // every request rejected
    PolicySigner s = PolicySigner.builder(rejecting, Policy.builder()
        .maxPerWindow(ETH, BigInteger.valueOf(10), Duration.ofHours(1)).build()).clock(clock).build();
    for (int i = 0; i < 5; i++) {
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> s.signAsync(pay(10, 0)).get(10, TimeUnit.SECONDS));
      assertEquals(SignerException.Reason.REJECTED_BY_USER, assertInstanceOf(SignerException.class, e.getCause()).reason());
    }
    assertEquals(5, rejecting.asked.get(), "each failure released its reservation, so the next one was allowed");
    assertEquals(BigInteger.ZERO, s.spentInWindow(ETH));
  }

  @Test
  void eightThreadsRacingAgainstALimitAreAccountedExactly() throws Exception {
    for (int round = 0; round < 3; round++) {
      TestClock clock = new TestClock();
      Fixtures.Device device = new Fixtures.Device(Signers.software(Fixtures.secp()), "k", 4); // every 4th asked fails
      long limit = 37;
      PolicySigner s = PolicySigner.builder(device, Policy.builder()
          .maxPerWindow(ETH, BigInteger.valueOf(limit), Duration.ofHours(1)).build()).clock(clock).build();
      int threads = 8;
      int perThread = 12;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger signedUnits = new AtomicInteger();
      AtomicInteger signedCount = new AtomicInteger();
      AtomicInteger deniedCount = new AtomicInteger();
      AtomicInteger failedCount = new AtomicInteger();
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int tt = t;
        fs.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            long units = 1 + ((tt + i) % 3); // 1, 2 or 3 wei
            CompletableFuture<Signature> f = s.signAsync(pay(units, tt * 100 + i));
            try {
              f.get(30, TimeUnit.SECONDS);
              signedUnits.addAndGet((int) units);
              signedCount.incrementAndGet();
            } catch (ExecutionException e) {
              SignerException se = (SignerException) e.getCause();
              if (se.reason() == SignerException.Reason.POLICY_DENIED) {
                assertEquals("policy.windowLimit", se.field());
                deniedCount.incrementAndGet();
              } else {
                assertEquals(SignerException.Reason.REJECTED_BY_USER, se.reason());
                failedCount.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : fs) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(threads * perThread, signedCount.get() + deniedCount.get() + failedCount.get());
      assertEquals(device.asked.get(), signedCount.get() + failedCount.get(), "denied requests never reach the device");
      assertEquals(BigInteger.valueOf(signedUnits.get()), s.spentInWindow(ETH), "exactly the signed units are counted");
      assertTrue(signedUnits.get() <= limit, "signed " + signedUnits.get() + " > limit " + limit);
      assertTrue(signedUnits.get() >= limit - 2 - 3 * threads,
          "the limit is nearly used up (only in-flight failures may leave room): " + signedUnits.get());
      assertTrue(deniedCount.get() > 0);
    }
  }

  /** Random amounts against a per-transaction limit: allowed exactly when not above it. */
  @Property(tries = 60)
  void perTransactionLimitIsExact(@ForAll @LongRange(min = 0, max = 5_000) long amount, @ForAll @LongRange(min = 0, max = 5_000) long limit) {
    PolicySigner s = PolicySigner.wrap(Signers.software(Fixtures.secp()), Policy.builder()
        .maxPerTransaction(ETH, BigInteger.valueOf(limit)).build());
    if (amount <= limit) {
      signed(s, pay(amount, 0));
    } else {
      denied(s, pay(amount, 0), "perTransactionLimit", Long.toString(amount));
    }
  }

  /** A random sequence of amounts and clock steps: the policy signer accepts exactly what a reference model accepts. */
  @Property(tries = 30)
  void windowMatchesAReferenceModel(@ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 40) Integer> amounts,
      @ForAll @Size(min = 25, max = 25) List<@IntRange(min = 0, max = 20) Integer> stepsMinutes) {
    TestClock clock = new TestClock();
    long limit = 100;
    PolicySigner s = PolicySigner.builder(Signers.software(Fixtures.secp()), Policy.builder()
        .maxPerWindow(ETH, BigInteger.valueOf(limit), Duration.ofMinutes(30)).build()).clock(clock).build();
    List<long[]> model = new ArrayList<>(); // {minute, units}
    long minute = 0;
    for (int i = 0; i < amounts.size(); i++) {
      long a = amounts.get(i);
      final long m = minute;
      model.removeIf(e -> m - e[0] >= 30);
      long used = model.stream().mapToLong(e -> e[1]).sum();
      if (used + a <= limit) {
        signed(s, pay(a, i));
        model.add(new long[] {minute, a});
      } else {
        denied(s, pay(a, i), "windowLimit", Long.toString(a));
      }
      assertEquals(BigInteger.valueOf(model.stream().mapToLong(e -> e[1]).sum()), s.spentInWindow(ETH));
      clock.advance(Duration.ofMinutes(stepsMinutes.get(i)));
      minute += stepsMinutes.get(i);
    }
  }
}
