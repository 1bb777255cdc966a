package dev.cairn.cli;

import dev.cairn.abi.Address;
import dev.cairn.core.CairnException;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.Signer;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.hsm.pkcs11.Pkcs11Config;
import dev.cairn.hsm.pkcs11.Pkcs11Key;
import dev.cairn.hsm.pkcs11.Pkcs11Signer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The demo's hardware part: an EVM transaction signed through the SDK's emulated Ledger (the full
 * stack: Ledger Ethereum app client, HID framing, an in-memory HID pipe, the emulator), and one
 * signed by a secp256k1 key generated inside SoftHSM2 when it is installed.
 *
 * <p>SoftHSM2 reads {@code SOFTHSM2_CONF} when the module is initialised, and a JVM cannot set its
 * own environment: the demo initialises a throw-away token in a temporary directory with
 * {@code softhsm2-util} and runs the PKCS#11 part in a child JVM ({@link #main}) whose environment
 * carries that configuration and the token's PIN ({@value SignerOptions#PIN_ENV}).
 */
final class HardwareDemo {
  static final String SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so";
  static final String TOKEN = "wallet-demo";
  static final long CHAIN_ID = 31337;
  private static final long CHILD_TIMEOUT_SECONDS = 120;

  private final PrintStream out;

  HardwareDemo(PrintStream out) {
    this.out = out;
  }

  /** A demo transaction: 0.01 ETH to a fixed address on chain 31337. */
  static Transaction demoTransaction(long nonce) {
    return Transaction.eip1559().chainId(CHAIN_ID).nonce(nonce).to("0x000000000000000000000000000000000000dEaD")
        .value(BigInteger.TEN.pow(16)).gasLimit(21_000).maxPriorityFeePerGas(1_000_000_000L)
        .maxFeePerGas(30_000_000_000L).build();
  }

  void run(Map<String, String> env) {
    ledger();
    out.println();
    softHsm(env);
  }

  private void ledger() {
    SignerOptions opts = new SignerOptions();
    opts.signer = "ledger";
    opts.ledgerEmulator = true;
    try (Signer signer = opts.open(SignerOptions.Chain.EVM, Map.of(), null)) {
      Address address = Address.fromPublicKey(Secp256k1PublicKey.fromBytes(signer.publicKey()));
      out.println("Ledger (emulated: the SDK's software Ledger on the public test mnemonic, over HID framing):");
      out.println("  Ethereum app address at m/44'/60'/0'/0/0   " + address);
      SignedTransaction st = demoTransaction(0).sign(signer);
      verify("Ledger", st, address);
    }
  }

  private void verify(String who, SignedTransaction st, Address expected) {
    SignedTransaction decoded = SignedTransaction.decode(st.encoded());
    Address from = decoded.from();
    out.println("  EIP-1559 transaction (chain " + CHAIN_ID + ", 0.01 ETH) signed by the " + who + " key:");
    out.println("    raw        " + st.toHex());
    out.println("    hash       " + st.hashHex());
    out.println("    low s      " + decoded.isLowS());
    out.println("    sender     " + from + (from.equals(expected) ? "  (the " + who + " address: verified)"
        : "  (MISMATCH!)"));
    if (!from.equals(expected) || !decoded.isLowS()) {
      throw new IllegalStateException(who + " signature does not verify");
    }
  }

  private void softHsm(Map<String, String> env) {
    if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
      // PKCS#11 goes through jnr-ffi, which a GraalVM native image cannot run (and the child JVM
      // below is this executable there): say so instead of failing (docs/native-image.md)
      out.println("SoftHSM2: PKCS#11 needs jnr-ffi, which is unavailable in a GraalVM native image;"
          + " the PKCS#11 part is skipped.");
      return;
    }
    Path util = onPath(env, "softhsm2-util");
    if (!Files.isRegularFile(Path.of(SOFTHSM_MODULE)) || util == null) {
      out.println("SoftHSM2: not installed (" + SOFTHSM_MODULE + " and softhsm2-util are needed: apt-get install"
          + " softhsm2); the PKCS#11 part is skipped.");
      return;
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("wallet-softhsm-");
      Path tokens = Files.createDirectory(dir.resolve("tokens"));
      Path conf = dir.resolve("softhsm2.conf");
      Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
      SecureRandom random = new SecureRandom();
      String pin = hex(random, 8);
      String soPin = hex(random, 8);
      // a throw-away token in a temporary directory, deleted at the end: its PINs are random and never printed
      run(List.of(util.toString(), "--init-token", "--free", "--label", TOKEN, "--so-pin", soPin, "--pin", pin),
          Map.of("SOFTHSM2_CONF", conf.toString()), false);
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
          HardwareDemo.class.getName(), SOFTHSM_MODULE, TOKEN));
      out.println("SoftHSM2 (PKCS#11 " + SOFTHSM_MODULE + "): token \"" + TOKEN + "\" initialised in " + dir
          + "; a child JVM with SOFTHSM2_CONF set generates a key and signs:");
      out.print(run(cmd, Map.of("SOFTHSM2_CONF", conf.toString(), SignerOptions.PIN_ENV, pin), true));
    } catch (IOException e) {
      out.println("SoftHSM2: the PKCS#11 part failed: " + e.getMessage());
      throw new java.io.UncheckedIOException(e);
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  /** Runs a child process with extra environment; its output, or an IOException naming the failure. */
  private static String run(List<String> cmd, Map<String, String> extraEnv, boolean output) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(buf);
      if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(cmd.get(0) + " did not finish in " + CHILD_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted");
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      // softhsm2-util's output never echoes the PINs; the child's output is the demo's own text
      throw new IOException(Path.of(cmd.get(0)).getFileName() + " exited with " + p.exitValue() + ": " + text.strip());
    }
    return output ? text : "";
  }

  /**
   * The child JVM: {@code HardwareDemo <module> <token>} with SOFTHSM2_CONF and the PIN in the
   * environment; generates a sensitive, non-extractable secp256k1 key in the token and signs the demo
   * transaction with it.
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Pkcs11Signer signer = Pkcs11Signer.open(Pkcs11Config.of(args[0], args[1]).withPoolSize(1),
        Pkcs11Key.generate(KeyType.SECP256K1, "demo-evm-" + System.nanoTime()), SignerOptions.pin(System.getenv()))) {
      Address address = Address.fromPublicKey(Secp256k1PublicKey.fromBytes(signer.publicKey()));
      out.println("  secp256k1 key generated in the token (sensitive, not extractable): " + address);
      new HardwareDemo(out).verify("SoftHSM2", demoTransaction(0).sign(signer), address);
    } catch (CairnException | IllegalStateException e) {
      out.println("  failed: " + e.getMessage());
      System.exit(1);
    }
  }

  private static Path onPath(Map<String, String> env, String name) {
    String path = env.getOrDefault("PATH", "/usr/bin:/bin");
    for (String d : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(d.isEmpty() ? "." : d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static String hex(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException ignored) {
          // best effort: a temporary directory
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
