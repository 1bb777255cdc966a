package dev.cairn.hsm.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The SoftHSM2 test fixture. SoftHSM2 reads the file named by {@code SOFTHSM2_CONF} at {@code
 * C_Initialize}; the pom sets that variable for each test JVM to a file under {@code target/}. The
 * first call here (before any signer loads the module) empties that directory, writes the
 * configuration (a token directory beside it, file object store) and initialises the tokens with
 * {@code softhsm2-util --init-token --free}. SoftHSM2 not installed, or the variable unset, is a
 * test FAILURE, never a skip: CI installs it with scripts/setup.sh.
 */
public final class SoftHsm {
  /** The module every test loads. */
  public static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
  /** The token the signer tests share (each test uses its own key labels). */
  public static final String TOKEN = "cairn-test";
  /** A token nobody logs into except the wrong-PIN test (login state is per token and process). */
  public static final String PIN_TOKEN = "cairn-pin";
  /** The user PIN of both tokens; planted in the secret-scanning test. */
  static final String PIN = "Zq9-pin-4711-planted";
  private static final String SO_PIN = "so-pin-12345678";

  private static boolean ready;
  private static final AtomicInteger LABELS = new AtomicInteger();

  private SoftHsm() {}

  /** Initialises the tokens once per JVM; fails the test if SoftHSM2 is missing. */
  public static synchronized void ensure() {
    if (ready) {
      return;
    }
    if (!Files.isRegularFile(Path.of(MODULE))) {
      fail("SoftHSM2 is not installed (" + MODULE + " missing): run scripts/setup.sh (apt-get install softhsm2)");
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null || conf.isEmpty()) {
      fail("SOFTHSM2_CONF is not set: run the tests through Maven (sdk-hsm/pom.xml sets it per test JVM)");
    }
    try {
      Path file = Path.of(conf);
      Path dir = file.getParent();
      if (Files.exists(dir)) {
        try (Stream<Path> all = Files.walk(dir)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Path tokens = Files.createDirectories(dir.resolve("tokens"));
      Files.writeString(file, "directories.tokendir = " + tokens.toAbsolutePath() + "\n"
          + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n", StandardCharsets.UTF_8);
      initToken(TOKEN);
      initToken(PIN_TOKEN);
    } catch (IOException e) {
      throw new AssertionError("cannot prepare the SoftHSM2 directory", e);
    }
    ready = true;
  }

  private static void initToken(String label) throws IOException {
    Process p = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN,
        "--pin", PIN).redirectErrorStream(true).start();
    try {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "softhsm2-util did not finish");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "softhsm2-util --init-token failed: " + out);
  }

  /** The configuration of the shared test token. */
  public static Pkcs11Config config() {
    ensure();
    return Pkcs11Config.of(MODULE, TOKEN);
  }

  /** A PIN source handing out fresh arrays (the signer zeroises each), counting its calls. */
  public static final class Pin implements Supplier<char[]> {
    final AtomicInteger calls = new AtomicInteger();
    final List<char[]> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String pin;

    Pin(String pin) {
      this.pin = pin;
    }

    @Override
    public char[] get() {
      calls.incrementAndGet();
      char[] c = pin.toCharArray();
      handedOut.add(c);
      return c;
    }
  }

  /** The right PIN. */
  public static Pin pin() {
    return new Pin(PIN);
  }

  /** A label no other test uses. */
  public static String uniqueLabel(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-" + LABELS.incrementAndGet();
  }
}
