package dev.cairn.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** Our signatures, recovery ids and public keys against web3j's (RFC 6979 + low s as well). */
class Web3jOracleTest {

  @Provide
  Arbitrary<byte[]> privateKeys() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32)
        .filter(b -> {
          BigInteger k = new BigInteger(1, b);
          return k.signum() > 0 && k.compareTo(Secp256k1.ORDER) < 0;
        })
        .edgeCases(c -> c.includeOnly());
  }

  @Provide
  Arbitrary<byte[]> digests() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Property(tries = 300)
  void signatureAndRecoveryIdMatchWeb3j(
      @ForAll("privateKeys") byte[] priv, @ForAll("digests") byte[] digest) {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(priv);
    EcdsaSignature sig = key.sign(digest);

    ECKeyPair pair = ECKeyPair.create(new BigInteger(1, priv));
    Sign.SignatureData ref = Sign.signMessage(digest, pair, false);
    assertArrayEquals(ref.getR(), Arrays.copyOfRange(sig.toCompact(), 0, 32), "r");
    assertArrayEquals(ref.getS(), Arrays.copyOfRange(sig.toCompact(), 32, 64), "s");
    assertEquals(ref.getV()[0] - 27, sig.recoveryId(), "recovery id");
    assertTrue(sig.isLowS());
  }

  @Property(tries = 200)
  void publicKeyMatchesWeb3j(@ForAll("privateKeys") byte[] priv) {
    Secp256k1PublicKey pub = Secp256k1PrivateKey.of(priv).publicKey();
    BigInteger ref = Sign.publicKeyFromPrivate(new BigInteger(1, priv));
    byte[] expected = new byte[65];
    expected[0] = 4;
    byte[] refBytes = ref.toByteArray();
    int n = Math.min(refBytes.length, 64);
    System.arraycopy(refBytes, refBytes.length - n, expected, 65 - n, n);
    assertArrayEquals(expected, pub.uncompressed());
  }
}
