package dev.cairn.abi.differential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleProcess;
import dev.cairn.testing.oracle.OracleScript;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The viem/ethers oracle {@code tools/oracle/abi.mjs} through the testing kit's bridge
 * ({@link OracleScript}; the kit owns the process, pipelining, timeouts and the checks for a missing
 * node or package): this class only adds Jackson on both ends and the pinned-version handshake.
 * Answers are {@code {"ok":true,"result":...}} or {@code {"ok":false,"error":"..."}}, matched to
 * requests by the {@code id} the script echoes.
 */
public final class NodeOracle {
  /**
   * Shared JSON mapper for building requests and reading responses. It writes every non-ASCII
   * character as a JSON unicode escape, so that strings (unpaired surrogates included) reach node
   * exactly as Java holds them.
   */
  public static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** The viem version the differential tests were written against. */
  static final String VIEM_VERSION = "2.57.20";

  private static final OracleScript SCRIPT = OracleScript.project("abi.mjs")
      .requirePackages("viem", "ethers")
      .correlateById("id")
      .handshake("{\"op\":\"version\"}", NodeOracle::expectedVersion);

  private final OracleProcess process;

  private NodeOracle(OracleProcess process) {
    this.process = process;
  }

  private static boolean expectedVersion(String answer) {
    JsonNode v = parse(answer);
    return v.path("ok").asBoolean() && VIEM_VERSION.equals(v.path("result").path("viem").asText());
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("oracle answer is not JSON: " + line, e);
    }
  }

  /**
   * An oracle started on first use and shared by the tests of one class: each test that needs it
   * calls {@link Lazy#get()} (so that a missing node fails every such test), and an
   * {@code @AfterContainer} method calls {@link Lazy#close()}.
   */
  public static Lazy lazy() {
    return new Lazy(SCRIPT.lazy());
  }

  /** See {@link #lazy()}. */
  public static final class Lazy implements AutoCloseable {
    private final LazyOracle delegate;

    private Lazy(LazyOracle delegate) {
      this.delegate = delegate;
    }

    /** The running oracle; the same failure again if starting it failed. */
    public NodeOracle get() {
      return new NodeOracle(delegate.get());
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Sends all requests (pipelined) and returns the responses in request order. */
  public List<JsonNode> call(List<? extends JsonNode> batch) {
    List<String> lines = new ArrayList<>(batch.size());
    try {
      for (JsonNode r : batch) {
        lines.add(JSON.writeValueAsString(r));
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    List<String> answers = process.callAll(lines);
    List<JsonNode> out = new ArrayList<>(answers.size());
    for (String a : answers) {
      out.add(parse(a));
    }
    return out;
  }

  /** One request; see {@link #call(List)}. */
  public JsonNode call(JsonNode request) {
    return call(List.of(request)).get(0);
  }

  /** The result of a successful response, or an AssertionError quoting the oracle's error. */
  public static JsonNode result(JsonNode response, Object context) {
    if (!response.path("ok").asBoolean()) {
      throw new AssertionError("oracle error for " + context + ": " + response.path("error"));
    }
    return response.get("result");
  }
}
