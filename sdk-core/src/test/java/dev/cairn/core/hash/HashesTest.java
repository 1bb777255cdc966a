package dev.cairn.core.hash;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class HashesTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void knownVectors() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Hex.encode(Hashes.sha256(ascii("abc"))));
    assertEquals(
        "4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358",
        Hex.encode(Hashes.doubleSha256(ascii("abc"))));
    assertEquals(
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        Hex.encode(Hashes.sha512(ascii("abc"))));
    assertEquals("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc", Hex.encode(Hashes.ripemd160(ascii("abc"))));
    assertEquals("9c1185a5c5e9fc54612808977ee8f548b2258d31", Hex.encode(Hashes.ripemd160(new byte[0])));
    // hash160 of the secp256k1 generator's compressed encoding (address 1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH)
    assertEquals(
        "751e76e8199196d454941c45d1b3a323f1433bd6",
        Hex.encode(
            Hashes.hash160(
                Hex.decode("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"))));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Hex.encode(Hashes.sha256(ascii("xxabcyy"), 2, 3)));
  }

  @Test
  void rfc4231Hmac() {
    byte[] key = new byte[20];
    java.util.Arrays.fill(key, (byte) 0x0b);
    byte[] data = ascii("Hi There");
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        Hex.encode(Hashes.hmacSha256(key, data)));
    assertEquals(
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
            + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
        Hex.encode(Hashes.hmacSha512(key, data)));
    // test case 6: a key longer than the block size
    byte[] longKey = new byte[131];
    java.util.Arrays.fill(longKey, (byte) 0xaa);
    byte[] msg = ascii("Test Using Larger Than Block-Size Key - Hash Key First");
    assertEquals(
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        Hex.encode(Hashes.hmacSha256(longKey, msg)));
    assertEquals(
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
            + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
        Hex.encode(Hashes.hmacSha512(longKey, msg)));
  }

  @Test
  void pbkdf2Bip39Vector() {
    // BIP-39 vector: entropy 00..00, passphrase TREZOR
    String mnemonic =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    assertEquals(
        "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141"
            + "630c7a3c4ab7c81b2f001698e7463b04",
        Hex.encode(Hashes.pbkdf2HmacSha512(ascii(mnemonic), ascii("mnemonicTREZOR"), 2048, 64)));
    assertEquals(100, Hashes.pbkdf2HmacSha512(ascii("p"), ascii("s"), 1, 100).length);
  }

  @Test
  void argumentErrors() {
    assertThrows(IllegalArgumentException.class, () -> Hashes.pbkdf2HmacSha512(new byte[1], new byte[1], 0, 64));
    assertThrows(IllegalArgumentException.class, () -> Hashes.pbkdf2HmacSha512(new byte[1], new byte[1], 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Hashes.pbkdf2HmacSha512(new byte[1], new byte[1], 1, -5));
    assertThrows(NullPointerException.class, () -> Hashes.pbkdf2HmacSha512(null, new byte[1], 1, 64));
    assertThrows(NullPointerException.class, () -> Hashes.sha256(null));
    assertThrows(NullPointerException.class, () -> Hashes.hmacSha256(null, new byte[0]));
    assertThrows(IndexOutOfBoundsException.class, () -> Hashes.sha256(new byte[4], 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> Hashes.sha256(new byte[4], 0, -1));
  }

  private static byte[] bcHmac(org.bouncycastle.crypto.Digest d, byte[] key, byte[] data) {
    HMac m = new HMac(d);
    m.init(new KeyParameter(key));
    m.update(data, 0, data.length);
    byte[] out = new byte[m.getMacSize()];
    m.doFinal(out, 0);
    return out;
  }

  @Property
  void hmacMatchesBouncyCastle(@ForAll @Size(max = 300) byte[] key, @ForAll @Size(max = 300) byte[] data) {
    assertArrayEquals(bcHmac(new SHA256Digest(), key, data), Hashes.hmacSha256(key, data));
    assertArrayEquals(bcHmac(new SHA512Digest(), key, data), Hashes.hmacSha512(key, data));
  }

  @Property(tries = 50)
  void pbkdf2MatchesJdk(
      @ForAll @Size(max = 40) byte[] salt,
      @ForAll @IntRange(min = 1, max = 5) int iterations,
      @ForAll @IntRange(min = 1, max = 150) int keyLength)
      throws Exception {
    char[] password = "correct horse".toCharArray();
    javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
    Assume.that(salt.length > 0); // the JDK rejects an empty salt
    byte[] expected =
        f.generateSecret(new javax.crypto.spec.PBEKeySpec(password, salt, iterations, keyLength * 8))
            .getEncoded();
    assertArrayEquals(expected, Hashes.pbkdf2HmacSha512(ascii("correct horse"), salt, iterations, keyLength));
  }

  @Property(tries = 100)
  void pbkdf2MatchesBouncyCastle(
      @ForAll @Size(max = 300) byte[] password,
      @ForAll @Size(max = 40) byte[] salt,
      @ForAll @IntRange(min = 1, max = 4) int iterations,
      @ForAll @IntRange(min = 1, max = 200) int keyLength) {
    org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator gen =
        new org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator(new SHA512Digest());
    gen.init(password, salt, iterations);
    byte[] expected = ((KeyParameter) gen.generateDerivedMacParameters(keyLength * 8)).getKey();
    assertArrayEquals(expected, Hashes.pbkdf2HmacSha512(password, salt, iterations, keyLength));
  }
}
