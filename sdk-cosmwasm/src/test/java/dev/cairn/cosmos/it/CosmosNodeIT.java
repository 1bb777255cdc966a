package dev.cairn.cosmos.it;

import static dev.cairn.cosmos.testsupport.FixtureServer.ok;
import static dev.cairn.cosmos.testsupport.FixtureServer.rpcError;
import static dev.cairn.cosmos.testsupport.FixtureServer.rpcResult;
import static dev.cairn.cosmos.testsupport.FixtureServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainId;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.rest.CosmosAccount;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.rpc.BlockInfo;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.cosmos.rpc.NodeStatus;
import dev.cairn.cosmos.testsupport.FixtureServer;
import dev.cairn.cosmos.testsupport.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The integration suite of the Cosmos clients. It always runs against the scripted servers (Cosmos
 * SDK 0.50 REST shapes, CometBFT 0.38 RPC shapes); it also runs against a real node when given one:
 *
 * <pre>
 * mvn -B -o verify -pl sdk-cosmwasm -am -Dit.test=CosmosNodeIT \
 *     -Dcairn.cosmos.rest=http://127.0.0.1:1317 -Dcairn.cosmos.rpc=http://127.0.0.1:26657 \
 *     -Dcairn.cosmos.address=cosmos1... [-Dcairn.cosmos.contract=cosmos1... -Dcairn.cosmos.query='{"config":{}}']
 * </pre>
 *
 * The address must exist on the chain. Without these properties the real-node test is skipped
 * with a message saying so.
 */
class CosmosNodeIT {
  static final String ADDR = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";
  static final String CONTRACT = "cosmos14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s4hmalr";

  /** Runs the suite against one REST and one RPC endpoint; returns what it read for further checks. */
  static final class Observed {
    NodeStatus status;
    CosmosAccount account;
    List<Coin> balances;
    long restHeight;
    BlockInfo block;
    String smart;
  }

  static Observed suite(String restUrl, String rpcUrl, String address, String contract, String query) {
    Observed o = new Observed();
    try (CometRpcClient rpc = CometRpcClient.create(rpcUrl, null)) {
      o.status = rpc.status();
      assertFalse(o.status.network().isEmpty());
      assertTrue(o.status.latestBlockHeight() > 0);
      ChainId chain = ChainId.cosmos(o.status.network());
      o.block = rpc.block(o.status.latestBlockHeight());
      assertEquals(o.status.network(), o.block.chainId(), "the block is of the node's chain");
      assertEquals(o.status.latestBlockHeight(), o.block.height());
      assertFalse(rpc.tx("00".repeat(32)).isPresent(), "an unknown hash is not found");
      try (CosmosRestClient rest = CosmosRestClient.create(restUrl, chain)) {
        o.account = rest.account(address).orElseThrow(() -> new AssertionError("no account " + address));
        assertEquals(address, o.account.address());
        assertTrue(o.account.accountNumber() >= 0 && o.account.sequence() >= 0);
        o.balances = rest.balances(address);
        for (Coin c : o.balances) {
          assertEquals(c, rest.balance(address, c.denom()), "balance by denom agrees with the list");
        }
        o.restHeight = rest.latestHeight();
        assertTrue(Math.abs(o.restHeight - o.status.latestBlockHeight()) < 50, "REST and RPC see the same chain");
        assertFalse(rest.tx("00".repeat(32)).isPresent());
        if (contract != null) {
          o.smart = rest.smartQuery(contract, query);
          assertTrue(rest.contractInfo(contract).orElseThrow().codeId() > 0);
        }
      }
    }
    return o;
  }

  @Test
  void scriptedNodeOfSdk050AndCometBft038() throws Exception {
    String sdk = "sdk-0.50";
    String comet = "cometbft-0.38";
    try (FixtureServer rest = new FixtureServer(r -> {
      String t = r.target;
      if (t.startsWith("/cosmos/auth/v1beta1/accounts/")) {
        return ok(Fixtures.read(sdk, "account-base.json"));
      }
      if (t.contains("/by_denom?denom=uatom")) {
        return ok(Fixtures.read(sdk, "balance-by-denom.json"));
      }
      if (t.contains("/by_denom?denom=uosmo")) {
        return ok("{\"balance\":{\"denom\":\"uosmo\",\"amount\":\"5\"}}");
      }
      if (t.contains("/by_denom?denom=ibc")) {
        return ok("{\"balance\":{\"denom\":\"ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2\",\"amount\":\"12\"}}");
      }
      if (t.startsWith("/cosmos/bank/v1beta1/balances/")) {
        return ok(Fixtures.read(sdk, t.contains("pagination.key") ? "balances-page2.json" : "balances-page1.json"));
      }
      if (t.startsWith("/cosmos/base/tendermint/v1beta1/blocks/latest")) {
        return ok(Fixtures.read(sdk, "blocks-latest.json"));
      }
      if (t.startsWith("/cosmos/tx/v1beta1/txs/")) {
        return status(404, Fixtures.read(sdk, "tx-not-found.json"));
      }
      if (t.contains("/smart/")) {
        return ok(Fixtures.read(sdk, "wasm-smart.json"));
      }
      if (t.startsWith("/cosmwasm/wasm/v1/contract/")) {
        return ok(Fixtures.read(sdk, "wasm-contract-info.json"));
      }
      return status(501, "{\"code\":12,\"message\":\"Not Implemented\",\"details\":[]}");
    }); FixtureServer rpc = new FixtureServer(r -> {
      String m = r.json().get("method").asText();
      if (m.equals("status")) {
        return rpcResult(r, Fixtures.read(comet, "status.json").replace("1234570", "1234567"));
      }
      if (m.equals("block")) {
        return rpcResult(r, Fixtures.read(comet, "block.json"));
      }
      return rpcError(r, Fixtures.read(comet, "tx-not-found.error.json"));
    })) {
      Observed o = suite(rest.url(), rpc.url(), ADDR, CONTRACT, "{\"get_count\":{}}");
      assertEquals("cosmoshub-4", o.status.network());
      assertEquals(42, o.account.accountNumber());
      assertEquals(7, o.account.sequence());
      assertEquals(3, o.balances.size());
      assertEquals(1234570, o.restHeight);
      assertEquals(1, o.block.txCount());
      assertEquals("{\"count\":42,\"owner\":\"" + ADDR + "\"}", o.smart);
    }
  }

  @Test
  void realNodeWhenGiven() {
    String rest = System.getProperty("cairn.cosmos.rest");
    String rpc = System.getProperty("cairn.cosmos.rpc");
    String address = System.getProperty("cairn.cosmos.address");
    Assumptions.assumeTrue(rest != null && rpc != null && address != null,
        "no real node given: set -Dcairn.cosmos.rest=<REST URL> -Dcairn.cosmos.rpc=<CometBFT RPC URL> "
            + "-Dcairn.cosmos.address=<an existing account> (optionally -Dcairn.cosmos.contract=<addr> "
            + "-Dcairn.cosmos.query=<smart query JSON>) to run this suite against it");
    String contract = System.getProperty("cairn.cosmos.contract");
    String query = Optional.ofNullable(System.getProperty("cairn.cosmos.query")).orElse("{\"config\":{}}");
    Observed o = suite(rest, rpc, address, contract, query);
    System.out.println("real node " + o.status + ", account " + o.account + ", " + o.balances.size() + " balances");
  }
}
