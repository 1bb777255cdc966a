package dev.cairn.apicheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two API dumps (the {@link PublicApi#render()} form) and classifies every difference:
 * a removed or changed class or member is BREAKING (existing callers may no longer link or
 * compile); an added one is compatible (but the baseline must still be re-recorded, so that API
 * growth is a deliberate, reviewed step).
 */
final class ApiDiff {

  /** One difference, with the class it belongs to. */
  record Change(boolean breaking, String what, String className, String line, String was) {
    String describe() {
      StringBuilder sb = new StringBuilder(breaking ? "BREAKING   " : "compatible ");
      sb.append(what).append(": ").append(className);
      if (line != null) {
        sb.append("\n      + ").append(line);
      }
      if (was != null) {
        sb.append("\n      - ").append(was);
      }
      return sb.toString();
    }
  }

  private record ClassBlock(String header, Set<String> members) {}

  private ApiDiff() {}

  /** Parses a dump into class name to (header, members). Fails on text that is not a dump. */
  private static Map<String, ClassBlock> parse(String dump, String source) {
    Map<String, ClassBlock> out = new LinkedHashMap<>();
    ClassBlock current = null;
    String[] lines = dump.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      if (current == null) {
        if (!line.endsWith(" {")) {
          throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected a class header, got: " + line);
        }
        String header = line.substring(0, line.length() - 2);
        current = new ClassBlock(header, new LinkedHashSet<>());
        out.put(className(header), current);
      } else if (line.equals("}")) {
        current = null;
      } else if (line.startsWith("\t")) {
        current.members().add(line.substring(1));
      } else {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected a member or '}', got: " + line);
      }
    }
    if (current != null) {
      throw new IllegalArgumentException(source + ": the last class block is not closed");
    }
    return out;
  }

  /** The class name of a header: its first token with a '/' in it (classes are never in the default package). */
  static String className(String header) {
    for (String tok : header.split(" ")) {
      if (tok.indexOf('/') >= 0) {
        return tok;
      }
    }
    return header;
  }

  /** The matching key of a member line: its kind and name ("fun decode", "field ORDER"). */
  static String memberKey(String line) {
    String[] toks = line.split(" ");
    for (int i = 0; i + 1 < toks.length; i++) {
      if (toks[i].equals("fun") || toks[i].equals("field")) {
        return toks[i] + " " + toks[i + 1];
      }
    }
    return line;
  }

  /** Every difference from {@code baseline} to {@code current}, in class order. */
  static List<Change> diff(String baseline, String current, String baselineName) {
    Map<String, ClassBlock> before = parse(baseline, baselineName);
    Map<String, ClassBlock> after = parse(current, "current API");
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, ClassBlock> e : before.entrySet()) {
      String name = e.getKey();
      ClassBlock was = e.getValue();
      ClassBlock now = after.get(name);
      if (now == null) {
        changes.add(new Change(true, "class removed (or no longer public)", name, null, was.header()));
        continue;
      }
      if (!was.header().equals(now.header())) {
        changes.add(new Change(true, "class declaration changed", name, now.header(), was.header()));
      }
      List<String> removed = new ArrayList<>();
      for (String m : was.members()) {
        if (!now.members().contains(m)) {
          removed.add(m);
        }
      }
      List<String> added = new ArrayList<>();
      for (String m : now.members()) {
        if (!was.members().contains(m)) {
          added.add(m);
        }
      }
      for (String r : removed) {
        String key = memberKey(r);
        String replacement = null;
        for (String a : added) {
          if (memberKey(a).equals(key)) {
            replacement = a;
            break;
          }
        }
        if (replacement != null) {
          added.remove(replacement);
          changes.add(new Change(true, "member changed", name, replacement, r));
        } else {
          changes.add(new Change(true, "member removed", name, null, r));
        }
      }
      for (String a : added) {
        changes.add(new Change(false, "member added", name, a, null));
      }
    }
    for (Map.Entry<String, ClassBlock> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        changes.add(new Change(false, "class added", e.getKey(), e.getValue().header(), null));
      }
    }
    return changes;
  }
}
