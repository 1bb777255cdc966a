package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test harness: runs {@link WalletCli} in-process with in-memory streams. */
public final class Cli {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome of one run. */
  public record Result(int exitCode, String out, String err) {
    /** Stdout split into lines (without terminators). */
    public List<String> lines() {
      List<String> l = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < out.length(); i++) {
        if (out.charAt(i) == '\n') {
          l.add(out.substring(start, i));
          start = i + 1;
        }
      }
      if (start < out.length()) {
        l.add(out.substring(start));
      }
      return l;
    }

    /** Each stdout line parsed as JSON. */
    public List<JsonNode> json() {
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : lines()) {
        try {
          nodes.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("output line is not JSON: " + line, e);
        }
      }
      return nodes;
    }
  }

  private Cli() {}

  public static Result run(byte[] stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        WalletCli.execute(
            args,
            new ByteArrayInputStream(stdin),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public static Result run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), args);
  }

  /** Runs {@code wallet batch} over the given input lines and returns one answer per line. */
  public static List<JsonNode> batch(String... lines) {
    String input = String.join("\n", lines) + "\n";
    Result r = run(input, "batch");
    assertEquals(0, r.exitCode(), r.err());
    List<JsonNode> answers = r.json();
    assertEquals(lines.length, answers.size(), "one answer per input line: " + r.out());
    return answers;
  }

  /** One request, one answer. */
  public static JsonNode one(String line) {
    return batch(line).get(0);
  }
}
