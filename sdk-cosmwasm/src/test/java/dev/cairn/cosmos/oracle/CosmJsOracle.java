package dev.cairn.cosmos.oracle;

import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CosmJS 0.39 oracle ({@code tools/cosmos-oracle/cosmos.mjs}) through the testing kit's bridge:
 * one node process per JVM, requests correlated by id, the CosmJS version pinned by a handshake.
 */
public final class CosmJsOracle {
  private CosmJsOracle() {}

  private static final LazyOracle ORACLE = OracleScript
      .of(Path.of(System.getProperty("cairn.cosmosOracle", "../tools/cosmos-oracle")).resolve("cosmos.mjs"))
      .requirePackages("@cosmjs/stargate", "@cosmjs/proto-signing", "@cosmjs/amino", "@cosmjs/cosmwasm", "cosmjs-types")
      .correlateById("id")
      .timeout(Duration.ofSeconds(180))
      .handshake("{\"op\":\"version\"}", answer -> answer.contains("\"cosmjs\":\"0.39.0\""))
      .setupHint("run scripts/setup.sh (it installs tools/cosmos-oracle's pinned CosmJS packages)")
      .lazy();

  /** Sends one request without waiting (pipelined with the Java side's work). */
  public static java.util.concurrent.CompletableFuture<JsonObject> send(JsonObject request) {
    return ORACLE.get().send(Json.write(request)).thenApply(answer -> {
      JsonObject o = Json.parse(answer).asObject("answer");
      JsonValue ok = o.get("ok");
      if (ok == null || !ok.asBoolean("ok")) {
        throw new AssertionError("CosmJS oracle failed: " + answer);
      }
      return o;
    });
  }

  /** Sends one request; fails the test when CosmJS reports an error for the whole request. */
  public static JsonObject call(JsonObject request) {
    String answer = ORACLE.get().call(Json.write(request));
    JsonObject o = Json.parse(answer).asObject("answer");
    JsonValue ok = o.get("ok");
    if (ok == null || !ok.asBoolean("ok")) {
      throw new AssertionError("CosmJS oracle failed: " + answer);
    }
    return o;
  }
}
