package dev.cairn.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;

/**
 * JSON-RPC response bodies (single and batch) as a node sends them: every call ends in its value or
 * a TransportException, nothing else. The transport turns a reader's unexpected runtime exception
 * into MALFORMED_RESPONSE by contract (ResultReader), so the target also fails when such an
 * exception names a JDK bug class (a null dereference, an index or arithmetic error) from our own
 * parsing code. Lives in dev.cairn.transport: the response parser is package-private.
 */
class JsonRpcResponseFuzzTest {
  private static final JsonRpcClient CLIENT = JsonRpcClient.builder("http://fuzz.invalid/")
      .retryPolicy(RetryPolicy.NONE).build();
  private static final List<ResultReader<?>> READERS = List.of(
      JsonValues::rawJson,
      JsonValues::string,
      JsonValues::longValue,
      JsonValues::bool,
      JsonValues::number,
      p -> JsonValues.list(p, JsonValues::string),
      p -> JsonValues.list(p, q -> JsonValues.list(q, JsonValues::longValue)));
  private static final String[] BUG_CLASSES = {"NullPointerException", "IndexOutOfBoundsException",
      "ArrayIndexOutOfBoundsException", "StringIndexOutOfBoundsException", "ArithmeticException",
      "ClassCastException", "NegativeArraySizeException", "IllegalStateException", "StackOverflowError"};

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  /** First byte: which reader reads the result; the rest: the response body. */
  @FuzzTest
  void single(byte[] input) {
    if (input.length == 0) {
      return;
    }
    ResultReader<?> reader = READERS.get((input[0] & 0xff) % READERS.size());
    Transport t = transport(Arrays.copyOfRange(input, 1, input.length));
    RpcCall<?> call = CLIENT.call("eth_fuzz", null, reader, true);
    try {
      t.execute(call);
    } catch (TransportException expected) {
      checkNotABug(expected);
    } finally {
      t.close();
    }
  }

  /** A batch of three calls (ids 1, 2, 3) with different readers; the body is the input. */
  @FuzzTest
  void batch(byte[] input) {
    Transport t = transport(input);
    List<RpcCall<?>> calls = List.of(
        CLIENT.call("a", null, READERS.get(0), true),
        CLIENT.call("b", null, READERS.get(2), true),
        CLIENT.call("c", null, READERS.get(5), true));
    List<CompletableFuture<Object>> futures = Transport.newFutures(calls.size());
    try {
      t.executeBatch(calls, futures);
    } finally {
      t.close();
    }
    for (CompletableFuture<Object> f : futures) {
      assertTrue(f.isDone(), "a batch call was left without an outcome");
      try {
        f.get();
      } catch (ExecutionException e) {
        assertTrue(e.getCause() instanceof TransportException, "not a TransportException: " + e.getCause());
        checkNotABug((TransportException) e.getCause());
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static void checkNotABug(TransportException e) {
    assertNotNull(e.kind());
    String m = String.valueOf(e.getMessage());
    if (e.kind() != TransportException.Kind.MALFORMED_RESPONSE) {
      return; // e.g. RPC_ERROR, whose message quotes the node's own text
    }
    for (String bug : BUG_CLASSES) {
      // the transport's wording for a runtime exception it mapped (Transport.parseBody and
      // readResult); the input itself may contain a class name (Jackson quotes an unrecognized
      // token, but never one with spaces)
      assertFalse(m.contains(": unexpected value: " + bug),
          () -> "a parsing bug surfaced as a malformed response: " + m);
    }
  }

  private static Transport transport(byte[] body) {
    return InMemoryTransport.answering(body);
  }
}
