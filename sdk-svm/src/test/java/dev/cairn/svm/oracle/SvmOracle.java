package dev.cairn.svm.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived {@code node tools/svm-oracle/svm.mjs} process spoken to in line-delimited JSON
 * (@solana/web3.js 1.x and @solana/spl-token behind it). Private to these tests until the testing
 * kit's shared oracle bridge exists; then this class should become a thin use of it.
 */
public final class SvmOracle implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SvmOracle shared;

  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;
  private long nextId = 1;

  private SvmOracle(Path dir) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("node", "svm.mjs").directory(dir.toFile());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    process = pb.start();
    in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The shared process for this JVM (started on first use, stopped at exit). */
  public static synchronized SvmOracle get() {
    if (shared == null) {
      String dir = System.getProperty("cairn.svmOracle", "../tools/svm-oracle");
      Path p = Path.of(dir);
      if (!Files.isDirectory(p.resolve("node_modules/@solana/web3.js"))) {
        throw new IllegalStateException(
            "tools/svm-oracle is not installed (run scripts/setup.sh): " + p.toAbsolutePath() + File.separator + "node_modules");
      }
      try {
        shared = new SvmOracle(p);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start node for the svm oracle", e);
      }
      SvmOracle s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    }
    return shared;
  }

  public static ObjectNode request(String op) {
    return JSON.createObjectNode().put("op", op);
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** Sends one request and waits for its answer; fails the test when the oracle reports an error. */
  public synchronized JsonNode call(ObjectNode req) {
    JsonNode r = callRaw(req);
    if (!r.path("ok").asBoolean()) {
      throw new AssertionError("svm oracle: " + r.path("error").asText() + " for " + req);
    }
    return r;
  }

  /** Sends one request; returns the answer whether ok or not. */
  public synchronized JsonNode callRaw(ObjectNode req) {
    long id = nextId++;
    req.put("id", id);
    try {
      in.write(JSON.writeValueAsString(req));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("svm oracle exited");
      }
      JsonNode r = JSON.readTree(line);
      if (r.path("id").asLong() != id) {
        throw new IllegalStateException("svm oracle answered " + r.path("id") + " to " + id);
      }
      return r;
    } catch (IOException e) {
      throw new IllegalStateException("svm oracle I/O", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      in.close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (IOException | InterruptedException e) {
      process.destroy();
    }
  }
}
