package dev.cairn.nativeimpl.secp256k1;

import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;

/**
 * Run in a child JVM by {@link NativeFallbackTest}: selects a backend the way an application does
 * (first use of the key types, no backend property) and prints, one {@code key=value} per line,
 * which backend was selected, what the native backend reports, and whether the published RFC 6979
 * vector signs, recovers and verifies through the public key types.
 */
public final class FallbackProbe {
  private FallbackProbe() {}

  public static void main(String[] args) {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(LibSecp256k1Backend.SelfTest.KEY.clone());
    byte[] digest = LibSecp256k1Backend.SelfTest.DIGEST;
    EcdsaSignature sig = key.sign(digest);
    Secp256k1PublicKey pub = key.publicKey();
    boolean ok =
        Hex.encode(sig.toCompact()).equals(Hex.encode(
                java.util.Arrays.copyOf(LibSecp256k1Backend.SelfTest.SIGNATURE, 64)))
            && Hex.encode(pub.compressed()).equals(Hex.encode(LibSecp256k1Backend.SelfTest.PUBLIC_KEY))
            && pub.equals(Secp256k1PublicKey.recover(digest, sig))
            && pub.verify(digest, sig);
    key.destroy();
    System.out.println("os.arch=" + System.getProperty("os.arch"));
    System.out.println("selected=" + Secp256k1.backendName());
    for (Secp256k1.BackendInfo i : Secp256k1.backends()) {
      System.out.println("backend." + i.name() + ".available=" + i.available());
      System.out.println("backend." + i.name() + ".selected=" + i.selected());
      if (i.unavailableReason() != null) {
        System.out.println("backend." + i.name() + ".reason=" + i.unavailableReason().replace('\n', ' '));
      }
    }
    System.out.println("vector=" + (ok ? "ok" : "WRONG"));
  }
}
