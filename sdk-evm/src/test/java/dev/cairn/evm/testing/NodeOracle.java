package dev.cairn.evm.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of tools/oracle with node once for a whole batch: JSON lines in, JSON lines out.
 * Fails the calling test (never skips) when node or tools/oracle/node_modules is missing.
 */
public final class NodeOracle {
  private NodeOracle() {}

  /** The tools/oracle directory, found by walking up from the working directory. */
  public static Path oracleDir() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null) {
      Path o = p.resolve("tools").resolve("oracle");
      if (Files.isRegularFile(o.resolve("package.json"))) {
        return o;
      }
      p = p.getParent();
    }
    return fail("tools/oracle not found above " + Paths.get("").toAbsolutePath());
  }

  private static String nodeBinary() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        File f = new File(dir, "node");
        if (f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    return fail("node is not installed (needed for the differential tests against viem): run"
        + " scripts/setup.sh, then `npm ci --prefix tools/oracle`");
  }

  /**
   * Sends every line to {@code script} in one node process and returns its answers, one per line.
   */
  public static List<String> run(String script, List<String> lines) {
    Path dir = oracleDir();
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("viem"))) {
      fail("tools/oracle/node_modules is missing: run scripts/setup.sh"
          + " (or `npm ci --prefix tools/oracle`) to install viem");
    }
    String node = nodeBinary();
    try {
      Process proc = new ProcessBuilder(node, script).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try (BufferedWriter w = new BufferedWriter(
            new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8))) {
          for (String l : lines) {
            w.write(l);
            w.write('\n');
          }
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      List<String> out = new ArrayList<>(lines.size());
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          out.add(l);
        }
      }
      writer.join();
      if (!proc.waitFor(60, TimeUnit.SECONDS)) {
        proc.destroyForcibly();
        fail("node " + script + " did not exit");
      }
      if (proc.exitValue() != 0) {
        fail("node " + script + " exited with " + proc.exitValue());
      }
      if (out.size() != lines.size()) {
        fail("node " + script + " answered " + out.size() + " lines for " + lines.size());
      }
      return out;
    } catch (IOException e) {
      return fail("cannot run node " + script + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }
}
