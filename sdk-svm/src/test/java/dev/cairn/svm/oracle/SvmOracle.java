package dev.cairn.svm.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sdk-svm tests' bridge to {@code tools/svm-oracle/svm.mjs} (@solana/web3.js 1.98.4,
 * @solana/kit 8.4.0 and @solana/spl-token behind it): a Jackson codec over the testing kit's
 * {@link LazyOracle}, which owns the process (start, package checks, timeouts, correlation by id,
 * shutdown). The versions are pinned by the handshake, so a reinstall with other versions fails
 * every test with a message instead of comparing against something else.
 *
 * <p>Requests are objects {@code {"op":...}}; the bridge adds the {@code id}. Answers are {@code
 * {"ok":true,...}} or {@code {"ok":false,"error":...}}.
 */
public final class SvmOracle implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The versions the differential tests were written against. */
  static final String WEB3JS_VERSION = "1.98.4";
  static final String KIT_VERSION = "8.4.0";

  private static final LazyOracle ORACLE = OracleScript.of(scriptPath())
      .requirePackages("@solana/web3.js", "@solana/kit", "@solana/spl-token")
      .correlateById("id")
      .handshake("{\"op\":\"versions\"}", SvmOracle::pinnedVersions)
      .setupHint("run scripts/setup.sh (it installs tools/svm-oracle's pinned packages) and make sure node 18+ is on the PATH")
      .lazy();
  private static final SvmOracle SHARED = new SvmOracle();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ORACLE::close));
  }

  private SvmOracle() {}

  private static Path scriptPath() {
    String dir = System.getProperty("cairn.svmOracle", "../tools/svm-oracle");
    return Path.of(dir).resolve("svm.mjs");
  }

  private static boolean pinnedVersions(String answer) {
    try {
      JsonNode v = JSON.readTree(answer);
      return WEB3JS_VERSION.equals(v.path("web3js").asText()) && KIT_VERSION.equals(v.path("kit").asText());
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** The bridge for this JVM (the node process starts on first use and stops at exit). */
  public static SvmOracle get() {
    return SHARED;
  }

  public static ObjectNode request(String op) {
    return JSON.createObjectNode().put("op", op);
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** Sends one request and waits for its answer; fails the test when the oracle reports an error. */
  public JsonNode call(ObjectNode req) {
    JsonNode r = callRaw(req);
    if (!r.path("ok").asBoolean()) {
      throw new AssertionError("svm oracle: " + r.path("error").asText() + " for " + req);
    }
    return r;
  }

  /** Sends one request; returns the answer whether ok or not. */
  public JsonNode callRaw(ObjectNode req) {
    return callAllRaw(List.of(req)).get(0);
  }

  /**
   * Sends every request at once (pipelined) and returns the answers in request order; fails the test
   * on the first answer that is an error, naming its request.
   */
  public List<JsonNode> callAll(List<ObjectNode> reqs) {
    List<JsonNode> answers = callAllRaw(reqs);
    for (int i = 0; i < answers.size(); i++) {
      if (!answers.get(i).path("ok").asBoolean()) {
        throw new AssertionError("svm oracle: " + answers.get(i).path("error").asText() + " for request " + i + ": " + reqs.get(i));
      }
    }
    return answers;
  }

  /** {@link #callAll} without the check: the answers whether ok or not. */
  public List<JsonNode> callAllRaw(List<ObjectNode> reqs) {
    List<String> lines = new ArrayList<>(reqs.size());
    for (ObjectNode r : reqs) {
      ObjectNode copy = r.deepCopy();
      copy.remove("id"); // the bridge numbers the requests
      lines.add(copy.toString());
    }
    List<String> raw = ORACLE.get().callAll(lines);
    List<JsonNode> out = new ArrayList<>(raw.size());
    for (String s : raw) {
      try {
        out.add(JSON.readTree(s));
      } catch (JsonProcessingException e) {
        throw new AssertionError("svm oracle answered non-JSON: " + s, e);
      }
    }
    return out;
  }

  /** Stops the node process (kept from the earlier API); the next call starts it again. */
  @Override
  public void close() {
    ORACLE.close();
  }
}
