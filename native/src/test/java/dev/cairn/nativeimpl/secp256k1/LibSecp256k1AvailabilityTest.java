package dev.cairn.nativeimpl.secp256k1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.spi.Secp256k1Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Loading, registration and selection. The library must be installed: this test does not skip. */
class LibSecp256k1AvailabilityTest {

  static LibSecp256k1Backend requireAvailable() {
    LibSecp256k1Backend b = new LibSecp256k1Backend();
    if (!b.isAvailable()) {
      fail(
          "libsecp256k1 is not available, so the native backend cannot be tested. Install the "
              + "system package libsecp256k1-1 (apt-get install -y libsecp256k1-1). Reason: "
              + b.unavailableReason());
    }
    return b;
  }

  @Test
  void systemLibraryIsAvailable() {
    LibSecp256k1Backend b = requireAvailable();
    assertNull(b.unavailableReason());
    assertEquals("libsecp256k1", b.name());
    assertEquals(100, b.priority());
    assertNotNull(b.loadedLibrary());
    assertTrue(b.toString().contains("loaded"), b.toString());
  }

  @Test
  void loadsAVersionedSonameFirstSoTheRuntimePackageAlone() {
    // Debian's runtime package installs only libsecp256k1.so.N; the unversioned .so comes with -dev.
    LibSecp256k1Backend b = requireAvailable();
    if (System.getProperty(LibSecp256k1Backend.LIBRARY_PROPERTY) == null
        && System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
      assertTrue(
          b.loadedLibrary().matches("libsecp256k1\\.so\\.[0-9]+"),
          "expected a versioned soname, loaded " + b.loadedLibrary());
    }
    List<String> linux = LibSecp256k1Backend.defaultCandidates("Linux");
    assertEquals(
        List.of("libsecp256k1.so.2", "libsecp256k1.so.1", "libsecp256k1.so.0", "libsecp256k1.so"),
        linux);
    assertTrue(LibSecp256k1Backend.defaultCandidates("Mac OS X").contains("libsecp256k1.dylib"));
  }

  @Test
  void configuredLibraryIsTheOnlyCandidate() {
    assertEquals(
        List.of("/opt/x/libsecp256k1.so"),
        LibSecp256k1Backend.candidates(" /opt/x/libsecp256k1.so ", "Linux"));
    assertEquals(
        LibSecp256k1Backend.defaultCandidates("Linux"),
        LibSecp256k1Backend.candidates("  ", "Linux"));
    assertEquals(
        LibSecp256k1Backend.defaultCandidates("Linux"),
        LibSecp256k1Backend.candidates(null, "Linux"));
  }

  @Test
  void explicitSonameLoads() {
    LibSecp256k1Backend first = requireAvailable();
    LibSecp256k1Backend b = LibSecp256k1Backend.forLibrary(first.loadedLibrary());
    assertTrue(b.isAvailable(), b::unavailableReason);
    byte[] one = new byte[32];
    one[31] = 1;
    assertEquals(
        dev.cairn.core.encoding.Hex.encode(first.publicKey(one, false)),
        dev.cairn.core.encoding.Hex.encode(b.publicKey(one, false)));
  }

  @Test
  void missingLibraryIsUnavailableWithAReasonAndNothingThrown() {
    String path = "/nonexistent/dir/libsecp256k1.so.99";
    LibSecp256k1Backend b = LibSecp256k1Backend.forLibrary(path);
    assertFalse(b.isAvailable());
    String reason = b.unavailableReason();
    assertNotNull(reason);
    assertTrue(reason.contains(path), reason);
    assertTrue(reason.contains("libsecp256k1-1"), reason);
    assertTrue(reason.contains(LibSecp256k1Backend.LIBRARY_PROPERTY), reason);
    assertNull(b.loadedLibrary());
    assertEquals("libsecp256k1", b.name());
    assertEquals(100, b.priority());
    assertTrue(b.toString().contains("unavailable"));
    // using it anyway is a clear error, not a crash
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> b.publicKey(new byte[32], true));
    assertTrue(e.getMessage().contains("not available"), e.getMessage());
  }

  @Test
  void libraryWithoutTheSymbolsIsUnavailable() {
    // a real shared library that is not libsecp256k1: loading works, the self-test must not
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String other = os.contains("mac") ? "libSystem.B.dylib" : "libc.so.6";
    LibSecp256k1Backend b = LibSecp256k1Backend.forLibrary(other);
    assertFalse(b.isAvailable());
    assertTrue(b.unavailableReason().contains(other), b.unavailableReason());
  }

  @Test
  void emptyLibraryNameIsUnavailable() {
    assertFalse(LibSecp256k1Backend.forLibrary("").isAvailable());
    assertFalse(LibSecp256k1Backend.forLibrary(null).isAvailable());
    assertNotNull(LibSecp256k1Backend.forLibrary(null).unavailableReason());
  }

  @Test
  void registeredAsAService() {
    List<String> names = new ArrayList<>();
    for (Secp256k1Backend b : ServiceLoader.load(Secp256k1Backend.class)) {
      names.add(b.name());
    }
    assertTrue(names.contains("libsecp256k1"), names.toString());
    assertTrue(names.contains("java"), names.toString());
  }

  @Test
  void selectedByTheCoreWhenAvailable() {
    requireAvailable();
    // this module's surefire run forces no cairn.secp256k1.backend (the parent's empty here), so the
    // priority decides
    String forced = System.getProperty(Secp256k1.BACKEND_PROPERTY);
    assertTrue(forced == null || forced.isBlank(), "backend forced to '" + forced + "'");
    List<Secp256k1.BackendInfo> infos = Secp256k1.backends();
    Secp256k1.BackendInfo lib = find(infos, "libsecp256k1");
    Secp256k1.BackendInfo java = find(infos, "java");
    assertTrue(lib.available(), lib::unavailableReason);
    assertTrue(lib.selected());
    assertEquals(100, lib.priority());
    assertNull(lib.unavailableReason());
    assertTrue(java.available());
    assertFalse(java.selected());
    assertEquals("libsecp256k1", Secp256k1.backendName());
    assertTrue(Secp256k1.backend() instanceof LibSecp256k1Backend);
  }

  @Test
  void loadsOnTheCpuTheRunExpects() {
    // the arm64 run (mvn -Parm64, scripts/arm64.sh ci) sets cairn.test.arch=aarch64: there the native
    // backend must load in the emulated arm64 JVM (jffi's aarch64 stub, Debian's arm64 libsecp256k1)
    String expected = System.getProperty("cairn.test.arch");
    LibSecp256k1Backend b = requireAvailable();
    if (expected != null && !expected.isBlank()) {
      assertEquals(expected, System.getProperty("os.arch"));
      assertEquals("libsecp256k1", Secp256k1.backendName());
    }
    byte[] one = new byte[32];
    one[31] = 1;
    assertEquals(
        "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
        dev.cairn.core.encoding.Hex.encode(b.publicKey(one, true)));
  }

  private static Secp256k1.BackendInfo find(List<Secp256k1.BackendInfo> infos, String name) {
    for (Secp256k1.BackendInfo i : infos) {
      if (i.name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("backend " + name + " not listed: " + infos);
  }
}
