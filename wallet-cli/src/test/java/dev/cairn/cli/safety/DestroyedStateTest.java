package dev.cairn.cli.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.KeyDestroyedException;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.HdWalletException;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.eth.EthApp;
import dev.cairn.hsm.policy.Policy;
import dev.cairn.hsm.policy.PolicySigner;
import dev.cairn.svm.Keypair;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.Destroyable;
import org.junit.jupiter.api.Test;

/**
 * Key safety (issue 13): every type that holds a secret is {@link Destroyable}; after {@code
 * destroy()} its fields, inspected by reflection (tests only), hold zeros or nulls where the secret
 * was — through the whole object graph of Cairn types it owns — every owned {@code Destroyable} is
 * destroyed, and later use throws the type's typed exception.
 *
 * <p>Fields that hold public data (public keys, addresses, descriptors, derivation metadata) are
 * exempt by name or type; everything else that is a primitive array must be all zero.
 */
class DestroyedStateTest {

  /** Field names that hold public data (public keys and what is derived from them). */
  static final Set<String> PUBLIC_FIELDS =
      Set.of("publicKey", "pubkey", "address", "descriptor", "parentFingerprint", "fingerprint", "keyType",
          "versionParts");

  static boolean publicType(Class<?> c) {
    String n = c.getSimpleName();
    return c.isEnum() || n.contains("PublicKey") || n.equals("Pubkey") || n.contains("Address")
        || n.equals("SignerDescriptor") || n.equals("ChainId") || n.equals("AccountId") || n.equals("Policy")
        || n.equals("DerivationPath") || n.equals("ScriptedUser");
  }

  /** What is left of secrets in {@code root}'s object graph: one line per non-zero array or live Destroyable. */
  static List<String> residue(Object root) {
    List<String> out = new ArrayList<>();
    walk(root, root.getClass().getSimpleName(), out, Collections.newSetFromMap(new IdentityHashMap<>()), root);
    return out;
  }

