package dev.cairn.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Code regions of the compiled snippet sources ({@code // region:name} ... {@code // endregion}
 * in api-check/src/test/java/dev/cairn/apicheck/snippets) and the comparison of documentation
 * code blocks with them.
 */
final class Snippets {
  private Snippets() {}

  static Path sourceDir() {
    return Reactor.root().resolve("api-check/src/test/java/dev/cairn/apicheck/snippets");
  }

  /** Every region of every snippet source, by name, normalised. Duplicate names are an error. */
  static Map<String, String> regions() {
    Map<String, String> out = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(sourceDir())) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path f : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = null;
      List<String> body = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String t = lines.get(i).strip();
        if (t.startsWith("// region:")) {
          if (name != null) {
            throw new IllegalStateException(f + ":" + (i + 1) + ": region inside region " + name);
          }
          name = t.substring("// region:".length()).strip();
          body.clear();
        } else if (t.equals("// endregion")) {
          if (name == null) {
            throw new IllegalStateException(f + ":" + (i + 1) + ": endregion without region");
          }
          if (out.put(name, normalise(body)) != null) {
            throw new IllegalStateException(f + ":" + (i + 1) + ": region " + name + " defined twice");
          }
          name = null;
        } else if (name != null) {
          body.add(lines.get(i));
        }
      }
      if (name != null) {
        throw new IllegalStateException(f + ": region " + name + " is not closed");
      }
    }
    return out;
  }

  /**
   * Normal form of a code block: tabs as two spaces, trailing blanks removed, blank lines at both
   * ends dropped, the common indentation removed.
   */
  static String normalise(List<String> lines) {
    List<String> l = new ArrayList<>();
    for (String s : lines) {
      l.add(s.replace("\t", "  ").stripTrailing());
    }
    while (!l.isEmpty() && l.get(0).isEmpty()) {
      l.remove(0);
    }
    while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
      l.remove(l.size() - 1);
    }
    int indent = Integer.MAX_VALUE;
    for (String s : l) {
      if (!s.isEmpty()) {
        indent = Math.min(indent, s.length() - s.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String s : l) {
      sb.append(s.isEmpty() ? "" : s.substring(indent)).append('\n');
    }
    return sb.toString();
  }

  /** A code block of a document: where it starts (1-based line) and its normalised text. */
  record Block(int line, String text) {
    String firstLine() {
      int nl = text.indexOf('\n');
      return nl < 0 ? text : text.substring(0, nl);
    }
  }

  /** Every ```java fenced block of a Markdown text. */
  static List<Block> markdownJavaBlocks(String markdown) {
    List<Block> out = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().equals("```java")) {
        int start = i + 1;
        List<String> body = new ArrayList<>();
        int j = start;
        while (j < lines.length && !lines[j].strip().equals("```")) {
          body.add(lines[j]);
          j++;
        }
        if (j == lines.length) {
          throw new IllegalStateException("README.md:" + (i + 1) + ": ```java block is not closed");
        }
        out.add(new Block(start + 1, normalise(body)));
        i = j;
      }
    }
    return out;
  }

  /**
   * The {@code <pre>{@code ...}</pre>} example of a package-info.java Javadoc, normalised, or null.
   */
  static String javadocExample(String source) {
    int start = source.indexOf("<pre>{@code");
    if (start < 0) {
      return null;
    }
    int end = source.indexOf("}</pre>", start);
    if (end < 0) {
      return null;
    }
    String body = source.substring(start + "<pre>{@code".length(), end);
    List<String> lines = new ArrayList<>();
    for (String l : body.split("\n", -1)) {
      String s = l.stripLeading();
      if (s.startsWith("* ")) {
        // " * " is the Javadoc margin; what follows it is the code (with its own indentation)
        lines.add(l.substring(l.indexOf('*') + 2));
      } else if (s.equals("*")) {
        lines.add("");
      } else {
        lines.add(l);
      }
    }
    return normalise(lines);
  }
}
