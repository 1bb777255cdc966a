package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Key safety (issue 13): no weak or seeded randomness in the main code of any library module or
 * the CLI, and every key generation path draws from a {@link SecureRandom}. Reads the compiled
 * classes with ASM (the classes under {@code <module>/target/classes}).
 */
class RandomnessTest {

  /** Modules whose main code is scanned: every library module and the CLI (it generates keys). */
  static final List<String> MODULES = scanned();

  private static List<String> scanned() {
    List<String> m = new ArrayList<>(Reactor.LIBRARY_MODULES);
    m.add("wallet-cli");
    return List.copyOf(m);
  }

  /**
   * Non-secret uses of weak randomness, each with its justification. A finding must start with
   * the key (class and method); an entry that no longer matches anything fails the test too, so
   * the list only holds what is still true.
   */
  static final Map<String, String> ALLOWED = allowed();

  private static Map<String, String> allowed() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put(
        "dev.cairn.transport.RetryPolicy.backoffNanos: calls java.util.concurrent.ThreadLocalRandom.",
        "jitter of retry and reconnection delays: spreads clients apart; predictability costs nothing");
    return a;
  }

  /**
   * The key generation entry points: each must take a {@code SecureRandom}, draw from it, and
   * mention no weak random type. (sdk-hsm's {@code Pkcs11Key.generate} describes a key the token
   * generates with its own RNG: no JVM randomness is involved.)
   */
  static final List<String[]> KEYGEN =
      List.of(
          new String[] {"sdk-core", "dev/cairn/core/crypto/Secp256k1PrivateKey", "generate"},
          new String[] {"sdk-core", "dev/cairn/core/crypto/Ed25519PrivateKey", "generate"},
          new String[] {"sdk-core", "dev/cairn/core/hd/Mnemonic", "generate"},
          new String[] {"sdk-svm", "dev/cairn/svm/Keypair", "generate"});

  @Test
  void noWeakOrSeededRandomnessInMainCode() {
    List<String> findings = new ArrayList<>();
    for (String module : MODULES) {
      Reactor.Output out = Reactor.mainClasses(module);
      if (out == null) {
        continue;
      }
      for (Path p : ClassFiles.list(out.dir())) {
        for (String f : Randomness.scan(ClassFiles.read(p))) {
          findings.add(module + ": " + f);
        }
      }
    }
    List<String> offending = new ArrayList<>();
    Map<String, Integer> used = new LinkedHashMap<>();
    for (String f : findings) {
      String body = f.substring(f.indexOf(": ") + 2);
      String key = ALLOWED.keySet().stream().filter(body::startsWith).findFirst().orElse(null);
      if (key == null) {
        offending.add(f);
      } else {
        used.merge(key, 1, Integer::sum);
      }
    }
    assertTrue(
        offending.isEmpty(),
        "weak or seeded randomness in main code (use SecureRandom; a non-secret use needs an entry"
            + " with its justification in RandomnessTest.ALLOWED):\n  " + String.join("\n  ", offending));
    List<String> stale = new ArrayList<>(ALLOWED.keySet());
    stale.removeAll(used.keySet());
    assertTrue(stale.isEmpty(), "allow-list entries that match nothing any more (remove them): " + stale);
  }

  @Test
  void keyGenerationDrawsFromSecureRandom() {
    for (String[] k : KEYGEN) {
      Reactor.Output out = Reactor.mainClasses(k[0]);
      Path file = out.dir().resolve(k[1] + ".class");
      ClassNode node = new ClassNode();
      new ClassReader(ClassFiles.read(file)).accept(node, ClassReader.SKIP_FRAMES);
      List<MethodNode> gens = node.methods.stream().filter(m -> m.name.equals(k[2])).toList();
      assertTrue(!gens.isEmpty(), k[1] + "." + k[2] + " not found (update RandomnessTest.KEYGEN)");
      for (MethodNode m : gens) {
        String where = k[1].replace('/', '.') + "." + m.name + m.desc;
        assertTrue(m.desc.contains("Ljava/security/SecureRandom;"), where + " must take a SecureRandom");
        assertEquals(null, Randomness.weakIn(m.desc), where + " mentions a weak random type");
        assertTrue(
            drawsFromSecureRandom(m) || delegatesToKeygen(m),
            where + " neither calls SecureRandom.nextBytes nor delegates to another checked generator");
      }
    }
  }

  private static boolean drawsFromSecureRandom(MethodNode m) {
    for (AbstractInsnNode insn : m.instructions) {
      if (insn instanceof MethodInsnNode mi && mi.owner.equals(Randomness.SECURE) && mi.name.startsWith("next")) {
        return true;
      }
    }
    return false;
  }

  private static boolean delegatesToKeygen(MethodNode m) {
    for (AbstractInsnNode insn : m.instructions) {
      if (insn instanceof MethodInsnNode mi) {
        for (String[] k : KEYGEN) {
          if (mi.owner.equals(k[1]) && mi.name.equals(k[2]) && mi.desc.contains("Ljava/security/SecureRandom;")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // --- the scanner can fail: it finds each kind of offence in these fixtures ---

  @SuppressWarnings("unused")
  static final class Offender {
    byte[] weak() {
      byte[] b = new byte[32];
      new Random(42).nextBytes(b);
      return b;
    }

    long threadLocal() {
      return ThreadLocalRandom.current().nextLong();
    }

    int splittable() {
      return new SplittableRandom(7).nextInt();
    }

    byte[] seeded() {
      byte[] b = new byte[32];
      new SecureRandom(new byte[] {1, 2, 3}).nextBytes(b);
      return b;
    }

    byte[] reseeded(SecureRandom r) {
      r.setSeed(42L);
      byte[] b = new byte[32];
      r.nextBytes(b);
      return b;
    }

    byte[] asRandom(Random r) {
      byte[] b = new byte[32];
      r.nextBytes(b);
      return b;
    }
  }

  @SuppressWarnings("unused")
  static final class Clean {
    byte[] key(SecureRandom r) {
      byte[] b = new byte[32];
      r.nextBytes(b);
      return b;
    }
  }

  @Test
  void scannerFindsEveryKindOfOffence() throws Exception {
    List<String> f = Randomness.scan(classBytes(Offender.class));
    String all = String.join("\n", f);
    for (String expected :
        new String[] {
          "Offender.weak: new java.util.Random",
          "Offender.threadLocal: calls java.util.concurrent.ThreadLocalRandom.current",
          "Offender.splittable: new java.util.SplittableRandom",
          "Offender.seeded: new SecureRandom(byte[] seed)",
          "Offender.reseeded: calls java.security.SecureRandom.setSeed",
          "Offender.asRandom: signature mentions java.util.Random",
          "Offender.asRandom: calls java.util.Random.nextBytes"
        }) {
      if (!all.contains(expected)) {
        fail("scanner missed \"" + expected + "\" in:\n" + all);
      }
    }
    assertEquals(List.of(), Randomness.scan(classBytes(Clean.class)));
  }

  private static byte[] classBytes(Class<?> c) throws Exception {
    try (var in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }
}
