package dev.cairn.testing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.testing.node.internal.Executables;
import dev.cairn.testing.node.internal.HttpPost;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic launcher and the node-script launcher, against a small Node.js JSON-RPC server. */
class NodeProcessTest {
  private static final String SERVER = String.join("\n",
      "import http from 'node:http';",
      "import { spawn } from 'node:child_process';",
      "const mode = process.argv[2] || 'ok';",
      "console.log('pid ' + process.pid);",
      "if (mode === 'crash') { console.error('boom: cannot open the database'); process.exit(3); }",
      "if (mode === 'child') { const c = spawn('sleep', ['300'], { stdio: 'ignore' }); console.log('child ' + c.pid); }",
      "const server = http.createServer((req, res) => {",
      "  let body = ''; req.on('data', (c) => (body += c)); req.on('end', () => {",
      "    if (mode === 'sick') { res.writeHead(500); res.end('sick'); return; }",
      "    const r = JSON.parse(body || '{}');",
      "    res.writeHead(200, { 'content-type': 'application/json' });",
      "    res.end(JSON.stringify({ jsonrpc: '2.0', id: r.id, result: r.method === 'echo' ? r.params : 'pong' }));",
      "  });",
      "});",
      "const port = process.argv[3] ? Number(process.argv[3]) : Number(process.env.PORT ?? 0);",
      "server.listen(port, '127.0.0.1', () => console.log('test server listening on 127.0.0.1:' + server.address().port));",
      "");

  @TempDir
  static Path dir;
  static Path script;

  @BeforeAll
  static void writeScript() throws IOException {
    script = dir.resolve("server.mjs");
    Files.writeString(script, SERVER);
  }

  private static Path node() {
    return Executables.onPath("node").orElseThrow(() -> new AssertionError("node is not on the PATH; run scripts/setup.sh"));
  }

  private static long printed(String log, String what) {
    Matcher m = Pattern.compile(what + " (\\d+)").matcher(log);
    assertTrue(m.find(), "no '" + what + "' in " + log);
    return Long.parseLong(m.group(1));
  }

  private static boolean gone(long pid) {
    return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
  }

  @Test
  void startsOnAFreePortAnswersAndStopsCleanly() throws Exception {
    NodeProcess server = NodeScriptServer.builder(script).readiness(ReadinessProbe.jsonRpc("ping")).start();
    long pid = server.pid();
    try {
      assertTrue(server.isAlive());
      assertTrue(server.port() > 0);
      assertEquals("http://127.0.0.1:" + server.port(), server.url());
      assertEquals("ws://127.0.0.1:" + server.port(), server.wsUrl());
      assertEquals(pid, printed(server.log(), "pid"));
      assertTrue(server.log().contains("listening on 127.0.0.1:" + server.port()), server.log());
      HttpPost.Response r = HttpPost.post(URI.create(server.url()),
          "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"echo\",\"params\":[\"x\"]}", 5000);
      assertEquals(200, r.status());
      assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":[\"x\"]}", r.body());
    } finally {
      server.close();
    }
    assertFalse(server.isAlive());
    assertTrue(gone(pid));
    assertTrue(server.exitCode().isPresent());
    server.close(); // idempotent
  }

  @Test
  void portPlaceholderGetsAFreePort() {
    try (NodeProcess server = NodeProcess.builder("placeholder", List.of(node().toString(), script.toString(), "ok", "{port}"))
        .portDetector(line -> java.util.OptionalInt.empty())
        .readiness(ReadinessProbe.jsonRpc("ping"))
        .start()) {
      assertTrue(server.log().contains("listening on 127.0.0.1:" + server.port()), server.log());
      assertEquals(List.of(node().toString(), script.toString(), "ok", Integer.toString(server.port())), server.command());
    }
  }

  @Test
  void aNodeThatExitsFailsWithItsOutputAndExitCode() {
    NodeLaunchException e = assertThrows(NodeLaunchException.class,
        () -> NodeScriptServer.builder(script).args("crash").name("crasher").start());
    assertTrue(e.getMessage().contains("crasher"), e.getMessage());
    assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
    assertTrue(e.getMessage().contains("boom: cannot open the database"), e.getMessage());
    assertTrue(e.log().contains("boom: cannot open the database"), e.log());
  }

  @Test
  void aNodeThatNeverBecomesReadyIsStoppedAndReported() {
    NodeLaunchException e = assertThrows(NodeLaunchException.class, () -> NodeScriptServer.builder(script).args("sick")
        .readiness(ReadinessProbe.jsonRpc("ping")).startTimeout(Duration.ofMillis(1500)).start());
    assertTrue(e.getMessage().contains("was not ready within 1500 ms"), e.getMessage());
    assertTrue(gone(printed(e.log(), "pid")), "the process must be stopped");
  }

  @Test
  void closeAlsoStopsWhatTheNodeSpawned() throws Exception {
    NodeProcess server = NodeScriptServer.builder(script).args("child").start();
    long child;
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!server.log().contains("child ") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    child = printed(server.log(), "child");
    assertFalse(gone(child));
    server.close();
    deadline = System.nanoTime() + 5_000_000_000L;
    while (!gone(child) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(gone(child), "the spawned child must be stopped too");
  }

  @Test
  void missingInstallationsFailWithWhatToDo() {
    NodeLaunchException pkg = assertThrows(NodeLaunchException.class,
        () -> NodeScriptServer.builder(script).requirePackages("cairn-no-such-package").start());
    assertTrue(pkg.getMessage().contains("npm package cairn-no-such-package is not installed"), pkg.getMessage());
    assertTrue(pkg.getMessage().contains("npm ci --prefix " + dir.toAbsolutePath()), pkg.getMessage());

    NodeLaunchException noScript = assertThrows(NodeLaunchException.class,
        () -> NodeScriptServer.builder(dir.resolve("absent.mjs")).start());
    assertTrue(noScript.getMessage().contains("absent.mjs does not exist"), noScript.getMessage());

    NodeLaunchException noNode = assertThrows(NodeLaunchException.class,
        () -> NodeScriptServer.builder(script).node(dir.resolve("no-node")).start());
    assertTrue(noNode.getMessage().contains("is not an executable file"), noNode.getMessage());

    NodeLaunchException noBinary = assertThrows(NodeLaunchException.class,
        () -> NodeProcess.builder("ghost", List.of(dir.resolve("ghost-binary").toString())).start());
    assertTrue(noBinary.getMessage().startsWith("ghost: cannot run"), noBinary.getMessage());
  }
}
