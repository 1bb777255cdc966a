package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * README.md's ```java blocks cannot rot: each must equal (after normalising indentation) a region
 * of the snippet sources in api-check/src/test/java/dev/cairn/apicheck/snippets, which compile
 * against the real modules in this build. To change a README example, change both: the region in
 * ReadmeSnippets.java (it must compile) and the block in README.md (it must match).
 */
class ReadmeSnippetsTest {

  static final String SNIPPETS = "api-check/src/test/java/dev/cairn/apicheck/snippets/ReadmeSnippets.java";

  @Test
  void everyJavaBlockOfTheReadmeIsCompiledCode() throws IOException {
    String readme = Files.readString(Reactor.root().resolve("README.md"));
    List<Snippets.Block> blocks = Snippets.markdownJavaBlocks(readme);
    assertFalse(blocks.isEmpty(), "README.md has no ```java block: the extraction is broken");
    Map<String, String> regions = Snippets.regions();
    Set<String> used = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (Snippets.Block b : blocks) {
      String match = null;
      for (Map.Entry<String, String> r : regions.entrySet()) {
        if (r.getValue().equals(b.text())) {
          match = r.getKey();
          break;
        }
      }
      if (match == null) {
        problems.add("README.md:" + b.line() + ": the ```java block starting `" + b.firstLine()
            + "` equals no region of the compiled snippets (" + SNIPPETS + ")"
            + closest(b, regions));
      } else {
        used.add(match);
      }
    }
    for (String name : regions.keySet()) {
      if (name.startsWith("readme.") && !used.contains(name)) {
        problems.add(SNIPPETS + ": region " + name + " is in no README.md block any more: delete it or put the block back");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** The region that starts like the block, with the first line where they part. */
  private static String closest(Snippets.Block b, Map<String, String> regions) {
    for (Map.Entry<String, String> r : regions.entrySet()) {
      String[] want = b.text().split("\n");
      String[] have = r.getValue().split("\n");
      if (have.length > 0 && want.length > 0 && have[0].equals(want[0])) {
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
          String w = i < want.length ? want[i] : "(end)";
          String h = i < have.length ? have[i] : "(end)";
          if (!w.equals(h)) {
            return "; region " + r.getKey() + " starts the same but differs at its line " + (i + 1)
                + ":\n    README:  " + w + "\n    region:  " + h;
          }
        }
      }
    }
    return "";
  }
}
