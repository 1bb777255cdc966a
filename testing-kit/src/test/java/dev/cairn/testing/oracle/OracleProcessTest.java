package dev.cairn.testing.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle bridge against small scripts that follow (or break) the JSON Lines protocol. */
class OracleProcessTest {
  /** Answers {"n":N} with {"twice":2N}, in order; "hang" stops answering; "die" exits; "extra" answers twice. */
  private static final String SCRIPT = String.join("\n",
      "import { createInterface } from 'node:readline';",
      "const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });",
      "for await (const line of rl) {",
      "  if (line.trim() === '') continue;",
      "  const r = JSON.parse(line);",
      "  if (r.op === 'hang') await new Promise(() => {});",
      "  if (r.op === 'die') { console.error('fatal: the oracle gave up'); process.exit(7); }",
      "  if (r.op === 'version') { process.stdout.write(JSON.stringify({ version: '1.2.3' }) + '\\n'); continue; }",
      "  process.stdout.write(JSON.stringify({ twice: 2 * r.n }) + '\\n');",
      "  if (r.op === 'extra') process.stdout.write('{}\\n');",
      "}",
      "");

  @TempDir
  static Path dir;
  static OracleScript script;

  /** Echoes "id"; "slow" answers after 300 ms, "hang" never, "stray" with an id nobody sent. */
  private static final String BY_ID = String.join("\n",
      "import { createInterface } from 'node:readline';",
      "const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });",
      "const answer = (r) => process.stdout.write(JSON.stringify({ ok: true, result: 2 * r.n, id: r.id }) + '\\n');",
      "rl.on('line', (line) => {",
      "  const r = JSON.parse(line);",
      "  if (r.op === 'hang') return;",
      "  if (r.op === 'slow') { setTimeout(() => answer(r), 300); return; }",
      "  if (r.op === 'stray') { r.id = 999999; }",
      "  answer(r);",
      "});",
      "");

  static OracleScript byId;

  @BeforeAll
  static void writeScript() throws IOException {
    Path p = dir.resolve("double.mjs");
    Files.writeString(p, SCRIPT);
    script = OracleScript.of(p).timeout(Duration.ofSeconds(20));
    Path q = dir.resolve("by-id.mjs");
    Files.writeString(q, BY_ID);
    byId = OracleScript.of(q).correlateById("id").timeout(Duration.ofSeconds(20));
  }

  @Test
  void byIdAnswersMayComeInAnyOrderAndATimeoutFailsOnlyItsRequest() throws Exception {
    try (OracleProcess o = byId.start()) {
      CompletableFuture<String> slow = o.send("{\"op\":\"slow\",\"n\":1}");
      CompletableFuture<String> fast = o.send("{\"n\":2}");
      assertEquals("{\"ok\":true,\"result\":4,\"id\":2}", fast.get());
      assertFalse(slow.isDone());
      assertEquals("{\"ok\":true,\"result\":2,\"id\":1}", slow.get());
      assertEquals(List.of("{\"ok\":true,\"result\":6,\"id\":3}", "{\"ok\":true,\"result\":null,\"id\":4}"),
          o.callAll(List.of("{ \"n\" : 3 }", "{}")));
    }
    try (OracleProcess o = byId.timeout(Duration.ofMillis(400)).start()) {
      OracleException e = assertThrows(OracleException.class, () -> o.call("{\"op\":\"hang\"}"));
      assertEquals(OracleException.Reason.TIMEOUT, e.reason());
      assertTrue(o.isUsable(), "by id, a timeout does not stop the script");
      assertEquals("{\"ok\":true,\"result\":10,\"id\":2}", o.call("{\"n\":5}"));
      assertEquals(OracleException.Reason.PROTOCOL,
          assertThrows(OracleException.class, () -> o.call("[1]")).reason(), "requests must be objects");
      OracleException stray = assertThrows(OracleException.class, () -> o.call("{\"op\":\"stray\",\"n\":1}"));
      assertEquals(OracleException.Reason.PROTOCOL, stray.reason());
      assertTrue(stray.getMessage().contains("unknown id 999999"), stray.getMessage());
    }
  }

