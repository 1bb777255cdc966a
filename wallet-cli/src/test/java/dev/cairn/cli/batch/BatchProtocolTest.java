package dev.cairn.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch protocol: framing, id echo, order, error codes, robustness. */
class BatchProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static void assertError(JsonNode answer, String code) {
    assertFalse(answer.get("ok").booleanValue(), answer.toString());
    assertEquals(code, answer.get("error").get("code").textValue(), answer.toString());
    assertTrue(answer.get("error").get("message").textValue().length() > 0);
  }

  static void assertOk(JsonNode answer) {
    assertTrue(answer.get("ok").booleanValue(), answer.toString());
  }

  @Test
  void answersEveryLineInOrderAndABadLineDoesNotStopTheBatch() {
    List<JsonNode> a =
        Cli.batch(
            "{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":12}",
            "this is not json",
            "{\"id\":3,\"op\":\"mnemonic.generate\",\"words\":24}",
            "",
            "{\"id\":5,\"op\":\"no.such.op\"}",
            "{\"id\":6,\"op\":\"ledger.apdus\",\"app\":\"eth\",\"call\":\"eth2GetPublicKey\",\"path\":\"12381/3600/0/0\"}",
            "{\"id\":7,\"op\":\"mnemonic.generate\",\"words\":13}",
            "{\"id\":8,\"op\":\"mnemonic.generate\",\"words\":15}");
    assertOk(a.get(0));
    assertEquals(1, a.get(0).get("id").intValue());
    assertEquals(12, a.get(0).get("result").textValue().split(" ").length);
    assertError(a.get(1), "BAD_REQUEST");
    assertTrue(a.get(1).get("id").isNull());
    assertOk(a.get(2));
    assertEquals(24, a.get(2).get("result").textValue().split(" ").length);
    assertError(a.get(3), "BAD_REQUEST");
    assertError(a.get(4), "BAD_REQUEST");
    assertEquals(5, a.get(4).get("id").intValue());
    assertError(a.get(5), "UNSUPPORTED");
    assertError(a.get(6), "INVALID_ARGUMENT");
    assertEquals(7, a.get(6).get("id").intValue());
    assertOk(a.get(7));
    assertEquals(15, a.get(7).get("result").textValue().split(" ").length);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"abc\"",
        "\"\"",
        "\"\\u00e9\\u4e2d\\ud83d\\ude00 \\n\\t\\\"\"",
        "0",
        "-7",
        "42",
        "123456789012345678901234567890123456789012345678901234567890",
        "2.50",
        "-0.125",
        "1e3",
        "true",
        "false",
        "null",
        "[]",
        "[1,\"a\",null,{\"b\":[true]}]",
        "{}",
        "{\"z\":1,\"a\":{\"y\":[2,3]},\"m\":\"x\"}"
      })
  void echoesIdsOfEveryJsonType(String id) throws IOException {
    JsonNode expected = JSON.readTree(id);
    JsonNode ok = Cli.one("{\"id\":" + id + ",\"op\":\"mnemonic.generate\",\"words\":12}");
    assertOk(ok);
    assertEquals(expected, ok.get("id"));
    JsonNode err = Cli.one("{\"op\":\"nope\",\"id\":" + id + "}");
    assertError(err, "BAD_REQUEST");
    assertEquals(expected, err.get("id"));
  }

  @Test
  void echoesNumbersExactly() {
    String big = "1" + "0".repeat(300);
    Cli.Result r =
        Cli.run(
            "{\"id\":" + big + ",\"op\":\"nope\"}\n{\"id\":2.50,\"op\":\"nope\"}\n", "batch");
    assertTrue(r.lines().get(0).startsWith("{\"id\":" + big + ","), r.lines().get(0));
    assertTrue(r.lines().get(1).startsWith("{\"id\":2.50,"), r.lines().get(1));
  }

  @Test
  void missingIdIsAnsweredWithNull() {
    JsonNode a = Cli.one("{\"op\":\"mnemonic.generate\",\"words\":12}");
    assertOk(a);
    assertTrue(a.has("id") && a.get("id").isNull());
  }

  @Test
  void hugeIdsAreEchoed() {
    String id = "x".repeat(1_000_000);
    JsonNode a = Cli.one("{\"id\":\"" + id + "\",\"op\":\"mnemonic.generate\",\"words\":12}");
    assertOk(a);
    assertEquals(id, a.get("id").textValue());
    String digits = "9".repeat(999);
    JsonNode b = Cli.one("{\"id\":" + digits + ",\"op\":\"nope\"}");
    assertEquals(new java.math.BigInteger(digits), b.get("id").bigIntegerValue());
  }

  @Test
  void numbersBeyondTheLimitAreABadRequestNotACrash() {
    JsonNode a = Cli.one("{\"id\":" + "9".repeat(5000) + ",\"op\":\"mnemonic.generate\"}");
    assertError(a, "BAD_REQUEST");
    assertTrue(a.get("id").isNull());
    JsonNode deep = Cli.one("{\"id\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    assertError(deep, "BAD_REQUEST");
  }

  @Test
  void outputIsCompactWithStableFieldOrder() {
    Cli.Result r =
        Cli.run(
            "{ \"words\" : 12 , \"op\" : \"mnemonic.generate\" , \"id\" : \"a\" }\n"
                + "{\"op\":\"nope\",\"id\":{\"k\": [1, 2]}}\n",
            "batch");
    List<String> lines = r.lines();
    assertTrue(lines.get(0).startsWith("{\"id\":\"a\",\"ok\":true,\"result\":\""), lines.get(0));
    assertEquals(
        "{\"id\":{\"k\":[1,2]},\"ok\":false,\"error\":{\"code\":\"BAD_REQUEST\","
            + "\"message\":\"unknown op 'nope'\"}}",
        lines.get(1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "}",
        "{\"id\":1,}",
        "{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":12} {}",
        "{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":12}x",
        "{\"id\":1,\"id\":2,\"op\":\"mnemonic.generate\",\"words\":12}",
        "{'id':1}",
        "{\"id\":NaN,\"op\":\"x\"}",
        "{\"id\":01,\"op\":\"x\"}",
        "garbage",
        "\u0000\u0001\u0002",
        "[1,2]",
        "\"just a string\"",
        "42",
        "null",
        "true"
      })
  void malformedOrNonObjectLinesAreBadRequestsWithNullId(String line) {
    JsonNode a = Cli.one(line);
    assertError(a, "BAD_REQUEST");
    assertTrue(a.get("id").isNull(), a.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "   \t  "})
  void blankLinesAreAnsweredWithBadRequest(String line) {
    List<JsonNode> a =
        Cli.batch(line, "{\"id\":2,\"op\":\"mnemonic.generate\",\"words\":12}", line);
    assertError(a.get(0), "BAD_REQUEST");
    assertTrue(a.get(0).get("error").get("message").textValue().contains("blank"));
    assertOk(a.get(1));
    assertError(a.get(2), "BAD_REQUEST");
  }

  @Test
  void invalidUtf8IsABadRequest() {
    byte[] in = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
    Cli.Result r = Cli.run(in, Map.of(), "batch");
    assertEquals(0, r.exitCode());
    JsonNode a = r.json().get(0);
    assertError(a, "BAD_REQUEST");
    assertTrue(a.get("error").get("message").textValue().contains("UTF-8"));
  }

  @Test
  void crlfLineEndsAndAMissingFinalNewlineAreAccepted() {
    Cli.Result r =
        Cli.run(
            "{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":12}\r\n"
                + "{\"id\":2,\"op\":\"mnemonic.generate\",\"words\":12}",
            "batch");
    assertEquals(0, r.exitCode());
    List<JsonNode> a = r.json();
    assertEquals(2, a.size());
    assertOk(a.get(0));
    assertOk(a.get(1));
    assertEquals(2, a.get(1).get("id").intValue());
  }

  @Test
  void emptyInputGivesNoOutputAndExitZero() {
    Cli.Result r = Cli.run("", "batch");
    assertEquals(0, r.exitCode());
    assertEquals("", r.out());
  }

  @Test
  void opMustBePresentAndAString() {
    JsonNode a = Cli.one("{\"id\":\"q\"}");
    assertError(a, "BAD_REQUEST");
    assertEquals("q", a.get("id").textValue());
    assertTrue(a.get("error").get("message").textValue().contains("'op'"));
    JsonNode b = Cli.one("{\"id\":\"q\",\"op\":7}");
    assertError(b, "BAD_REQUEST");
    assertTrue(b.get("error").get("message").textValue().contains("'op'"));
    JsonNode c = Cli.one("{\"id\":\"q\",\"op\":null}");
    assertError(c, "BAD_REQUEST");
  }

  @Test
  void unknownOpsAreBadRequestsAndLongNamesAreClipped() {
    String name = "z".repeat(10_000);
    JsonNode a = Cli.one("{\"id\":1,\"op\":\"" + name + "\"}");
    assertError(a, "BAD_REQUEST");
    assertTrue(a.get("error").get("message").textValue().length() < 200);
  }

  @Test
  void unknownFieldsAreBadRequestsNamingTheField() {
    JsonNode a =
        Cli.one(
            "{\"id\":1,\"op\":\"mnemonic.toSeed\",\"mnemonic\":\"x\",\"pasphrase\":\"TREZOR\"}");
    assertError(a, "BAD_REQUEST");
    String msg = a.get("error").get("message").textValue();
    assertTrue(msg.contains("'pasphrase'"), msg);
    assertFalse(msg.contains("TREZOR"), msg);
  }

  @Test
  void missingFieldsAreBadRequestsNamingTheField() {
    JsonNode a = Cli.one("{\"id\":1,\"op\":\"mnemonic.generate\"}");
    assertError(a, "BAD_REQUEST");
    assertTrue(a.get("error").get("message").textValue().contains("'words'"));
    JsonNode b = Cli.one("{\"id\":1,\"op\":\"mnemonic.toSeed\",\"passphrase\":\"\"}");
    assertError(b, "BAD_REQUEST");
    assertTrue(b.get("error").get("message").textValue().contains("'mnemonic'"));
    JsonNode c = Cli.one("{\"id\":1,\"op\":\"mnemonic.toSeed\",\"mnemonic\":null}");
    assertError(c, "BAD_REQUEST");
    assertTrue(c.get("error").get("message").textValue().contains("'mnemonic'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "\"12\"", "\"0xc\"", "\"0x0C\"", "\"0x000c\""})
  void integerFieldsAcceptNumbersDecimalAndHexStrings(String words) {
    JsonNode a = Cli.one("{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":" + words + "}");
    assertOk(a);
    assertEquals(12, a.get("result").textValue().split(" ").length);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13", "0", "-12", "11", "27", "12.0", "12.5", "1e1", "\"\"", "\"0x\"", "\"12a\"", "\"0xg\"",
        "\" 12\"", "\"+12\"", "\"-\"", "true", "[12]", "{}", "\"１２\"",
        "99999999999999999999999999999999999999"
      })
  void badIntegersAreInvalidArgumentsNamingTheField(String words) {
    JsonNode a = Cli.one("{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":" + words + "}");
    assertError(a, "INVALID_ARGUMENT");
    assertTrue(a.get("error").get("message").textValue().contains("'words'"), a.toString());
  }

  @Test
  void integerStringsHaveALengthLimit() {
    JsonNode a =
        Cli.one("{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":\"" + "1".repeat(5000) + "\"}");
    assertError(a, "INVALID_ARGUMENT");
  }

  /** Every op the specification names (/work/shared/specs/wallet-cli.md, "Operations"). */
  static final List<String> SPEC_OPS = List.of(
      "abi.encodeCall", "abi.encode", "abi.decode", "abi.encodePacked", "abi.selector", "abi.eventTopic",
      "abi.decodeLog", "abi.decodeError", "eip712.hash", "mnemonic.generate", "mnemonic.toSeed", "hd.address",
      "hd.privateKey", "evm.signTx", "evm.decodeTx", "evm.signMessage", "evm.signTypedData",
      "evm.signAuthorization", "evm.recover", "svm.signTx", "svm.decodeTx", "svm.findProgramAddress",
      "svm.associatedTokenAddress", "cosmos.signTx", "cosmos.address", "ledger.apdus");

  @Test
  void noOpOfTheSpecIsUnsupported() {
    assertTrue(SpecOps.notYetImplemented().isEmpty(), SpecOps.notYetImplemented().toString());
    Map<String, Op> ops = WalletOps.ops(new SecureRandom());
    for (String name : SPEC_OPS) {
      assertTrue(ops.containsKey(name), name + " is not implemented");
      // an empty request is malformed (a missing field), never UNSUPPORTED
      JsonNode a = Cli.one("{\"id\":\"" + name + "\",\"op\":\"" + name + "\"}");
      assertFalse(a.get("ok").booleanValue() && name.startsWith("ledger"), a.toString());
      if (!a.get("ok").booleanValue()) {
        assertFalse("UNSUPPORTED".equals(a.get("error").get("code").textValue()), a.toString());
      }
    }
  }

  @Test
  void sdkExceptionsMapToCodesAndUnexpectedOnesDoNotLeakTheirMessage() throws IOException {
    Op decode =
        op(r -> {
          throw new DecodingException("data", 3, "not a hex digit");
        });
    Op boom =
        op(r -> {
          throw new IllegalStateException("secret-material-here");
        });
    Op fine = op(r -> TextNode.valueOf("fine"));
    BatchEngine engine =
        new BatchEngine(Map.of("t.decode", decode, "t.boom", boom, "t.fine", fine), Map.of(), 1000);
    String in =
        "{\"id\":1,\"op\":\"t.decode\"}\n{\"id\":2,\"op\":\"t.boom\"}\n{\"id\":3,\"op\":\"t.fine\"}\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(3, engine.run(new java.io.ByteArrayInputStream(bytes(in)), out));
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    JsonNode a = JSON.readTree(lines[0]);
    assertError(a, "DECODE_ERROR");
    assertEquals("data at offset 3: not a hex digit", a.get("error").get("message").textValue());
    JsonNode b = JSON.readTree(lines[1]);
    assertError(b, "INTERNAL_ERROR");
    assertFalse(lines[1].contains("secret-material-here"));
    assertOk(JSON.readTree(lines[2]));
  }

  @Test
  void overlongLinesAreRejectedWithoutStoppingTheBatch() throws IOException {
    BatchEngine engine = new BatchEngine(WalletOps.ops(new SecureRandom()), Map.of(), 100);
    String ok = "{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":12}";
    String longLine = "{\"id\":\"" + "a".repeat(500) + "\",\"op\":\"mnemonic.generate\"}";
    String exact = "{\"id\":\"" + "b".repeat(100 - 18) + "\",\"op\":\"x\"}";
    assertEquals(100, exact.length());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.run(
        new java.io.ByteArrayInputStream(
            bytes(ok + "\n" + longLine + "\n" + exact + "\r\n" + exact + "x\n" + ok)),
        out);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(5, lines.length);
    assertOk(JSON.readTree(lines[0]));
    assertError(JSON.readTree(lines[1]), "BAD_REQUEST");
    assertTrue(JSON.readTree(lines[1]).get("id").isNull());
    JsonNode third = JSON.readTree(lines[2]);
    assertError(third, "BAD_REQUEST");
    assertEquals("b".repeat(82), third.get("id").textValue()); // parsed: unknown op, id echoed
    assertTrue(JSON.readTree(lines[3]).get("id").isNull()); // 101 bytes: too long
    assertOk(JSON.readTree(lines[4]));
  }

  @Test
  void eachAnswerIsFlushedBeforeTheNextLineIsRead() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    byte[] first = bytes("{\"id\":1,\"op\":\"mnemonic.generate\",\"words\":12}\n");
    byte[] second = bytes("{\"id\":2,\"op\":\"mnemonic.generate\",\"words\":12}\n");
    int[] phase = {0};
    InputStream in =
        new InputStream() {
          int pos;

          @Override
          public int read() {
            byte[] b = new byte[1];
            int n = read(b, 0, 1);
            return n < 0 ? -1 : b[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (phase[0] == 0) {
              int n = Math.min(len, first.length - pos);
              System.arraycopy(first, pos, b, off, n);
              pos += n;
              if (pos == first.length) {
                phase[0] = 1;
                pos = 0;
              }
              return n;
            }
            if (phase[0] == 1) {
              // a script would wait here for the first answer before sending the second line
              assertEquals(1, sink.toString(StandardCharsets.UTF_8).split("\n").length);
              assertTrue(sink.toString(StandardCharsets.UTF_8).endsWith("\n"));
              phase[0] = 2;
              System.arraycopy(second, 0, b, off, second.length);
              return second.length;
            }
            return -1;
          }
        };
    int code =
        dev.cairn.cli.WalletCli.execute(
            new String[] {"batch"},
            in,
            new PrintStream(sink, false, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Map.of());
    assertEquals(0, code);
    assertEquals(2, phase[0]);
    assertEquals(2, sink.toString(StandardCharsets.UTF_8).split("\n").length);
  }

  @Test
  void unreadableStdinExitsWithTwo() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("device gone");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw new IOException("device gone");
          }
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        dev.cairn.cli.WalletCli.execute(
            new String[] {"batch"},
            broken,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("I/O error"));
  }

  private static Op op(java.util.function.Function<Request, JsonNode> f) {
    return new Op() {
      @Override
      public Set<String> fields() {
        return Set.of();
      }

      @Override
      public JsonNode apply(Request request) {
        return f.apply(request);
      }
    };
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
