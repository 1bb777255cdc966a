package dev.cairn.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/**
 * ethereum/tests keyaddrtest.json: private key to address (last 20 bytes of keccak256 of the
 * uncompressed public key without its 0x04 prefix), also through a compressed round trip.
 *
 * <p>The file's {@code sig_of_emptystring} fields are not used: the file does not say which digest
 * was signed, and they verify neither over keccak256(""), nor sha256(""), nor 32 zero bytes.
 */
class KeyAddressVectorsTest {

  private static byte[] keccak(byte[] in) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(in, 0, in.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static byte[] address(Secp256k1PublicKey pub) {
    byte[] u = pub.uncompressed();
    byte[] h = keccak(Arrays.copyOfRange(u, 1, 65));
    return Arrays.copyOfRange(h, 12, 32);
  }

  @Test
  void keyToAddressAndEmptyStringSignature() throws Exception {
    JsonNode root = new ObjectMapper().readTree(TestData.read("ethereum-tests/keyaddrtest.json"));
    int n = 0;
    for (JsonNode v : root) {
      Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(v.get("key").asText()));
      byte[] addr = Hex.decode(v.get("addr").asText());
      assertArrayEquals(addr, address(key.publicKey()), v.get("seed").asText());
      Secp256k1PublicKey viaCompressed = Secp256k1PublicKey.fromBytes(key.publicKey().compressed());
      assertArrayEquals(addr, address(viaCompressed));
      n++;
    }
    assertEquals(2, n, "vectors run: " + n);
  }
}
