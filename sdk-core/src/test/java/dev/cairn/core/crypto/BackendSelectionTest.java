package dev.cairn.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.internal.JavaSecp256k1Backend;
import dev.cairn.core.crypto.spi.Secp256k1Backend;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class BackendSelectionTest {

  /** A backend that delegates to the Java one but has its own name, priority and availability. */
  private static class Fake implements Secp256k1Backend {
    private final String name;
    private final int priority;
    private final Boolean available; // null: isAvailable() throws
    private final Secp256k1Backend d = new JavaSecp256k1Backend();

    Fake(String name, int priority, Boolean available) {
      this.name = name;
      this.priority = priority;
      this.available = available;
    }

    @Override public String name() { return name; }
    @Override public int priority() { return priority; }
    @Override public boolean isAvailable() {
      if (available == null) {
        throw new UnsatisfiedLinkError("no native library");
      }
      return available;
    }
    @Override public String unavailableReason() { return Boolean.FALSE.equals(available) ? "library not found" : null; }
    @Override public byte[] publicKey(byte[] k, boolean c) { return d.publicKey(k, c); }
    @Override public byte[] signRecoverable(byte[] h, byte[] k) { return d.signRecoverable(h, k); }
    @Override public boolean verify(byte[] h, byte[] rs, byte[] p) { return d.verify(h, rs, p); }
    @Override public byte[] recover(byte[] h, byte[] rs, int id, boolean c) { return d.recover(h, rs, id, c); }
    @Override public byte[] parsePublicKey(byte[] p, boolean c) { return d.parsePublicKey(p, c); }
    @Override public byte[] publicKeyTweakAdd(byte[] p, byte[] t, boolean c) { return d.publicKeyTweakAdd(p, t, c); }
  }

  @Test
  void defaultJvmSelectionIsTheJavaBackend() {
    assertEquals("java", Secp256k1.backendName());
    List<Secp256k1.BackendInfo> infos = Secp256k1.backends();
    assertEquals(1, infos.stream().filter(Secp256k1.BackendInfo::selected).count());
    Secp256k1.BackendInfo java = infos.stream().filter(i -> i.name().equals("java")).findFirst().orElseThrow();
    assertTrue(java.available());
    assertEquals(0, java.priority());
    assertNull(java.unavailableReason());
    assertSame(Secp256k1.backend(), Secp256k1.backend(), "selected once");
  }

  @Test
  void javaBackendAddedWhenServiceFileMissing() {
    Secp256k1.Selection s = Secp256k1.select(List.of(), null);
    assertNotNull(s.selected());
    assertEquals("java", s.selected().name());
    assertEquals(1, s.infos().size());
  }

  @Test
  void highestAvailablePriorityWins() {
    Secp256k1.Selection s = Secp256k1.select(List.of(
        new Fake("fast", 10, true), new Fake("faster", 20, false), new Fake("broken", 30, null)), null);
    assertEquals("fast", s.selected().name());
    assertEquals(4, s.infos().size());
    Secp256k1.BackendInfo faster = s.infos().get(1);
    assertFalse(faster.available());
    assertEquals("library not found", faster.unavailableReason());
    Secp256k1.BackendInfo broken = s.infos().get(2);
    assertFalse(broken.available());
    assertTrue(broken.unavailableReason().contains("UnsatisfiedLinkError"), broken.unavailableReason());
  }

  @Test
  void propertyNamesABackend() {
    Secp256k1.Selection s = Secp256k1.select(List.of(new Fake("fast", 10, true)), " java ");
    assertEquals("java", s.selected().name());
  }

  @Test
  void unknownOrUnavailableNamedBackendIsAnErrorNamingTheBackends() {
    Secp256k1.Selection unknown = Secp256k1.select(List.of(new Fake("fast", 10, true)), "nope");
    assertNull(unknown.selected());
    assertTrue(unknown.error().contains("'nope'"), unknown.error());
    assertTrue(unknown.error().contains("fast"), unknown.error());
    assertTrue(unknown.error().contains("java"), unknown.error());
    assertTrue(unknown.infos().stream().noneMatch(Secp256k1.BackendInfo::selected));

    Secp256k1.Selection unavailable = Secp256k1.select(List.of(new Fake("native", 10, false)), "native");
    assertNull(unavailable.selected());
    assertTrue(unavailable.error().contains("not available: library not found"), unavailable.error());

    Secp256k1.Selection throwing = Secp256k1.select(List.of(new Fake("native", 10, null)), "native");
    assertNull(throwing.selected());
    assertTrue(throwing.error().contains("UnsatisfiedLinkError"), throwing.error());
  }

  @Test
  void brokenServiceEntriesAreSkipped() {
    Iterable<Secp256k1Backend> broken = () -> new Iterator<>() {
      int i;
      @Override public boolean hasNext() { return i < 3; }
      @Override public Secp256k1Backend next() {
        if (i >= 3) {
          throw new NoSuchElementException();
        }
        i++;
        if (i == 2) {
          throw new ServiceConfigurationError("provider class not found");
        }
        return new Fake("fake" + i, 5, true);
      }
    };
    Secp256k1.Selection s = Secp256k1.select(broken, null);
    assertEquals("fake1", s.selected().name()); // fake1 and fake3 both priority 5: first wins
    assertEquals(3, s.infos().size());
  }

  @Test
  void backendByNameFindsAnyAvailableBackendNotOnlyTheSelectedOne() {
    Fake fast = new Fake("fast", 10, true);
    Secp256k1.Selection s = Secp256k1.select(List.of(fast, new Fake("off", 20, false)), null);
    assertSame(fast, s.selected());
    assertSame(fast, s.named("fast"));
    Secp256k1Backend java = s.named("java");
    assertEquals("java", java.name());
    assertFalse(java instanceof Fake);

    CryptoException unknown = assertThrows(CryptoException.class, () -> s.named("nope"));
    assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("fast, off (unavailable), java"), unknown.getMessage());
    CryptoException off = assertThrows(CryptoException.class, () -> s.named("off"));
    assertTrue(off.getMessage().contains("not available: library not found"), off.getMessage());
  }

  @Test
  void publicBackendByName() {
    assertEquals("java", Secp256k1.backend("java").name());
    assertSame(Secp256k1.backend("java"), Secp256k1.backend("java"));
    assertThrows(CryptoException.class, () -> Secp256k1.backend("no-such-backend"));
    assertThrows(NullPointerException.class, () -> Secp256k1.backend(null));
  }

  @Test
  void crossCheckFakeDelegationStillSigns() {
    Secp256k1Backend b = Secp256k1.select(List.of(new Fake("x", 1, true)), "x").selected();
    byte[] key = new byte[32];
    key[31] = 1;
    assertEquals(65, b.signRecoverable(new byte[32], key).length);
    Iterable<Secp256k1Backend> failing = () -> {
      throw new ServiceConfigurationError("cannot read META-INF/services");
    };
    assertEquals("java", Secp256k1.select(failing, null).selected().name());
  }
}
