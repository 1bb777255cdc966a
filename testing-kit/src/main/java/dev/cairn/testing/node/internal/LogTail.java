package dev.cairn.testing.node.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** The last lines a child process printed, bounded in lines and in characters per line. */
public final class LogTail {
  /** Longest line kept (longer ones are cut, saying so). */
  public static final int MAX_LINE = 2000;

  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final int maxLines;
  private long total;

  /** A tail of at most {@code maxLines} lines. */
  public LogTail(int maxLines) {
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines must be positive: " + maxLines);
    }
    this.maxLines = maxLines;
  }

  /** Adds one line. */
  public synchronized void add(String line) {
    String l = line.length() > MAX_LINE
        ? line.substring(0, MAX_LINE) + "... (" + (line.length() - MAX_LINE) + " more characters)"
        : line;
    lines.addLast(l);
    total++;
    if (lines.size() > maxLines) {
      lines.removeFirst();
    }
  }

  /** The kept lines joined by newlines, preceded by a note when earlier lines were dropped. */
  public synchronized String text() {
    StringBuilder sb = new StringBuilder();
    if (total > lines.size()) {
      sb.append("(").append(total - lines.size()).append(" earlier lines dropped)\n");
    }
    return sb.append(String.join("\n", lines)).toString();
  }

  /**
   * Starts a daemon thread that reads {@code in} line by line into this tail, handing each line to
   * {@code onLine} first (may be null), and calls {@code onEnd} (may be null) at end of stream.
   */
  public Thread pump(InputStream in, String threadName, Consumer<String> onLine, Runnable onEnd) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (onLine != null) {
            onLine.accept(line);
          }
          add(line);
        }
      } catch (IOException e) {
        // the process ended or the stream was closed
      } finally {
        if (onEnd != null) {
          onEnd.run();
        }
      }
    }, threadName);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
