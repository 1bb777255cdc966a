package dev.cairn.hsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.ledger.hid.HidApi;
import dev.cairn.hsm.pkcs11.Pkcs11Config;
import dev.cairn.hsm.pkcs11.Pkcs11Key;
import dev.cairn.hsm.pkcs11.Pkcs11Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In a GraalVM native image jnr-ffi cannot work (it generates bytecode at run time): hidapi must
 * report itself unavailable and a PKCS#11 signer must fail with a typed DEVICE_UNAVAILABLE, both
 * without touching jnr-ffi. Simulated in a fresh JVM with {@code org.graalvm.nativeimage.imagecode}
 * set, with jnr-ffi, hidapi and SoftHSM2 all installed (without the property both would load).
 */
class NativeImageUnavailableTest {

  /** Runs in the child JVM. */
  public static void main(String[] args) {
    HidApi system = HidApi.system();
    System.out.println("hidapi available=" + system.isAvailable() + " reason=" + system.unavailableReason());
    HidApi direct = HidApi.forLibrary("libhidapi-hidraw.so.0");
    System.out.println("hidapi-direct available=" + direct.isAvailable() + " reason=" + direct.unavailableReason());
    try {
      Pkcs11Signer.open(Pkcs11Config.of("/usr/lib/softhsm/libsofthsm2.so", "cairn-test"),
          Pkcs11Key.byLabel(KeyType.SECP256K1, "none"), () -> "x".toCharArray());
      System.out.println("pkcs11 opened");
    } catch (SignerException e) {
      System.out.println("pkcs11 " + e.reason() + " " + e.getMessage());
    }
  }

  private static List<String> runChild(String... properties) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String p : properties) {
      cmd.add("-D" + p);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(NativeImageUnavailableTest.class.getName());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "child JVM failed:\n" + text);
    return List.of(text.split("\n"));
  }

  private static String line(List<String> out, String prefix) {
    return out.stream().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + " in:\n" + String.join("\n", out)));
  }

  @Test
  void hidapiAndPkcs11AreUnavailableInANativeImage() throws Exception {
    List<String> out = runChild("org.graalvm.nativeimage.imagecode=runtime");
    for (String prefix : List.of("hidapi ", "hidapi-direct ")) {
      String l = line(out, prefix);
      assertTrue(l.contains("available=false") && l.contains("GraalVM native image"), l);
    }
    String pkcs11 = line(out, "pkcs11 ");
    assertTrue(pkcs11.startsWith("pkcs11 DEVICE_UNAVAILABLE") && pkcs11.contains("GraalVM native image"), pkcs11);
  }

  @Test
  void withoutThePropertyBothLoad() throws Exception {
    // the control: hidapi loads (libhidapi-hidraw0 is installed) and the PKCS#11 module is reached
    // (SoftHSM2 answers; the token or key may be missing, but not because of the image check)
    List<String> out = runChild();
    assertTrue(line(out, "hidapi-direct ").contains("available=true"), String.join("\n", out));
    String pkcs11 = line(out, "pkcs11 ");
    assertTrue(!pkcs11.contains("GraalVM native image"), pkcs11);
  }
}
