package dev.cairn.cosmos.rest;

import static dev.cairn.cosmos.testsupport.FixtureServer.ok;
import static dev.cairn.cosmos.testsupport.FixtureServer.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.GasEstimate;
import dev.cairn.cosmos.client.GasPrice;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.errors.CosmosErrors;
import dev.cairn.cosmos.testsupport.FixtureServer;
import dev.cairn.cosmos.testsupport.Fixtures;
import dev.cairn.cosmos.testsupport.Tx;
import dev.cairn.transport.RestClient;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST client against the documented gateway shapes of Cosmos SDK 0.47 and 0.50, served by the scripted server. */
class CosmosRestClientTest {
  static final ChainId CHAIN = ChainId.cosmos("cosmoshub-4");
  static final String ADDR = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";
  static final String CONTRACT = "cosmos14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s4hmalr";
  static final String H1 = "D4A5C8E2B1F0937A6E5D4C3B2A19087F6E5D4C3B2A19087F6E5D4C3B2A190870";
  static final String H2 = "0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0";
  static final RetryPolicy FAST = RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1));

  static CosmosRestClient client(FixtureServer s) {
    return CosmosRestClient.of(RestClient.builder(s.url()).retryPolicy(FAST).timeout(Duration.ofSeconds(5)).build(), CHAIN);
  }

  static byte[] fixture(String v, String name) {
    return ok(Fixtures.read(v, name));
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void accountsOfEveryKindGiveNumberSequenceAndKey(String v) throws Exception {
    String[] files = {"account-base.json", "account-base-no-pubkey.json", "account-continuous-vesting.json",
        "account-delayed-vesting.json", "account-periodic-vesting.json", "account-permanent-locked.json",
        "account-module.json"};
    AtomicInteger i = new AtomicInteger();
    try (FixtureServer s = new FixtureServer(r -> fixture(v, files[i.getAndIncrement()])); CosmosRestClient rest = client(s)) {
      CosmosAccount base = rest.account(ADDR).orElseThrow();
      assertEquals("GET /cosmos/auth/v1beta1/accounts/" + ADDR, s.requests.get(0).method + " " + s.requests.get(0).target);
      assertEquals("/cosmos.auth.v1beta1.BaseAccount", base.typeUrl());
      assertEquals(ADDR, base.address());
      assertEquals(42, base.accountNumber());
      assertEquals(7, base.sequence());
      assertEquals("/cosmos.crypto.secp256k1.PubKey", base.pubKeyTypeUrl().orElseThrow());
      assertArrayEquals(Base64.getDecoder().decode("A08EGB7ro1ORuFhjOnZcSgwYlpe0DSFjVNUIkNNQxwKQ"), base.pubKey().orElseThrow());
      assertFalse(base.isVesting());

      CosmosAccount fresh = rest.account(ADDR).orElseThrow();
      assertEquals(43, fresh.accountNumber());
      assertEquals(0, fresh.sequence());
      assertFalse(fresh.pubKey().isPresent());

      for (String type : new String[] {"Continuous", "Delayed", "Periodic", "PermanentLocked"}) {
        CosmosAccount a = rest.account(ADDR).orElseThrow();
        assertEquals("/cosmos.vesting.v1beta1." + type + (type.equals("PermanentLocked") ? "Account" : "VestingAccount"),
            a.typeUrl());
        assertTrue(a.isVesting());
        assertEquals(1234, a.accountNumber(), type);
        assertEquals(3, a.sequence(), type);
        assertTrue(a.pubKey().isPresent(), type);
      }
      CosmosAccount module = rest.account(ADDR).orElseThrow();
      assertEquals("/cosmos.auth.v1beta1.ModuleAccount", module.typeUrl());
      assertEquals("cosmos1fl48vsnmsdzcv85q5d2q4z5ajdha8yu34mf0eh", module.address());
      assertEquals(5, module.accountNumber());
    }
  }

  @Test
  void ethermintAndInjectiveAccountsOnSdk047() throws Exception {
    String[] files = {"account-ethermint.json", "account-injective.json"};
    AtomicInteger i = new AtomicInteger();
    try (FixtureServer s = new FixtureServer(r -> fixture("sdk-0.47", files[i.getAndIncrement()]));
         CosmosRestClient rest = client(s)) {
      CosmosAccount evmos = rest.account("evmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5dl6n3h").orElseThrow();
      assertEquals("/ethermint.types.v1.EthAccount", evmos.typeUrl());
      assertEquals(77, evmos.accountNumber());
      assertEquals(12, evmos.sequence());
      assertEquals("/ethermint.crypto.v1.ethsecp256k1.PubKey", evmos.pubKeyTypeUrl().orElseThrow());
      assertEquals(33, evmos.pubKey().orElseThrow().length);
      CosmosAccount inj = rest.account("inj1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5dzqs0x").orElseThrow();
      assertEquals("/injective.types.v1beta1.EthAccount", inj.typeUrl());
      assertEquals(88, inj.accountNumber());
      assertEquals(3, inj.sequence());
      assertEquals("/injective.crypto.v1beta1.ethsecp256k1.PubKey", inj.pubKeyTypeUrl().orElseThrow());
    }
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void unknownAccountIsEmptyAndBadAddressIsRejectedBeforeSending(String v) throws Exception {
    try (FixtureServer s = new FixtureServer(r -> status(404, Fixtures.read(v, "account-not-found.json")));
         CosmosRestClient rest = client(s)) {
      assertFalse(rest.account(ADDR).isPresent());
      CosmosException e = assertThrows(CosmosException.class, () -> rest.account("cosmos1/../../x"));
      assertTrue(e.getMessage().startsWith("address:"), e.getMessage());
      assertEquals(1, s.requests.size());
    }
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void balancesFollowPaginationAndByDenomEscapesTheDenom(String v) throws Exception {
    try (FixtureServer s = new FixtureServer(r -> {
      if (r.target.contains("by_denom")) {
        return fixture(v, "balance-by-denom.json");
      }
      return fixture(v, r.target.contains("pagination.key") ? "balances-page2.json" : "balances-page1.json");
    }); CosmosRestClient rest = client(s)) {
      List<Coin> all = rest.balances(ADDR);
      assertEquals(List.of(
          Coin.of("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", 12),
          Coin.of("uatom", 1_000_000), Coin.of("uosmo", 5)), all);
      assertEquals("/cosmos/bank/v1beta1/balances/" + ADDR, s.requests.get(0).target);
      assertEquals("/cosmos/bank/v1beta1/balances/" + ADDR + "?pagination.key=FHVhdG9tAA%3D%3D", s.requests.get(1).target);
      BalancePage first = rest.balancesPage(ADDR, null, 2);
      assertEquals("FHVhdG9tAA==", first.nextKey().orElseThrow());
      assertTrue(s.requests.get(2).target.endsWith("?pagination.limit=2"));
      assertEquals(Coin.of("uatom", 1_000_000), rest.balance(ADDR, "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"));
      assertTrue(s.requests.get(3).target.endsWith("/by_denom?denom=ibc%2F27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"),
          s.requests.get(3).target);
    }
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void simulateGivesGasAndTheFeeHelpersRoundUp(String v) throws Exception {
    byte[] tx = Tx.bytes("sim");
    try (FixtureServer s = new FixtureServer(r -> fixture(v, "simulate.json")); CosmosRestClient rest = client(s)) {
      GasEstimate est = rest.simulate(tx);
      assertEquals(83456, est.gasUsed());
      assertEquals(v.equals("sdk-0.50") ? Long.MAX_VALUE : 0, est.gasWanted(), "0.50 reports the infinite meter's limit");
      assertEquals(108493, est.gasLimit());
      assertEquals(Coin.of("uatom", 2713), est.fee(GasPrice.parse("0.025uatom")));
      assertEquals("POST /cosmos/tx/v1beta1/simulate", s.requests.get(0).method + " " + s.requests.get(0).target);
      assertArrayEquals(tx, Tx.decode(s.requests.get(0).json().get("tx_bytes").asText()));
    }
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void failedSimulationsAreChainErrorsWithTheNativeDetail(String v) throws Exception {
    String[] files = {"simulate-sequence-mismatch.json", "simulate-wasm-failed.json", "simulate-out-of-gas.json"};
    AtomicInteger i = new AtomicInteger();
    try (FixtureServer s = new FixtureServer(r -> status(500, Fixtures.read(v, files[i.getAndIncrement()])));
         CosmosRestClient rest = client(s)) {
      ChainException seq = assertThrows(ChainException.class, () -> rest.simulate(Tx.bytes("a")));
      assertEquals(ErrorKind.NONCE_MISMATCH, seq.kind());
      assertEquals("grpc:2", seq.error().nativeCode().orElseThrow());
      assertEquals(7, CosmosErrors.expectedSequence(seq.error()).getAsLong());
      assertTrue(seq.getCause() instanceof TransportException);
      assertEquals(1, s.requests.size(), "a failed simulation is not retried");

      ChainException wasm = assertThrows(ChainException.class, () -> rest.simulate(Tx.bytes("b")));
      assertEquals(ErrorKind.REVERTED, wasm.kind());
      assertEquals("Unauthorized", wasm.error().revertReason().orElseThrow());

      ChainException gas = assertThrows(ChainException.class, () -> rest.simulate(Tx.bytes("c")));
      assertEquals(ErrorKind.OUT_OF_GAS, gas.kind());
      assertEquals(CHAIN, gas.error().chainId().orElseThrow());
    }
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void broadcastSyncReturnsTheHashAndCheckTxRefusalsAreTyped(String v) throws Exception {
    String[] files = {"broadcast-sync-ok.json", "broadcast-sync-insufficient-fee.json",
        "broadcast-sync-sequence-mismatch.json", "broadcast-sync-insufficient-funds.json", "broadcast-sync-mempool-full.json"};
    ErrorKind[] kinds = {null, ErrorKind.REJECTED_BY_NODE, ErrorKind.NONCE_MISMATCH, ErrorKind.INSUFFICIENT_FUNDS,
        ErrorKind.REJECTED_BY_NODE};
    String[] codes = {null, "sdk:13", "sdk:32", "sdk:5", "sdk:20"};
    AtomicInteger i = new AtomicInteger();
    try (FixtureServer s = new FixtureServer(r -> {
      String hash = Tx.hash(Tx.decode(r.json().get("tx_bytes").asText()));
      return ok(Fixtures.read(v, files[i.getAndIncrement()]).replace("${TXHASH}", hash));
    }); CosmosRestClient rest = client(s)) {
      for (int k = 0; k < files.length; k++) {
        byte[] tx = Tx.bytes("b" + k);
        BroadcastResult r = rest.broadcast(tx);
        assertEquals(Tx.hash(tx), r.txHash());
        assertEquals("BROADCAST_MODE_SYNC", s.requests.get(k).json().get("mode").asText());
        if (kinds[k] == null) {
          assertTrue(r.isAccepted());
          assertFalse(r.error(CHAIN).isPresent());
        } else {
          assertFalse(r.isAccepted());
          assertEquals(kinds[k], r.error(CHAIN).orElseThrow().kind(), files[k]);
          assertEquals(codes[k], r.error(CHAIN).orElseThrow().nativeCode().orElseThrow());
          assertEquals(r.log(), r.error(CHAIN).orElseThrow().nativeMessage().orElseThrow());
          assertEquals(Tx.hash(tx), r.error(CHAIN).orElseThrow().transactionId().orElseThrow());
        }
      }
    }
  }

  @Test
  void aBroadcastAnswerForAnotherTransactionIsMalformed() throws Exception {
    try (FixtureServer s = new FixtureServer(r -> ok(Fixtures.read("sdk-0.50", "broadcast-sync-ok.json")
        .replace("${TXHASH}", H1))); CosmosRestClient rest = client(s)) {
      TransportException e = assertThrows(TransportException.class, () -> rest.broadcast(Tx.bytes("x")));
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
      assertEquals("/tx_response", e.path().orElseThrow());
    }
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void txByHashFoundFailedAndNotFound(String v) throws Exception {
    try (FixtureServer s = new FixtureServer(r -> {
      if (r.target.endsWith(H1)) {
        return fixture(v, "tx-success.json");
      }
      if (r.target.endsWith(H2)) {
        return fixture(v, "tx-wasm-failed.json");
      }
      return status(404, Fixtures.read(v, "tx-not-found.json"));
    }); CosmosRestClient rest = client(s)) {
      TxResult ok = rest.tx(H1.toLowerCase()).orElseThrow();
      assertEquals("/cosmos/tx/v1beta1/txs/" + H1, s.requests.get(0).target);
      assertEquals(H1, ok.txHash());
      assertEquals(1234567, ok.height());
      assertTrue(ok.isSuccess());
      assertEquals(108493, ok.gasWanted());
      assertEquals(83456, ok.gasUsed());
      assertEquals("2024-01-15T10:00:00Z", ok.timestamp().orElseThrow());
      assertEquals("1000uatom", ok.events("transfer").get(0).attribute("amount").orElseThrow());
      assertEquals(v.equals("sdk-0.50"), ok.events("transfer").get(0).attribute("msg_index").isPresent(),
          "0.50 puts msg_index on message events instead of logs");
      assertEquals(v.equals("sdk-0.50"), ok.log().isEmpty(), "0.50 leaves raw_log empty on success");

      TxResult failed = rest.tx(H2).orElseThrow();
      assertFalse(failed.isSuccess());
      assertEquals(ErrorKind.REVERTED, failed.error(CHAIN).orElseThrow().kind());
      assertEquals("wasm:5", failed.error(CHAIN).orElseThrow().nativeCode().orElseThrow());
      assertEquals("Unauthorized", failed.error(CHAIN).orElseThrow().revertReason().orElseThrow());
      assertEquals(121212, failed.gasUsed());

      assertFalse(rest.tx("AB".repeat(32)).isPresent());
      assertThrows(CosmosException.class, () -> rest.tx("XYZ"));
    }
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void waitingEndsIncludedExpiredOrTimedOut(String v) throws Exception {
    AtomicInteger polls = new AtomicInteger();
    AtomicInteger height = new AtomicInteger(1234565);
    try (FixtureServer s = new FixtureServer(r -> {
      if (r.target.startsWith("/cosmos/base/tendermint")) {
        return ok(Fixtures.read(v, "blocks-latest.json").replace("\"height\": \"1234570\"",
            "\"height\": \"" + height.incrementAndGet() + "\""));
      }
      if (r.target.endsWith(H1) && polls.incrementAndGet() >= 3) {
        return fixture(v, "tx-success.json");
      }
      return status(404, Fixtures.read(v, "tx-not-found.json"));
    }); CosmosRestClient rest = client(s)) {
      assertEquals(1234566, rest.latestHeight());
      TxResult r = rest.waitForInclusion(H1, 1234600, Duration.ofSeconds(10), Duration.ofMillis(5));
      assertEquals(1234567, r.height());
      assertEquals(3, polls.get());

      // H2 never shows up: the chain passes its timeout height
      ChainException expired = assertThrows(ChainException.class,
          () -> rest.waitForInclusion(H2, height.get() + 2, Duration.ofSeconds(10), Duration.ofMillis(5)));
      assertEquals(ErrorKind.EXPIRED, expired.kind());
      assertEquals(H2, expired.error().transactionId().orElseThrow());

      ChainException timeout = assertThrows(ChainException.class,
          () -> rest.waitForInclusion(H2, 0, Duration.ofMillis(60), Duration.ofMillis(10)));
      assertEquals(ErrorKind.TIMEOUT, timeout.kind());
    }
  }

  @ParameterizedTest(name = "Cosmos SDK {0}")
  @ValueSource(strings = {"sdk-0.47", "sdk-0.50"})
  void cosmwasmQueries(String v) throws Exception {
    try (FixtureServer s = new FixtureServer(r -> {
      String t = r.target;
      if (t.contains("/smart/")) {
        return t.endsWith(Base64.getUrlEncoder().encodeToString("{\"get_count\":{}}".getBytes(StandardCharsets.UTF_8)))
            ? fixture(v, "wasm-smart.json") : status(500, Fixtures.read(v, "wasm-smart-error.json"));
      }
      if (t.contains("/raw/")) {
        return fixture(v, t.endsWith(Base64.getUrlEncoder().encodeToString("count".getBytes(StandardCharsets.UTF_8)))
            ? "wasm-raw.json" : "wasm-raw-empty.json");
      }
      if (t.startsWith("/cosmwasm/wasm/v1/code/")) {
        return fixture(v, "wasm-code-info.json");
      }
      if (t.equals("/cosmwasm/wasm/v1/contract/" + CONTRACT)) {
        return fixture(v, "wasm-contract-info.json");
      }
      return status(404, Fixtures.read(v, "wasm-contract-not-found.json"));
    }); CosmosRestClient rest = client(s)) {
      assertEquals("{\"count\":42,\"owner\":\"" + ADDR + "\"}", rest.smartQuery(CONTRACT, "{\"get_count\":{}}"));
      ChainException bad = assertThrows(ChainException.class, () -> rest.smartQuery(CONTRACT, "{\"get_cnt\":{}}"));
      assertEquals(ErrorKind.REVERTED, bad.kind());
      assertEquals("Error parsing into type counter::msg::QueryMsg: unknown variant `get_cnt`, expected `get_count`",
          bad.error().revertReason().orElseThrow());

      assertArrayEquals("{\"count\":42}".getBytes(StandardCharsets.UTF_8),
          rest.rawQuery(CONTRACT, "count".getBytes(StandardCharsets.UTF_8)).orElseThrow());
      assertFalse(rest.rawQuery(CONTRACT, "nothing".getBytes(StandardCharsets.UTF_8)).isPresent());

      ContractInfo ci = rest.contractInfo(CONTRACT).orElseThrow();
      assertEquals(7, ci.codeId());
      assertEquals(ADDR, ci.creator());
      assertFalse(ci.admin().isPresent());
      assertEquals("counter", ci.label());
      assertEquals(1000, ci.createdHeight());
      assertFalse(rest.contractInfo("cosmos1nocontract").isPresent());

      CodeInfo code = rest.codeInfo(7).orElseThrow();
      assertEquals("/cosmwasm/wasm/v1/code/7", s.requests.get(s.requests.size() - 1).target);
      assertEquals("2F9F1AAF1A7C5F2BDE1CE0D7E6AE7C2A1D6C7E2B0C4E1F9E3D7C1A2B3C4D5E6F", code.checksum());
      assertEquals("Everybody", code.permission());
      assertThrows(CosmosException.class, () -> rest.codeInfo(0));
    }
  }

  @Test
  void malformedResponsesNameTheField() throws Exception {
    String[][] cases = {
        {"{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\",\"address\":\"" + ADDR
            + "\",\"account_number\":\"42\"}}", "/account/sequence"},
        {"{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\",\"address\":\"" + ADDR
            + "\",\"account_number\":\"4x2\",\"sequence\":\"1\"}}", "/account/account_number"},
        {"{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\",\"address\":\"" + ADDR
            + "\",\"account_number\":true,\"sequence\":\"1\"}}", "/account/account_number"},
        {"{\"account\":{\"@type\":\"/cosmos.vesting.v1beta1.DelayedVestingAccount\",\"base_vesting_account\":{}}}",
            "/account/base_vesting_account/base_account"},
        {"{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.ModuleAccount\",\"name\":\"x\"}}", "/account/base_account"},
        {"{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\",\"address\":\"" + ADDR
            + "\",\"pub_key\":{\"@type\":\"/cosmos.crypto.secp256k1.PubKey\",\"key\":\"!!\"},\"account_number\":\"1\",\"sequence\":\"1\"}}",
            "/account/pub_key/key"},
        {"{\"accounts\":[]}", "/account"},
        {"[1,2]", ""},
    };
    AtomicInteger i = new AtomicInteger();
    try (FixtureServer s = new FixtureServer(r -> ok(cases[i.getAndIncrement()][0])); CosmosRestClient rest = client(s)) {
      for (String[] c : cases) {
        TransportException e = assertThrows(TransportException.class, () -> rest.account(ADDR), c[0]);
        assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), c[0]);
        assertEquals(c[1], e.path().orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().contains(c[1]), e.getMessage());
      }
    }
  }

  @Test
  void oversizedBodiesAreRejectedNotBuffered() throws Exception {
    StringBuilder big = new StringBuilder("{\"balances\":[");
    for (int k = 0; k < 2000; k++) {
      big.append(k == 0 ? "" : ",").append("{\"denom\":\"uatom\",\"amount\":\"1\"}");
    }
    big.append("],\"pagination\":null}");
    try (FixtureServer s = new FixtureServer(r -> ok(big.toString()));
         CosmosRestClient rest = CosmosRestClient.of(RestClient.builder(s.url()).retryPolicy(FAST)
             .maxResponseBytes(16 * 1024).build(), CHAIN)) {
      TransportException e = assertThrows(TransportException.class, () -> rest.balances(ADDR));
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
      assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }
  }
}
