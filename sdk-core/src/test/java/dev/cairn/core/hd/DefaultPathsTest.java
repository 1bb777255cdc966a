package dev.cairn.core.hd;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/**
 * The three chains' default paths against known addresses, each checked against an independent
 * computation as well (web3j for EVM, BouncyCastle HMAC + Ed25519 for Solana, CosmJS's asserted
 * values for Cosmos).
 */
class DefaultPathsTest {
  private static final String ABANDON = MnemonicTest.ABANDON;

  private static byte[] seed(String mnemonic) {
    return Mnemonic.parse(mnemonic).toSeed("");
  }

  @Test
  void evm() {
    Bip32Key k = Bip32Key.fromSeed(seed(ABANDON)).derive(DerivationPath.EVM);
    byte[] uncompressed = k.publicKey().uncompressed();
    byte[] hash = Keccak256.hash(uncompressed, 1, 64);
    String address = Hex.encode(Arrays.copyOfRange(hash, 12, 32));
    assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94".toLowerCase(), "0x" + address);

    // independent: web3j's BIP-39 seed, BIP-32 derivation and address
    byte[] web3jSeed = MnemonicUtils.generateSeed(ABANDON, "");
    assertArrayEquals(web3jSeed, seed(ABANDON));
    int hb = Bip32ECKeyPair.HARDENED_BIT;
    Bip32ECKeyPair w = Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(web3jSeed),
        new int[] {44 | hb, 60 | hb, hb, 0, 0});
    assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", Keys.toChecksumAddress(Keys.getAddress(w)));
    assertEquals(w.getPrivateKey(), new java.math.BigInteger(1, k.privateKey().bytes()));
  }

  @Test
  void solana() {
    Slip10.Ed25519Key k = Slip10.ed25519(seed(ABANDON)).derive(DerivationPath.SOLANA);
    assertEquals("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk", Base58.encode(k.publicKey().bytes()));

    // independent: SLIP-0010 with BouncyCastle's HMAC and Ed25519
    byte[] i = bcHmac("ed25519 seed".getBytes(StandardCharsets.US_ASCII), seed(ABANDON));
    for (int index : new int[] {44, 501, 0, 0}) {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      data.write(0);
      data.write(i, 0, 32);
      int c = index | DerivationPath.HARDENED_BIT;
      data.write(c >>> 24);
      data.write(c >>> 16);
      data.write(c >>> 8);
      data.write(c);
      i = bcHmac(Arrays.copyOfRange(i, 32, 64), data.toByteArray());
    }
    assertArrayEquals(Arrays.copyOf(i, 32), k.privateKeyBytes());
    byte[] pub = new Ed25519PrivateKeyParameters(i, 0).generatePublicKey().getEncoded();
    assertArrayEquals(pub, k.publicKey().bytes());
  }

  private static byte[] bcHmac(byte[] key, byte[] data) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[64];
    mac.doFinal(out, 0);
    return out;
  }

  /** CosmJS wallet cases: public key and bech32 address for each mnemonic and path. */
  @Test
  void cosmosFromCosmJs() throws Exception {
    JsonNode cases = new ObjectMapper().readTree(TestData.read("cosmjs/wallets.json")).get("cases");
    int checked = 0;
    int withPubkey = 0;
    for (JsonNode c : cases) {
      DerivationPath path = DerivationPath.parse(c.get("path").asText());
      Bip32Key k = Bip32Key.fromSeed(seed(c.get("mnemonic").asText())).derive(path);
      byte[] compressed = k.publicKey().compressed();
      if (c.has("pubkey")) {
        assertEquals(c.get("pubkey").asText(), Hex.encode(compressed));
        withPubkey++;
      }
      if (c.has("pubkeyBase64")) {
        assertEquals(c.get("pubkeyBase64").asText(), Base64.getEncoder().encodeToString(compressed));
        withPubkey++;
      }
      byte[] addr;
      switch (c.get("algo").asText()) {
        case "secp256k1":
          addr = Hashes.hash160(compressed);
          break;
        case "eth_secp256k1":
          addr = Arrays.copyOfRange(Keccak256.hash(k.publicKey().uncompressed(), 1, 64), 12, 32);
          break;
        default:
          throw new AssertionError("unknown algo " + c.get("algo"));
      }
      assertEquals(c.get("address").asText(), bech32(c.get("prefix").asText(), addr));
      assertEquals(c.get("address").asText(),
          Bech32.encode(c.get("prefix").asText(), addr, Bech32.Variant.BECH32));
      checked++;
    }
    assertEquals(cases.size(), checked);
    assertTrue(checked >= 9);
    assertTrue(withPubkey >= 8);
    // the default Cosmos path is the one these cases use
    assertEquals(DerivationPath.COSMOS, DerivationPath.parse(cases.get(0).get("path").asText()));
  }

  // --- a minimal BIP-173 encoder, written here as an oracle independent of the SDK's codec ---

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private static String bech32(String hrp, byte[] data) {
    int acc = 0;
    int bits = 0;
    ByteArrayOutputStream five = new ByteArrayOutputStream();
    for (byte b : data) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        five.write((acc >>> bits) & 31);
      }
    }
    if (bits > 0) {
      five.write((acc << (5 - bits)) & 31);
    }
    byte[] d = five.toByteArray();
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    for (char ch : hrp.toCharArray()) {
      v.write(ch >> 5);
    }
    v.write(0);
    for (char ch : hrp.toCharArray()) {
      v.write(ch & 31);
    }
    v.write(d, 0, d.length);
    for (int j = 0; j < 6; j++) {
      v.write(0);
    }
    int mod = polymod(v.toByteArray()) ^ 1;
    StringBuilder sb = new StringBuilder(hrp).append('1');
    for (byte x : d) {
      sb.append(CHARSET.charAt(x));
    }
    for (int j = 0; j < 6; j++) {
      sb.append(CHARSET.charAt((mod >>> (5 * (5 - j))) & 31));
    }
    return sb.toString();
  }

  private static int polymod(byte[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (byte v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }
}
