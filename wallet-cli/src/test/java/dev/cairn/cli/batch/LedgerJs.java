package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * sdk-hsm's ledgerjs bridges (tools/ledger-oracle/ledger.cjs for @ledgerhq/hw-app-eth, apps.cjs for
 * @ledgerhq/hw-app-solana, @ledgerhq/hw-app-cosmos and @zondax/ledger-cosmos-js) through
 * testing-kit's oracle classes: each call runs the npm client over a recording mock transport that
 * answers with the given responses, and returns the command APDUs it sent (hex, no 0x).
 */
final class LedgerJs {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Path.of(System.getProperty("cairn.ledgerOracle", "../tools/ledger-oracle"));
  private static final LazyOracle ETH = OracleScript.of(DIR.resolve("ledger.cjs"))
      .requirePackages("@ledgerhq/hw-app-eth", "@ledgerhq/hw-transport-mocker")
      .timeout(Duration.ofSeconds(60)).lazy();
  private static final LazyOracle APPS = OracleScript.of(DIR.resolve("apps.cjs"))
      .requirePackages("@ledgerhq/hw-app-solana", "@ledgerhq/hw-app-cosmos", "@zondax/ledger-cosmos-js",
          "@ledgerhq/hw-transport-mocker")
      .timeout(Duration.ofSeconds(60)).lazy();

  private LedgerJs() {}

  /** hw-app-eth: {@code request} is {op, path, ...} as ledger.cjs takes it. */
  static List<String> eth(ObjectNode request, List<String> responses) {
    request.set("responses", JSON.valueToTree(responses));
    JsonNode a = read(ETH.get().call(request.toString()));
    if (a.has("error")) {
      throw new AssertionError("hw-app-eth failed: " + a + " for " + request);
    }
    return strings(a.get("commands"));
  }

  /** apps.cjs: {@code op} solana | cosmos (hw-app-cosmos) | zondax. */
  static List<String> app(String op, String method, ObjectNode args, List<String> responses) {
    ObjectNode req = JSON.createObjectNode();
    req.put("op", op);
    req.put("method", method);
    req.set("args", args);
    req.set("responses", JSON.valueToTree(responses));
    JsonNode a = read(APPS.get().call(req.toString()));
    if (!a.path("ok").asBoolean()) {
      throw new AssertionError(op + " " + method + " failed: " + a + " for " + req);
    }
    return strings(a.get("apdus"));
  }

  static void close() {
    ETH.close();
    APPS.close();
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("oracle answer is not JSON: " + line, e);
    }
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(c -> out.add(c.asText()));
    return out;
  }
}
