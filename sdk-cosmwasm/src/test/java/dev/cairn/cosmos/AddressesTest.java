package dev.cairn.cosmos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AddressesTest {
  private static final byte[] COSMJS_PUBKEY =
      Hex.decode("02950e1cdfcb133d6024109fd489f734eeb4502418e538c28481f22bce276f248c");

  @Test
  void secp256k1AddressIsRipemd160OfSha256() {
    // computed once with CosmJS 0.39: pubkeyToAddress(encodeSecp256k1Pubkey(key), "cosmos")
    assertEquals("cosmos10s4mg25tu6termrk8egltfyme4q7sg3her239u",
        CosmosAddress.ofSecp256k1("cosmos", COSMJS_PUBKEY).toString());
  }

  @Test
  void ethSecp256k1AddressIsKeccakOfUncompressedKey() {
    Secp256k1PrivateKey k = Secp256k1PrivateKey.of(Hex.decode("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
    CosmosPublicKey p = CosmosPublicKey.of(CosmosPublicKey.Type.ETHERMINT_ETH_SECP256K1, k.publicKey().compressed());
    // the same key's Ethereum address is 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23 (web3.js docs)
    byte[] expected = Hex.decode("2c7536e3605d9c16a7a3d7b1898e529396a65c23");
    assertArrayEquals(expected, p.address("evmos").bytes());
    byte[] h = Keccak256.hash(Arrays.copyOfRange(k.publicKey().uncompressed(), 1, 65));
    assertArrayEquals(Arrays.copyOfRange(h, 12, 32), p.address("inj").bytes());
    assertEquals("/ethermint.crypto.v1.ethsecp256k1.PubKey", p.type().typeUrl());
    assertEquals("/injective.crypto.v1beta1.ethsecp256k1.PubKey", CosmosPublicKey.Type.INJECTIVE_ETH_SECP256K1.typeUrl());
  }

  @Test
  void prefixesAreChecked() {
    CosmosAddress a = CosmosAddress.ofSecp256k1("cosmos", COSMJS_PUBKEY);
    CosmosException e = assertThrows(CosmosException.class, () -> CosmosAddress.parse(a.toString(), "osmo"));
    assertEquals(CosmosException.Reason.WRONG_PREFIX, e.reason());
    assertTrue(e.getMessage().contains("osmo") && e.getMessage().contains("cosmos"), e.getMessage());
    assertEquals(a, CosmosAddress.parse(a.toString(), "cosmos"));
    CosmosAddress val = a.withPrefix("cosmosvaloper");
    assertTrue(val.toString().startsWith("cosmosvaloper1"));
    assertArrayEquals(a.bytes(), val.bytes());
  }

  @Test
  void badChecksumAndCharactersAreDecodingErrorsWithOffsets() {
    String good = CosmosAddress.ofSecp256k1("cosmos", COSMJS_PUBKEY).toString();
    char last = good.charAt(good.length() - 1);
    String bad = good.substring(0, good.length() - 1) + (last == 'q' ? 'p' : 'q');
    assertThrows(DecodingException.class, () -> CosmosAddress.parse(bad));
    DecodingException e = assertThrows(DecodingException.class, () -> CosmosAddress.parse("cosmos1bbbbbbibbbbb"));
    assertTrue(e.offset() >= 0, e.getMessage());
    assertThrows(DecodingException.class, () -> CosmosAddress.parse("Cosmos10S4mg25tu6termrk8egltfyme4q7sg3her239u"));
    assertThrows(DecodingException.class, () -> CosmosAddress.parse(null));
    assertThrows(CosmosException.class, () -> CosmosAddress.of("COSMOS", new byte[20]));
  }

  @Provide
  Arbitrary<byte[]> payloads() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64);
  }

  @Property(tries = 300)
  void bech32RoundTrips(@ForAll("payloads") byte[] payload) {
    CosmosAddress a = CosmosAddress.of("wasm", payload);
    CosmosAddress b = CosmosAddress.parse(a.toString(), "wasm");
    assertEquals(a, b);
    assertArrayEquals(payload, b.bytes());
  }

  @Property(tries = 500)
  void mutatedAddressesAreRejectedWithTypedErrors(@ForAll("payloads") byte[] payload, @ForAll int position,
      @ForAll char replacement) {
    String s = CosmosAddress.of("osmo", payload).toString();
    int i = Math.floorMod(position, s.length());
    if (s.charAt(i) == replacement) {
      return;
    }
    String m = s.substring(0, i) + replacement + s.substring(i + 1);
    try {
      CosmosAddress parsed = CosmosAddress.parse(m, "osmo");
      // bech32 detects every single-character substitution in the data part; only a case change passes
      assertEquals(s, parsed.toString(), "accepted a mutated address: " + m);
    } catch (DecodingException | CosmosException expected) {
      assertFalse(expected.getMessage().isEmpty());
    }
  }

  @Test
  void instantiate2MatchesWasmdVector() {
    // wasmd x/wasm/keeper/addresses_test.go / CosmJS instantiate2.spec.ts, first vector:
    // checksum 13a1fc99..., creator purple1nxvenxve42424242hwamhwamenxvenxvhxf2py, salt 61, no msg
    byte[] checksum = Hex.decode("13a1fc994cc6d1c81b746ee0c0ff6f90043875e0bf1d9be6b7d779fc978dc2a5");
    CosmosAddress creator = CosmosAddress.parse("purple1nxvenxve42424242hwamhwamenxvenxvhxf2py");
    CosmosAddress a = CosmosAddress.instantiate2(checksum, creator, Hex.decode("61"), null, "purple");
    assertEquals("purple1t6r960j945lfv8mhl4mage2rg97w63xeynwrupum2s2l7em4lprs9ce5hk", a.toString());
    assertThrows(CosmosException.class, () -> CosmosAddress.instantiate2(checksum, creator, new byte[0], null, "purple"));
    assertThrows(CosmosException.class, () -> CosmosAddress.instantiate2(checksum, creator, new byte[65], null, "purple"));
  }
}