  private static String req(int n) {
    return "{\"n\":" + n + "}";
  }

  private static String answer(int n) {
    return "{\"twice\":" + 2 * n + "}";
  }

  @Test
  void roundTripsOneAndManyInOrder() {
    try (OracleProcess o = script.start()) {
      assertEquals(answer(21), o.call(req(21)));
      List<String> batch = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        batch.add(req(i));
        expected.add(answer(i));
      }
      assertEquals(expected, o.callAll(batch));
      assertEquals(20_001, o.answered());
    }
  }

  @Test
  void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (OracleProcess o = script.start()) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int base = t * 1000;
        done.add(pool.submit(() -> {
          for (int i = base; i < base + 200; i++) {
            assertEquals(answer(i), o.call(req(i)));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      CompletableFuture<String> a = o.send(req(5));
      CompletableFuture<String> b = o.send(req(6));
      assertEquals(answer(6), b.get());
      assertEquals(answer(5), a.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anAnswerThatDoesNotComeTimesOutAndStopsTheProcess() {
    OracleProcess o = script.timeout(Duration.ofMillis(500)).start();
    long started = System.nanoTime();
    CompletableFuture<String> queued = o.send("{\"op\":\"hang\"}");
    OracleException e = assertThrows(OracleException.class, () -> o.call(req(1)));
    assertEquals(OracleException.Reason.TIMEOUT, e.reason());
    assertTrue(System.nanoTime() - started < 10_000_000_000L);
    assertTrue(e.getMessage().contains("within 500 ms"), e.getMessage());
    assertFalse(o.isAlive(), "a timed-out oracle is stopped");
    assertTrue(queued.isCompletedExceptionally());
    assertEquals(OracleException.Reason.TIMEOUT, assertThrows(OracleException.class, () -> o.call(req(2))).reason());
    o.close();
  }

  @Test
  void aScriptThatDiesFailsItsCallersQuotingStderr() {
    try (OracleProcess o = script.start()) {
      OracleException e = assertThrows(OracleException.class, () -> o.callAll(List.of(req(1), "{\"op\":\"die\"}", req(3))));
      assertEquals(OracleException.Reason.EXITED, e.reason());
      assertTrue(e.getMessage().contains("exit code 7"), e.getMessage());
      assertTrue(e.getMessage().contains("fatal: the oracle gave up"), e.getMessage());
      assertTrue(e.getMessage().contains("after 1 answers"), e.getMessage());
      assertFalse(o.isUsable());
    }
  }

  @Test
  void anUnrequestedAnswerIsAProtocolError() throws Exception {
    try (OracleProcess o = script.start()) {
      assertEquals(answer(4), o.call("{\"op\":\"extra\",\"n\":4}"));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (o.isUsable() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      OracleException e = assertThrows(OracleException.class, () -> o.call(req(1)));
      assertEquals(OracleException.Reason.PROTOCOL, e.reason());
      assertTrue(e.getMessage().contains("nobody asked for: {}"), e.getMessage());
    }
  }

  @Test
  void requestsMustBeSingleNonBlankLines() {
    try (OracleProcess o = script.start()) {
      OracleException e = assertThrows(OracleException.class, () -> o.call("{\"n\":\n1}"));
      assertEquals(OracleException.Reason.PROTOCOL, e.reason());
      assertTrue(e.getMessage().contains("offset 5"), e.getMessage());
      assertThrows(OracleException.class, () -> o.callAll(List.of(req(1), " ")));
      assertEquals(answer(3), o.call(req(3)), "a rejected request leaves the bridge usable");
    }
  }

  @Test
  void closeEndsTheProcessAndLaterCallsFail() {
    OracleProcess o = script.start();
    assertEquals(answer(1), o.call(req(1)));
    long pid = o.pid();
    o.close();
    assertFalse(o.isAlive());
    assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    assertEquals(OracleException.Reason.CLOSED, assertThrows(OracleException.class, () -> o.call(req(2))).reason());
    o.close();
  }

  @Test
  void missingInstallationsFailWithWhatToDo() {
    OracleException noScript = assertThrows(OracleException.class, () -> OracleScript.of(dir.resolve("absent.mjs")).start());
    assertEquals(OracleException.Reason.SCRIPT_MISSING, noScript.reason());
    assertTrue(noScript.getMessage().contains("absent.mjs does not exist"), noScript.getMessage());

    OracleException noPkg = assertThrows(OracleException.class, () -> script.requirePackages("cairn-no-such-package").start());
    assertEquals(OracleException.Reason.PACKAGE_MISSING, noPkg.reason());
    assertTrue(noPkg.getMessage().contains("cairn-no-such-package is not installed"), noPkg.getMessage());
    assertTrue(noPkg.getMessage().contains("npm ci --prefix " + dir.toAbsolutePath()), noPkg.getMessage());

    OracleException noNode = assertThrows(OracleException.class, () -> script.node(dir.resolve("no-node")).start());
    assertEquals(OracleException.Reason.NODE_MISSING, noNode.reason());
    assertTrue(noNode.getMessage().contains("no-node is not an executable file"), noNode.getMessage());

    OracleException hint = assertThrows(OracleException.class,
        () -> script.requirePackages("cairn-no-such-package").setupHint("run scripts/setup.sh").start());
    assertTrue(hint.getMessage().endsWith("To fix: run scripts/setup.sh"), hint.getMessage());
  }

  @Test
  void handshakeChecksTheScriptBeforeUse() {
    try (OracleProcess o = script.handshake("{\"op\":\"version\"}", a -> a.contains("\"1.2.3\"")).start()) {
      assertEquals(answer(2), o.call(req(2)));
    }
    OracleException e = assertThrows(OracleException.class,
        () -> script.handshake("{\"op\":\"version\"}", a -> a.contains("\"9.9.9\"")).start());
    assertEquals(OracleException.Reason.HANDSHAKE, e.reason());
    assertTrue(e.getMessage().contains("{\"version\":\"1.2.3\"}"), e.getMessage());
  }

  @Test
  void lazyStartsOnceRestartsAfterAFailureAndRemembersAStartFailure() {
    // long enough for a node start on a loaded machine (the restarted process answers req(8) within it)
    LazyOracle lazy = script.timeout(Duration.ofSeconds(3)).lazy();
    try {
      OracleProcess first = lazy.get();
      assertSame(first, lazy.get());
      assertThrows(OracleException.class, () -> first.callAll(List.of("{\"op\":\"hang\"}")));
      OracleProcess second = lazy.get();
      assertNotEquals(first.pid(), second.pid());
      assertEquals(answer(8), second.call(req(8)));
    } finally {
      lazy.close();
    }
    LazyOracle broken = OracleScript.of(dir.resolve("absent.mjs")).lazy();
    OracleException e1 = assertThrows(OracleException.class, broken::get);
    assertSame(e1, assertThrows(OracleException.class, broken::get));
  }

  @Test
  void theProjectOracleScriptsAreFoundAndAnswer() {
    OracleScript tx = OracleScript.project("tx.mjs").requirePackages("viem");
    assertTrue(tx.script().endsWith(Path.of("tools", "oracle", "tx.mjs")), tx.script().toString());
    try (OracleProcess o = tx.start()) {
      // viem's personal_sign of "hello" by anvil's dev key 0: independently known (EIP-191)
      String a = o.call("{\"op\":\"personal\",\"privateKey\":\"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\","
          + "\"message\":\"0x68656c6c6f\"}");
      assertTrue(a.startsWith("{\"signature\":\"0x"), a);
      assertEquals("{\"error\":\"Error: unknown op nope\"}", o.call("{\"op\":\"nope\"}"));
    }
  }
}
