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

  /** The region sharing the most leading lines with the block, and the first line where they part. */
  private static String closest(Snippets.Block b, Map<String, String> regions) {
    String[] want = b.text().split("\n");
    String best = null;
    int bestSame = 0;
    for (Map.Entry<String, String> r : regions.entrySet()) {
      String[] have = r.getValue().split("\n");
      int same = 0;
      while (same < want.length && same < have.length && want[same].equals(have[same])) {
        same++;
      }
      if (same > bestSame || (same == bestSame && same > 0 && r.getKey().startsWith("readme."))) {
        best = r.getKey();
        bestSame = same;
      }
    }
    if (best == null) {
      return "";
    }
    String[] have = regions.get(best).split("\n");
    String w = bestSame < want.length ? want[bestSame] : "(end)";
    String h = bestSame < have.length ? have[bestSame] : "(end)";
    return "; region " + best + " differs at its line " + (bestSame + 1)
        + ":\n    README:  " + w + "\n    region:  " + h;
  }
}
