package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Key safety (issue 13): the classes that hold or check secrets compare bytes in constant time
 * ({@code MessageDigest.isEqual} or an OR of XORs), never with an early-exit comparison. Scans their
 * bytecode for calls of {@code Arrays.equals/mismatch/compare}, {@code String.equals/contentEquals}
 * and {@code Objects.equals}; a comparison of public data in those classes is allowed by name, with
 * the reason.
 */
class ConstantTimeTest {

  /** Classes (module, internal name) that hold secrets or verify checksums over secret payloads. */
  static final List<String[]> SECRET_CLASSES = List.of(
      new String[] {"sdk-core", "dev/cairn/core/crypto/Secp256k1PrivateKey"},
      new String[] {"sdk-core", "dev/cairn/core/crypto/Ed25519PrivateKey"},
      new String[] {"sdk-core", "dev/cairn/core/hd/Mnemonic"},
      new String[] {"sdk-core", "dev/cairn/core/hd/Bip32Key"},
      new String[] {"sdk-core", "dev/cairn/core/hd/Slip10"},
      new String[] {"sdk-core", "dev/cairn/core/hd/Slip10$Ed25519Key"},
      new String[] {"sdk-core", "dev/cairn/core/encoding/Base58"}, // Base58Check of xprv keys
      new String[] {"sdk-core", "dev/cairn/core/signer/internal/SoftwareSignerBase"},
      new String[] {"sdk-core", "dev/cairn/core/signer/internal/SoftwareSecp256k1Signer"},
      new String[] {"sdk-core", "dev/cairn/core/signer/internal/SoftwareEd25519Signer"},
      new String[] {"sdk-svm", "dev/cairn/svm/Keypair"},
      new String[] {"sdk-hsm", "dev/cairn/hsm/pkcs11/internal/SessionPool"},
      new String[] {"sdk-hsm", "dev/cairn/hsm/emulator/LedgerEmulator"});

  static final Set<String> EARLY_EXIT = Set.of(
      "java/util/Arrays.equals", "java/util/Arrays.mismatch", "java/util/Arrays.compare",
      "java/lang/String.equals", "java/lang/String.contentEquals", "java/lang/String.equalsIgnoreCase",
      "java/util/Objects.equals");

  /** Comparisons of public data inside those classes, with the reason. */
  static final Map<String, String> ALLOWED = Map.of(
      "dev.cairn.svm.Keypair.fromSecretKey: java/util/Arrays.equals",
      "compares the public half (bytes 32..63) of a secret key with the seed's public key: public data");

  @Test
  void secretsAreComparedInConstantTime() {
    List<String> offending = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (String[] c : SECRET_CLASSES) {
      Path file = Reactor.mainClasses(c[0]).dir().resolve(c[1] + ".class");
      assertTrue(Files.isRegularFile(file), file + " missing (update ConstantTimeTest.SECRET_CLASSES)");
      for (String f : earlyExitComparisons(ClassFiles.read(file))) {
        if (ALLOWED.containsKey(f)) {
          used.add(f);
        } else {
          offending.add(f);
        }
      }
    }
    assertTrue(offending.isEmpty(), "early-exit comparisons in classes holding secrets (use"
        + " MessageDigest.isEqual, or allow-list public data with a reason):\n  " + String.join("\n  ", offending));
    List<String> stale = new ArrayList<>(ALLOWED.keySet());
    stale.removeAll(used);
    assertTrue(stale.isEmpty(), "allow-list entries that match nothing any more (remove them): " + stale);
  }

  /** {@code <class>.<method>: <owner>.<name>} for every early-exit comparison in a class file. */
  static List<String> earlyExitComparisons(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
    List<String> out = new ArrayList<>();
    for (MethodNode m : node.methods) {
      if (m.name.equals("equals") || m.name.equals("hashCode")) {
        continue; // value equality of the holder itself is checked below
      }
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof MethodInsnNode mi && EARLY_EXIT.contains(mi.owner + "." + mi.name)) {
          String f = node.name.replace('/', '.') + "." + m.name + ": " + mi.owner + "." + mi.name;
          if (!out.contains(f)) {
            out.add(f);
          }
        }
      }
    }
    return out;
  }

  @Test
  void secretHoldersHaveNoValueEquality() {
    // a private key, mnemonic or seed holder with equals() would invite comparing secrets; they use identity
    for (String[] c : SECRET_CLASSES) {
      if (c[1].endsWith("Base58") || c[1].endsWith("Slip10") || c[1].endsWith("SessionPool")) {
        continue;
      }
      ClassNode node = new ClassNode();
      new ClassReader(ClassFiles.read(Reactor.mainClasses(c[0]).dir().resolve(c[1] + ".class")))
          .accept(node, ClassReader.SKIP_CODE);
      boolean hasEquals = node.methods.stream().anyMatch(m -> m.name.equals("equals") && m.desc.equals("(Ljava/lang/Object;)Z"));
      assertEquals(false, hasEquals, c[1] + " defines equals(Object)");
    }
  }

  static final class EarlyExit {
    @SuppressWarnings("unused")
    boolean check(byte[] a, byte[] b) {
      return java.util.Arrays.equals(a, b);
    }
  }

  @Test
  void theScannerFindsAnEarlyExitComparison() throws Exception {
    byte[] bytes;
    try (var in = EarlyExit.class.getResourceAsStream("/" + EarlyExit.class.getName().replace('.', '/') + ".class")) {
      bytes = in.readAllBytes();
    }
    assertEquals(List.of(EarlyExit.class.getName() + ".check: java/util/Arrays.equals"), earlyExitComparisons(bytes));
  }
}
