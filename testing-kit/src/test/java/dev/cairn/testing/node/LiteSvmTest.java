package dev.cairn.testing.node;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LiteSVM launcher fails loudly, with the fix, when its pieces are missing. */
class LiteSvmTest {

  @Test
  void theProjectScriptIsFound() {
    Path s = LiteSvm.script();
    assertTrue(Files.isRegularFile(s), s.toString());
    assertTrue(s.endsWith(Path.of(LiteSvm.PROJECT_SCRIPT)), s.toString());
  }

  @Test
  void aMissingScriptFails() {
    NodeLaunchException e = assertThrows(NodeLaunchException.class,
        () -> LiteSvm.builder().script(Path.of("/nonexistent/litesvm-rpc.mjs")).start());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void missingPackagesFailWithTheSetupHint(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("litesvm-rpc.mjs");
    Files.writeString(script, "console.log('never run');\n");
    NodeLaunchException e = assertThrows(NodeLaunchException.class, () -> LiteSvm.builder().script(script).start());
    assertTrue(e.getMessage().contains("litesvm") && e.getMessage().contains("scripts/setup.sh"), e.getMessage());
  }

  @Test
  void aMissingNodeBinaryFails() {
    NodeLaunchException e = assertThrows(NodeLaunchException.class,
        () -> LiteSvm.builder().node(Path.of("/nonexistent/node")).start());
    assertTrue(e.getMessage().contains("/nonexistent/node"), e.getMessage());
  }
}