  private static void walk(Object o, String path, List<String> out, Set<Object> seen, Object root) {
    if (!seen.add(o)) {
      return;
    }
    if (o != root && o instanceof Destroyable d && !d.isDestroyed()) {
      out.add(path + ": a " + o.getClass().getName() + " that is not destroyed");
    }
    for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || PUBLIC_FIELDS.contains(f.getName())) {
          continue;
        }
        Object v;
        try {
          f.setAccessible(true);
          v = f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
          out.add(path + "." + f.getName() + ": unreadable (" + e + ")");
          continue;
        }
        if (v == null) {
          continue;
        }
        String p = path + "." + f.getName();
        Class<?> vc = v.getClass();
        if (vc.isArray() && vc.getComponentType().isPrimitive()) {
          if (vc.getComponentType() != boolean.class && !allZero(v)) {
            out.add(p + ": " + vc.getComponentType() + "[" + Array.getLength(v) + "] not zeroed");
          }
        } else if (vc.isArray()) {
          for (int i = 0; i < Array.getLength(v); i++) {
            Object e = Array.get(v, i);
            if (e != null && e.getClass().getName().startsWith("dev.cairn.") && !publicType(e.getClass())) {
              walk(e, p + "[" + i + "]", out, seen, root);
            }
          }
        } else if (vc.getName().startsWith("dev.cairn.") && !publicType(vc)) {
          walk(v, p, out, seen, root);
        } else if (v instanceof String s && !s.isEmpty() && !Planted.find(s).isEmpty()) {
          out.add(p + ": a String holding a planted secret");
        }
      }
    }
  }

  static boolean allZero(Object array) {
    for (int i = 0; i < Array.getLength(array); i++) {
      Object e = Array.get(array, i);
      if (((Number) (e instanceof Character ch ? (int) ch : e)).longValue() != 0) {
        return false;
      }
    }
    return true;
  }

  /** Checks one secret holder: residue before destroy (the check can fail), none after, typed failures after. */
  private static <T extends Destroyable> void check(Supplier<T> make, List<Class<? extends Throwable>> expected,
      List<UseCase<T>> uses) throws Exception {
    T before = make.get();
    assertFalse(before.isDestroyed());
    assertFalse(residue(before).isEmpty(), "a live " + before.getClass().getName() + " should hold secret bytes");
    before.destroy();
    assertTrue(before.isDestroyed());
    assertEquals(List.of(), residue(before), before.getClass().getName() + " after destroy()");
    before.destroy(); // idempotent
    assertEquals(List.of(), residue(before));
    for (int i = 0; i < uses.size(); i++) {
      UseCase<T> u = uses.get(i);
      Class<? extends Throwable> type = expected.get(Math.min(i, expected.size() - 1));
      Throwable t = assertThrows(Throwable.class, () -> u.use(before),
          before.getClass().getSimpleName() + " use #" + i + " after destroy()");
      assertTrue(type.isInstance(t), before.getClass().getSimpleName() + " use #" + i + " threw " + t + ", expected " + type.getName());
      Planted.assertClean("message after destroy", Planted.describe(t));
    }
  }

  @FunctionalInterface
  interface UseCase<T> {
    void use(T t) throws Exception;
  }

  @Test
  void secp256k1PrivateKey() throws Exception {
    check(() -> Secp256k1PrivateKey.of(Planted.SECP_KEY), List.of(KeyDestroyedException.class),
        List.of(Secp256k1PrivateKey::bytes, k -> k.sign(new byte[32]), Secp256k1PrivateKey::publicKey,
            k -> k.tweakAdd(new byte[32])));
  }

  @Test
  void ed25519PrivateKey() throws Exception {
    check(() -> Ed25519PrivateKey.fromSeed(Planted.ED_SEED), List.of(KeyDestroyedException.class),
        List.of(Ed25519PrivateKey::seed, k -> k.sign(new byte[1]), Ed25519PrivateKey::publicKey));
  }

  @Test
  void mnemonic() throws Exception {
    check(() -> Mnemonic.parse(Planted.MNEMONIC), List.of(HdWalletException.class),
        List.of(Mnemonic::entropy, m -> m.toSeed(""), m -> m.toSeed(Planted.PASSPHRASE.toCharArray()), Mnemonic::phrase));
  }

  @Test
  void bip32ExtendedPrivateKeys() throws Exception {
    byte[] seed = seed();
    check(() -> Bip32Key.fromSeed(seed), List.of(HdWalletException.class),
        List.of(Bip32Key::privateKey, k -> k.deriveChild(0), Bip32Key::serialize, Bip32Key::chainCode));
    check(() -> Bip32Key.fromSeed(seed).derive(DerivationPath.parse("m/44'/60'/0'/0/0")), List.of(HdWalletException.class),
        List.of(Bip32Key::privateKey, k -> k.deriveChild(1)));
  }

  @Test
  void slip10Ed25519Keys() throws Exception {
    byte[] seed = seed();
    check(() -> Slip10.ed25519(seed).derive(DerivationPath.parse("m/44'/501'/0'/0'")), List.of(HdWalletException.class),
        List.of(Slip10.Ed25519Key::privateKeyBytes, Slip10.Ed25519Key::privateKey, k -> k.deriveChild(0x80000000),
            Slip10.Ed25519Key::chainCode));
  }

  @Test
  void softwareSigners() throws Exception {
    check(() -> Signers.software(Secp256k1PrivateKey.of(Planted.SECP_KEY)), List.of(SignerException.class),
        List.<UseCase<SoftwareSigner>>of(s -> s.sign(SignRequest.digest(new byte[32]))));
    check(() -> Signers.software(Ed25519PrivateKey.fromSeed(Planted.ED_SEED)), List.of(SignerException.class),
        List.<UseCase<SoftwareSigner>>of(s -> s.sign(SignRequest.of(SignRequest.Kind.MESSAGE, null, new byte[] {1}))));
  }

  @Test
  void policySignerOverASoftwareKey() throws Exception {
    check(() -> PolicySigner.wrap(Signers.software(Secp256k1PrivateKey.of(Planted.SECP_KEY)), Policy.allowAll()),
        List.of(SignerException.class),
        List.<UseCase<PolicySigner>>of(s -> s.sign(SignRequest.digest(new byte[32]))));
  }

  @Test
  void solanaKeypair() throws Exception {
    check(() -> Keypair.fromSeed(Planted.ED_SEED), List.of(KeyDestroyedException.class),
        List.of(Keypair::secretKey, k -> k.sign(new byte[1]), Keypair::toJson));
  }

  @Test
  void ledgerEmulatorSeed() throws Exception {
    check(() -> LedgerEmulator.builder().mnemonic(Planted.MNEMONIC).app(EthereumEmulatorApp.create()).build(),
        List.of(LedgerException.class),
        List.<UseCase<LedgerEmulator>>of(e -> EthApp.on(e.transport()).getAddress("m/44'/60'/0'/0/0", false, false)));
  }

  @Test
  void theWalkerFindsSecretsInNestedFieldsAndStrings() {
    List<String> r = residue(new Nested(Secp256k1PrivateKey.of(Planted.SECP_KEY), Planted.MNEMONIC));
    assertTrue(r.stream().anyMatch(s -> s.contains("inner") && s.contains("not destroyed")), r.toString());
    assertTrue(r.stream().anyMatch(s -> s.contains("inner.key") && s.contains("not zeroed")), r.toString());
    assertTrue(r.stream().anyMatch(s -> s.contains("words") && s.contains("String")), r.toString());
  }

  /** A fixture: a holder with a live key and a secret String. */
  static final class Nested {
    final Secp256k1PrivateKey inner;
    final String words;

    Nested(Secp256k1PrivateKey inner, String words) {
      this.inner = inner;
      this.words = words;
    }
  }

  private static byte[] seed() {
    Mnemonic m = Mnemonic.parse(Planted.MNEMONIC);
    try {
      return m.toSeed(Planted.PASSPHRASE);
    } finally {
      m.destroy();
    }
  }

  @SuppressWarnings("unused")
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
