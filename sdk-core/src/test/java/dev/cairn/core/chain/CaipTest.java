package dev.cairn.core.chain;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaipTest {

  /** The examples of CAIP-2. */
  @ParameterizedTest
  @ValueSource(strings = {
    "eip155:1",
    "bip122:000000000019d6689c085ae165831e93",
    "bip122:12a765e31ffd4059bada1e25190f6e98",
    "bip122:fdbe99b90c90bae7505796461471d89a",
    "cosmos:cosmoshub-2",
    "cosmos:cosmoshub-3",
    "cosmos:Binance-Chain-Tigris",
    "cosmos:iov-mainnet",
    "starknet:SN_GOERLI",
    "lip9:9ee11e9df416b18b",
    "chainstd:8c3444cf8970a9e41a706fab93e7a6c4",
    "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp",
    "cosmos:hashed-c904589232422def"
  })
  void caip2ExamplesRoundTrip(String text) {
    ChainId id = ChainId.parse(text);
    assertEquals(text, id.toString());
    assertEquals(id, ChainId.of(id.namespace(), id.reference()));
    assertEquals(text.substring(0, text.indexOf(':')), id.namespace());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "eip155", ":1", "ab:1", "abcdefghi:1", "EIP155:1", "eip_55:1", "eip155:", "eip155:1:2",
    "chainstd:8c3444cf8970a9e41a706fab93e7a6c4a", "bip122:abc/def", "bip122:caf\u00e9",
    "eip155:0", "eip155:01", "eip155:abc", "eip155:-1", "eip155:9223372036854775808",
    "eip155:99999999999999999999", "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvd", "solana:0eykt4UsFv8P8NJdTREpY1vzqKqZKvdp",
    "cosmos:cosmos_hub", "cosmos:hashed-C904589232422DEF", "cosmos:hashed-", "cosmos:hashed-xyz"
  })
  void invalidChainIdsRejected(String text) {
    DecodingException e = assertThrows(DecodingException.class, () -> ChainId.parse(text));
    assertTrue(e.field().startsWith("chainId"), e.field());
  }

  @Test
  void errorsNameFieldAndOffset() {
    DecodingException e = assertThrows(DecodingException.class, () -> ChainId.parse("eip155:12x4"));
    assertEquals("chainId.reference", e.field());
    assertEquals(9, e.offset());
    DecodingException ns = assertThrows(DecodingException.class, () -> ChainId.parse("eIp155:1"));
    assertEquals("chainId.namespace", ns.field());
    assertEquals(1, ns.offset());
    assertThrows(DecodingException.class, () -> ChainId.parse(null));
    assertThrows(DecodingException.class, () -> ChainId.of(null, "1"));
    assertEquals(9223372036854775807L, ChainId.parse("eip155:9223372036854775807").eip155ChainId());
  }

  @Test
  void factoriesAndConstants() {
    assertEquals(ChainId.ETHEREUM_MAINNET, ChainId.eip155(1));
    assertEquals("eip155:11155111", ChainId.ETHEREUM_SEPOLIA.toString());
    assertEquals(1L, ChainId.ETHEREUM_MAINNET.eip155ChainId());
    assertThrows(DecodingException.class, () -> ChainId.eip155(0));
    assertThrows(DecodingException.class, () -> ChainId.eip155(-5));
    assertEquals("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp", ChainId.SOLANA_MAINNET.toString());
    // full mainnet-beta genesis hash: CAIP-30 keeps its first 32 characters
    assertEquals(ChainId.SOLANA_MAINNET, ChainId.solana("5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d"));
    assertThrows(DecodingException.class, () -> ChainId.solana("5eykt4UsFv8P8NJdTREpY1vzqKqZKvd"));
    assertThrows(DecodingException.class, () -> ChainId.solana("5eykt4UsFv8P8NJdTREpY1vzqKqZKvdl"));
    assertThrows(DecodingException.class, () -> ChainId.solana(null));
    assertEquals("cosmos:cosmoshub-4", ChainId.COSMOS_HUB.toString());
    assertEquals(Optional.of(ChainFamily.EVM), ChainId.ETHEREUM_MAINNET.family());
    assertEquals(Optional.of(ChainFamily.SVM), ChainId.SOLANA_DEVNET.family());
    assertEquals(Optional.of(ChainFamily.COSMOS), ChainId.COSMOS_HUB.family());
    assertEquals(Optional.empty(), ChainId.parse("bip122:000000000019d6689c085ae165831e93").family());
    assertTrue(ChainId.SOLANA_TESTNET.isFamily(ChainFamily.SVM));
    ChainException notEvm = assertThrows(ChainException.class, ChainId.COSMOS_HUB::eip155ChainId);
    assertEquals(ErrorKind.INVALID_INPUT, notEvm.kind());
  }

  /** CAIP-5: direct when [-a-zA-Z0-9]{1,32} and not starting with "hashed-", else hashed. */
  @Test
  void cosmosChainIdsHashedPerCaip5() throws Exception {
    assertEquals("cosmos:hash-", ChainId.cosmos("hash-").toString());
    assertEquals("cosmos:hashed", ChainId.cosmos("hashed").toString());
    assertEquals("cosmos:hashed-c904589232422def", ChainId.cosmos("hashed-").toString());
    assertEquals("cosmos:hashed-99df5cd68192b33e", ChainId.cosmos("hashed-123").toString());
    assertEquals("cosmos:hashed-36a9e7f1c95b82ff", ChainId.cosmos(" ").toString());
    assertEquals("cosmos:hashed-843d2fc87f40eeb9", ChainId.cosmos("wonderland\uD83E\uDDDD\u200D\u2642\uFE0F").toString());
    String tooLong = "a".repeat(33);
    String expected = "hashed-" + Hex.encode(MessageDigest.getInstance("SHA-256")
        .digest(tooLong.getBytes(StandardCharsets.UTF_8)), 0, 8);
    assertEquals(expected, ChainId.cosmos(tooLong).reference());
    assertEquals("a".repeat(32), ChainId.cosmos("a".repeat(32)).reference());
    assertTrue(ChainId.cosmos("my_chain").reference().startsWith("hashed-"));
    assertThrows(DecodingException.class, () -> ChainId.cosmos(""));
    assertThrows(DecodingException.class, () -> ChainId.cosmos(null));
  }

  /** The examples of CAIP-10. */
  @ParameterizedTest
  @ValueSource(strings = {
    "eip155:1:0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb",
    "bip122:000000000019d6689c085ae165831e93:128Lkh3S7CkDTBZ8W7BbpsN3YYizJMp8p6",
    "cosmos:cosmoshub-3:cosmos1t2uflqwqe0fsj0shcfkrvpukewcw40yjj6hdc0",
    "polkadot:b0a8d493285c2df73290dfb7e61f870f:5hmuyxw9xdgbpptgypokw4thfyoe3ryenebr381z9iaegmfy",
    "starknet:SN_GOERLI:0x02dd1b492765c064eac4039e3841aa5f382773b598097a40073bd8b48170ab57",
    "chainstd:8c3444cf8970a9e41a706fab93e7a6c4:6d9b0b4b9994e8a6afbd3dc3ed983cd51c755afb27cd1dc7825ef59c134a39f7",
    "hedera:mainnet:0.0.1234567890-zbhlt"
  })
  void caip10ExamplesRoundTrip(String text) {
    AccountId a = AccountId.parse(text);
    assertEquals(text, a.toString());
    assertEquals(a, AccountId.of(a.chainId(), a.address()));
    assertEquals(text, a.chainId() + ":" + a.address());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "eip155:1", "eip155:1:", "eip155::0xab", ":1:0xab", "eip155:1:0xab:cd", "eip155:1:0x/ab", "eip155:1:0x ab",
    "eip155:0:0xab"
  })
  void invalidAccountIdsRejected(String text) {
    assertThrows(DecodingException.class, () -> AccountId.parse(text));
  }

  @Test
  void accountAddressLengthLimit() {
    assertEquals(128, AccountId.of(ChainId.ETHEREUM_MAINNET, "a".repeat(128)).address().length());
    DecodingException e = assertThrows(DecodingException.class, () -> AccountId.of(ChainId.ETHEREUM_MAINNET, "a".repeat(129)));
    assertEquals("accountId.address", e.field());
    assertThrows(DecodingException.class, () -> AccountId.of(null, "0xab"));
    assertThrows(DecodingException.class, () -> AccountId.parse(null));
  }

  // ------------------------------------------------------------------ properties

  private static final String NS_CHARS = "-abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String REF_CHARS = "-_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String ADDR_CHARS = "-.%abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  @Provide
  Arbitrary<String> namespaces() {
    return Arbitraries.strings().withChars(NS_CHARS.toCharArray()).ofMinLength(3).ofMaxLength(8)
        .filter(s -> ChainFamily.fromNamespace(s).isEmpty());
  }

  @Provide
  Arbitrary<String> references() {
    return Arbitraries.strings().withChars(REF_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(32);
  }

  @Provide
  Arbitrary<String> addresses() {
    return Arbitraries.strings().withChars(ADDR_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(128);
  }

  @Property
  void validGenericChainIdsRoundTrip(@ForAll("namespaces") String ns, @ForAll("references") String ref) {
    ChainId id = ChainId.parse(ns + ":" + ref);
    assertEquals(ns, id.namespace());
    assertEquals(ref, id.reference());
    assertEquals(id, ChainId.parse(id.toString()));
  }

  @Property
  void eip155RoundTrips(@ForAll @net.jqwik.api.constraints.LongRange(min = 1) long chainId) {
    ChainId id = ChainId.eip155(chainId);
    assertEquals(id, ChainId.parse(id.toString()));
    assertEquals(chainId, id.eip155ChainId());
  }

  @Property
  void cosmosFactoryAlwaysGivesParseableIds(@ForAll String chainId) {
    Assume.that(!chainId.isEmpty());
    ChainId id = ChainId.cosmos(chainId);
    assertEquals(id, ChainId.parse(id.toString()));
  }

  @Property
  void validAccountIdsRoundTrip(@ForAll("namespaces") String ns, @ForAll("references") String ref,
      @ForAll("addresses") String address) {
    String text = ns + ":" + ref + ":" + address;
    AccountId a = AccountId.parse(text);
    assertEquals(text, a.toString());
    assertEquals(address, a.address());
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withChars((NS_CHARS + REF_CHARS + ":.%/ ").toCharArray()).ofMaxLength(60));
  }

  @Property
  void randomStringsParsedOrRejectedWithTypedException(@ForAll("junk") String s) {
    try {
      assertEquals(s, ChainId.parse(s).toString());
    } catch (DecodingException expected) {
      assertNotNull(expected.getMessage());
    }
    try {
      assertEquals(s, AccountId.parse(s).toString());
    } catch (DecodingException expected) {
      assertNotNull(expected.getMessage());
    }
  }
}
