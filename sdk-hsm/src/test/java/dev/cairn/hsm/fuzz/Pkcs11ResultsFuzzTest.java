package dev.cairn.hsm.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.pkcs11.Pkcs11Parsers;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * What a PKCS#11 module hands back and {@code Pkcs11Signer} turns into values: {@code CKA_EC_POINT}
 * (a DER OCTET STRING around the point, or the bare point some modules return) for secp256k1 and
 * Ed25519 keys, and CKM_ECDSA signature outputs (raw {@code r || s} or DER). Each parser returns a
 * value or throws {@link SignerException} and nothing else. A parsed key is in the signer's form (33
 * bytes compressed, or 32 bytes Ed25519) and parses back to itself when wrapped in DER; a parsed
 * signature has a low s and the r of its input. (The module's CKA_EC_PARAMS are written by Cairn,
 * never parsed.) The parsers are package-private; {@link Pkcs11Parsers} (test code) reaches them.
 *
 * <p>data[0] picks the parser (secp256k1 point, Ed25519 point, ECDSA signature); the rest is the
 * attribute value or signature.
 */
class Pkcs11ResultsFuzzTest {
  static final BigInteger HALF_N =
      new BigInteger("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", 16);

  @FuzzTest(maxDuration = "10m")
  void tokenOutputs(byte[] data) {
    if (data.length == 0) {
      return;
    }
    byte[] v = Arrays.copyOfRange(data, 1, data.length);
    int which = (data[0] & 0xff) % 3;
    try {
      if (which < 2) {
        KeyType type = which == 0 ? KeyType.SECP256K1 : KeyType.ED25519;
        byte[] key = Pkcs11Parsers.publicKeyFromEcPoint(type, v);
        assertEquals(type == KeyType.SECP256K1 ? 33 : 32, key.length);
        if (key.length < 128) {
          byte[] der = new byte[key.length + 2];
          der[0] = 0x04;
          der[1] = (byte) key.length;
          System.arraycopy(key, 0, der, 2, key.length);
          assertArrayEquals(key, Pkcs11Parsers.publicKeyFromEcPoint(type, der));
        }
      } else {
        EcdsaSignature s = Pkcs11Parsers.toLowS(v);
        assertTrue(s.s().compareTo(HALF_N) <= 0, "low s");
        assertTrue(s.s().signum() > 0 && s.r().signum() > 0);
        EcdsaSignature in = v.length == 64 ? EcdsaSignature.fromCompact(v) : EcdsaSignature.fromDer(v);
        assertEquals(in.r(), s.r());
      }
    } catch (SignerException e) {
      // the typed rejection
    }
  }
}
