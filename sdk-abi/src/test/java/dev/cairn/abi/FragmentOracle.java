package dev.cairn.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tools/oracle/abi-fragments.mjs} (ethers 6 and viem) once for a batch of JSON
 * requests. Fails, never skips, when node or the oracle's node_modules are missing.
 */
final class FragmentOracle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FragmentOracle() {}

  static Path oracleDir() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("tools/oracle/package.json"))) {
        return p.resolve("tools/oracle");
      }
    }
    throw new AssertionError("tools/oracle not found above " + dir);
  }

  /** Sends the requests (JSON objects) and returns one answer per request. */
  static List<JsonNode> run(List<? extends Object> requests) throws IOException, InterruptedException {
    Path dir = oracleDir();
    if (!Files.isDirectory(dir.resolve("node_modules/ethers"))
        || !Files.isDirectory(dir.resolve("node_modules/viem"))) {
      throw new AssertionError(
          "the JS oracle is not installed: run scripts/setup.sh (or npm ci --prefix tools/oracle)");
    }
    Process proc;
    try {
      proc =
          new ProcessBuilder("node", dir.resolve("abi-fragments.mjs").toString())
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      throw new AssertionError("node is not installed: run scripts/setup.sh", e);
    }
    List<JsonNode> out = new ArrayList<>(requests.size());
    Thread writer =
        new Thread(
            () -> {
              try (Writer w = new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Object r : requests) {
                  w.write(JSON.writeValueAsString(r));
                  w.write('\n');
                }
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            });
    writer.start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(JSON.readTree(line));
      }
    }
    writer.join();
    if (!proc.waitFor(60, TimeUnit.SECONDS)) {
      proc.destroyForcibly();
      throw new AssertionError("oracle did not exit");
    }
    if (out.size() != requests.size()) {
      throw new AssertionError("oracle answered " + out.size() + " of " + requests.size() + " requests");
    }
    return out;
  }
}
