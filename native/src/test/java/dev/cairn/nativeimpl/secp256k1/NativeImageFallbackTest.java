package dev.cairn.nativeimpl.secp256k1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.hash.Keccak256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In a GraalVM native image jnr-ffi cannot work (it generates bytecode at run time), so the native
 * backend must report itself unavailable without touching jnr-ffi, and sdk-core must select the
 * pure-Java backend without any error. Simulated on the JVM the way an image looks to the code: a
 * fresh JVM (the backend choice is made once per JVM) with the system property
 * {@code org.graalvm.nativeimage.imagecode=runtime}, this module on its class path and
 * libsecp256k1 installed (so without the property the native backend would win).
 */
class NativeImageFallbackTest {

  /** Runs in the child JVM: prints what was selected and signs and verifies once. */
  public static void main(String[] args) {
    for (Secp256k1.BackendInfo i : Secp256k1.backends()) {
      System.out.println("backend " + i.name() + " available=" + i.available() + " selected=" + i.selected()
          + " reason=" + i.unavailableReason());
    }
    System.out.println("selected " + Secp256k1.backend().name());
    LibSecp256k1Backend direct = LibSecp256k1Backend.forLibrary("libsecp256k1.so.2");
    System.out.println("forLibrary available=" + direct.isAvailable() + " reason=" + direct.unavailableReason());
    byte[] key = new byte[32];
    key[31] = 7;
    Secp256k1PrivateKey k = Secp256k1PrivateKey.of(key);
    byte[] digest = Keccak256.hash("native image".getBytes(StandardCharsets.US_ASCII));
    Secp256k1PublicKey pub = k.publicKey();
    System.out.println("verified " + pub.verify(digest, k.sign(digest)));
  }

  private static List<String> runChild(String... properties) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    // the arm64 run passes its qemu wrapper (an emulated JVM cannot start an arm64 binary itself)
    String configured = System.getProperty("cairn.test.java");
    cmd.add(configured != null && !configured.isEmpty() ? configured
        : Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String p : properties) {
      cmd.add("-D" + p);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(NativeImageFallbackTest.class.getName());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "child JVM failed:\n" + text);
    return List.of(text.split("\n"));
  }

  @Test
  void inANativeImageThePureJavaBackendIsChosenWithoutError() throws Exception {
    List<String> out = runChild("org.graalvm.nativeimage.imagecode=runtime");
    assertTrue(out.contains("selected java"), String.join("\n", out));
    String nativeLine = out.stream().filter(l -> l.startsWith("backend libsecp256k1 ")).findFirst()
        .orElseThrow(() -> new AssertionError("native backend not listed:\n" + String.join("\n", out)));
    assertTrue(nativeLine.contains("available=false"), nativeLine);
    assertTrue(nativeLine.contains("GraalVM native image"), nativeLine);
    String direct = out.stream().filter(l -> l.startsWith("forLibrary")).findFirst().orElseThrow();
    assertTrue(direct.contains("available=false") && direct.contains("jnr-ffi generates"), direct);
    assertTrue(out.contains("verified true"), String.join("\n", out));
    assertFalse(out.stream().anyMatch(l -> l.contains("Exception") || l.contains("Error")), String.join("\n", out));
  }

  @Test
  void atImageBuildTimeNothingIsLoadedEither() throws Exception {
    List<String> out = runChild("org.graalvm.nativeimage.imagecode=buildtime");
    assertTrue(out.contains("selected java"), String.join("\n", out));
  }

  @Test
  void withoutThePropertyTheNativeBackendWins() throws Exception {
    // the control: the same child without the property picks libsecp256k1 (installed here)
    List<String> out = runChild();
    assertTrue(out.contains("selected libsecp256k1"), String.join("\n", out));
  }
}
