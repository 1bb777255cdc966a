package dev.cairn.hsm.ledger.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * tools/ledger-oracle/apps.cjs through testing-kit's oracle classes: ledgerjs's Solana client
 * (@ledgerhq/hw-app-solana), Ledger's Cosmos client (@ledgerhq/hw-app-cosmos) and Zondax's
 * (@zondax/ledger-cosmos-js) over a recording MockTransport of @ledgerhq/hw-transport-mocker.
 */
public final class LedgerJsOracle {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LazyOracle ORACLE = OracleScript
      .of(Path.of(System.getProperty("cairn.ledgerOracle", "../tools/ledger-oracle")).resolve("apps.cjs"))
      .requirePackages("@ledgerhq/hw-app-solana", "@ledgerhq/hw-app-cosmos", "@zondax/ledger-cosmos-js",
          "@ledgerhq/hw-transport-mocker")
      .timeout(Duration.ofSeconds(60))
      .lazy();

  private LedgerJsOracle() {}

  /** What ledgerjs did: the APDUs it sent and its result (or error). */
  public static final class Answer {
    public final boolean ok;
    public final List<String> apdus;
    public final JsonNode result;
    public final String error;

    Answer(JsonNode n) {
      this.ok = n.path("ok").asBoolean();
      this.apdus = JSON.convertValue(n.path("apdus"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
      this.result = n.path("result");
      this.error = n.path("error").asText(null);
    }
  }

  /**
   * Runs {@code op} ("solana", "cosmos" for hw-app-cosmos, "zondax") {@code method} with {@code args},
   * answering its commands with {@code responses}.
   */
  public static Answer call(String op, String method, Map<String, ?> args, List<String> responses) {
    ObjectNode req = JSON.createObjectNode();
    req.put("op", op);
    req.put("method", method);
    req.set("args", JSON.valueToTree(args));
    req.set("responses", JSON.valueToTree(responses));
    try {
      return new Answer(JSON.readTree(ORACLE.get().call(JSON.writeValueAsString(req))));
    } catch (java.io.IOException e) {
      throw new AssertionError("oracle answer is not JSON", e);
    }
  }

  /** The versions of the three npm clients. */
  public static JsonNode versions() {
    try {
      return JSON.readTree(ORACLE.get().call("{\"op\":\"versions\"}")).path("result");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  public static void close() {
    ORACLE.close();
  }
}
