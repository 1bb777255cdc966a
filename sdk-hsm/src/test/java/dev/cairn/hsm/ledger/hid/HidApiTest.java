package dev.cairn.hsm.ledger.hid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.hsm.ledger.LedgerException;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hidapi binding: loads libhidapi-hidraw.so.0 and enumerates (no device here: an empty list). */
class HidApiTest {

  @Test
  void loadsAndEnumeratesToAnEmptyList() {
    // scripts/setup.sh installs libhidapi-hidraw0; this machine has no Ledger plugged in
    assertTrue(new File("/usr/lib/x86_64-linux-gnu/libhidapi-hidraw.so.0").exists()
        || new File("/usr/lib/aarch64-linux-gnu/libhidapi-hidraw.so.0").exists(), "libhidapi-hidraw0 is installed");
    assertTrue(HidApi.isAvailable(), HidApi.unavailableReason());
    assertEquals("", HidApi.unavailableReason());
    List<HidApi.DeviceInfo> ledgers = HidApi.enumerateLedgers();
    assertEquals(List.of(), ledgers);
  }

  @Test
  void aMissingLibraryIsReportedUnavailableNotThrown() {
    HidApi api = HidApi.forLibrary("/nonexistent/libhidapi-hidraw.so.0");
    assertFalse(api.available());
    assertTrue(api.reason().contains("/nonexistent/libhidapi-hidraw.so.0"), api.reason());
    LedgerException e = assertThrows(LedgerException.class, api::ledgers);
    assertEquals(LedgerException.Kind.UNAVAILABLE, e.kind());
    assertEquals(dev.cairn.core.signer.SignerException.Reason.DEVICE_UNAVAILABLE, e.toSignerException().reason());
  }

  /** Loads HidApi in a class loader that sees sdk-hsm and sdk-core but not jnr-ffi. */
  @Test
  void withoutJnrFfiItIsReportedUnavailable() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("jnr") && !entry.contains("jffi") && !entry.contains("asm")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    try (URLClassLoader noJnr = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Class<?> c = Class.forName("dev.cairn.hsm.ledger.hid.HidApi", true, noJnr);
      assertEquals(Boolean.FALSE, c.getMethod("isAvailable").invoke(null));
      String reason = (String) c.getMethod("unavailableReason").invoke(null);
      assertTrue(reason.contains("jnr-ffi"), reason);
    }
  }
}
