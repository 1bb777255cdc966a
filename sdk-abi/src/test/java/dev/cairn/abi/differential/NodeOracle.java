package dev.cairn.abi.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The viem/ethers oracle as a child process: {@code node tools/oracle/abi.mjs}, spoken to in JSON
 * Lines. Start one per test class ({@link #start()}), send requests in large batches with {@link
 * #call(List)}, {@link #close()} at the end.
 *
 * <p>A missing node binary or a missing {@code tools/oracle/node_modules} is a test failure (an
 * {@link AssertionError} telling to run {@code scripts/setup.sh}), never a skip.
 */
public final class NodeOracle implements AutoCloseable {
  /** Shared JSON mapper for building requests and reading responses. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private static final String SETUP_HINT =
      " Run scripts/setup.sh (it installs the oracle's pinned viem and ethers, as "
          + "`npm ci --prefix tools/oracle`) and make sure node 18+ is on the PATH.";

  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;
  private final Thread stderrPump;
  private final StringBuffer stderr = new StringBuffer();
  private long requests;

  private NodeOracle(Process process) {
    this.process = process;
    this.in =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    this.out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    this.stderrPump =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (stderr.length() < 10_000) {
                    stderr.append(line).append('\n');
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "node-oracle-stderr");
    stderrPump.setDaemon(true);
    stderrPump.start();
  }

  /** Locates the project root: the nearest ancestor of the working directory holding tools/oracle. */
  public static Path projectRoot() {
    Path p = Paths.get("").toAbsolutePath();
    for (Path q = p; q != null; q = q.getParent()) {
      if (Files.isRegularFile(q.resolve("tools/oracle/package.json"))) {
        return q;
      }
    }
    throw new AssertionError("tools/oracle/package.json not found above " + p + "." + SETUP_HINT);
  }

  /**
   * Starts the oracle.
   *
   * @throws AssertionError if node, the script or the installed packages are missing
   */
  public static NodeOracle start() {
    Path root = projectRoot();
    Path script = root.resolve("tools/oracle/abi.mjs");
    if (!Files.isRegularFile(script)) {
      throw new AssertionError("missing " + script + "." + SETUP_HINT);
    }
    for (String pkg : new String[] {"viem", "ethers"}) {
      Path pj = root.resolve("tools/oracle/node_modules/" + pkg + "/package.json");
      if (!Files.isRegularFile(pj)) {
        throw new AssertionError(
            "the oracle package " + pkg + " is not installed (no " + pj + ")." + SETUP_HINT);
      }
    }
    Process proc;
    try {
      proc =
          new ProcessBuilder("node", script.toString())
              .directory(root.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (IOException e) {
      throw new AssertionError("cannot start node: " + e.getMessage() + "." + SETUP_HINT, e);
    }
    NodeOracle o = new NodeOracle(proc);
    ObjectNode ping = JSON.createObjectNode().put("op", "version");
    JsonNode v = o.call(List.of(ping)).get(0);
    if (!v.path("ok").asBoolean() || !"2.57.20".equals(v.path("result").path("viem").asText())) {
      o.close();
      throw new AssertionError("unexpected oracle version answer " + v + "." + SETUP_HINT);
    }
    return o;
  }

  /** How many requests this oracle has answered. */
  public long requests() {
    return requests;
  }

  /**
   * Sends all requests and returns the responses in order ({@code {"ok":true,"result":...}} or
   * {@code {"ok":false,"error":"..."}}). Requests are written by a separate thread so that large
   * batches cannot deadlock on full pipes.
   */
  public List<JsonNode> call(List<? extends JsonNode> batch) {
    AtomicReference<Throwable> writeError = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                for (JsonNode r : batch) {
                  in.write(JSON.writeValueAsString(r));
                  in.write('\n');
                }
                in.flush();
              } catch (Throwable t) {
                writeError.set(t);
              }
            },
            "node-oracle-writer");
    writer.start();
    List<JsonNode> responses = new ArrayList<>(batch.size());
    try {
      for (int i = 0; i < batch.size(); i++) {
        String line = out.readLine();
        if (line == null) {
          throw new AssertionError(
              "node oracle ended after " + i + " of " + batch.size() + " responses; stderr:\n"
                  + stderr);
        }
        responses.add(JSON.readTree(line));
      }
      writer.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (writeError.get() != null) {
      throw new AssertionError("writing to the node oracle failed", writeError.get());
    }
    requests += batch.size();
    return responses;
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

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
