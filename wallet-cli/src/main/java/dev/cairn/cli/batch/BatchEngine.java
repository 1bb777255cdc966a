package dev.cairn.cli.batch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.DecodingException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The batch interface: JSON Lines in, one JSON line out per input line, in order.
 *
 * <p>Each input line is one request {@code {"id": <any JSON>, "op": "<name>", ...}}; each output
 * line is {@code {"id":..,"ok":true,"result":..}} or {@code {"id":..,"ok":false,"error":{"code":..,
 * "message":..}}}, compact, with the fields in that order, flushed at once (scripts may talk to the
 * tool interactively). A bad line never stops the batch.
 *
 * <p>Lines end with LF or CRLF; the last line may lack its terminator. A blank (empty or
 * whitespace-only) line is answered with {@code BAD_REQUEST}, so that the n-th output line always
 * answers the n-th input line. A line longer than {@link #maxLineBytes()} bytes is answered with
 * {@code BAD_REQUEST} without being held in memory.
 */
public final class BatchEngine {
  /** Default longest accepted line, in bytes (enough for a large CosmWasm MsgStoreCode). */
  public static final int DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024;

  private final Map<String, Op> ops;
  private final Map<String, String> unsupported;
  private final int maxLineBytes;
  private final ObjectMapper mapper;

  /**
   * @param ops the implemented ops by name
   * @param unsupported ops of the specification that are recognised but not implemented yet, each
   *     with the module that will provide it
   * @param maxLineBytes the longest accepted input line
   */
  public BatchEngine(Map<String, Op> ops, Map<String, String> unsupported, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    this.ops = Map.copyOf(ops);
    this.unsupported = Map.copyOf(unsupported);
    this.maxLineBytes = maxLineBytes;
    JsonMapper m =
        JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(200)
                .maxNumberLength(1000)
                .maxStringLength(maxLineBytes)
                .build());
    this.mapper = m;
  }

  /** The longest accepted input line, in bytes. */
  public int maxLineBytes() {
    return maxLineBytes;
  }

  /**
   * Answers every line of {@code in} on {@code out} until end of input.
   *
   * @return the number of lines answered
   * @throws IOException if {@code in} cannot be read or {@code out} cannot be written
   */
  public long run(InputStream in, OutputStream out) throws IOException {
    LineReader reader = new LineReader(new BufferedInputStream(in, 64 * 1024), maxLineBytes);
    long count = 0;
    byte[] line;
    while ((line = reader.next()) != null) {
      ObjectNode answer =
          line == LineReader.TOO_LONG
              ? error(null, ErrorCode.BAD_REQUEST, "line is longer than " + maxLineBytes + " bytes")
              : answer(line);
      out.write(mapper.writeValueAsBytes(answer));
      out.write('\n');
      out.flush();
      count++;
    }
    return count;
  }

  /** Answers one request line (without its terminator). Never throws. */
  public String answerLine(String line) {
    try {
      return mapper.writeValueAsString(answer(line.getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an answer", e);
    }
  }

  private ObjectNode answer(byte[] line) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(line))
              .toString();
    } catch (CharacterCodingException e) {
      return error(null, ErrorCode.BAD_REQUEST, "line is not valid UTF-8");
    }
    if (text.isBlank()) {
      return error(null, ErrorCode.BAD_REQUEST, "blank line: expected a JSON object request");
    }
    JsonNode parsed;
    try {
      parsed = mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      return error(
          null,
          ErrorCode.BAD_REQUEST,
          "malformed JSON: a number, string or nesting depth exceeds the limits of this tool");
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the input, which may hold a secret: report the position only.
      return error(null, ErrorCode.BAD_REQUEST, malformed(e));
    }
    if (parsed == null || !parsed.isObject()) {
      return error(
          null,
          ErrorCode.BAD_REQUEST,
          "request must be a JSON object, got " + (parsed == null ? "nothing" : Text.typeName(parsed)));
    }
    ObjectNode req = (ObjectNode) parsed;
    JsonNode id = req.get("id");
    JsonNode opNode = req.get("op");
    if (opNode == null || opNode.isNull()) {
      return error(id, ErrorCode.BAD_REQUEST, "missing field 'op'");
    }
    if (!opNode.isTextual()) {
      return error(
          id, ErrorCode.BAD_REQUEST, "field 'op' must be a JSON string, got " + Text.typeName(opNode));
    }
    String opName = opNode.textValue();
    Op op = ops.get(opName);
    if (op == null) {
      String module = unsupported.get(opName);
      if (module != null) {
        return error(
            id,
            ErrorCode.UNSUPPORTED,
            "op " + opName + " is not implemented in this build yet; the " + module
                + " module will provide it");
      }
      return error(id, ErrorCode.BAD_REQUEST, "unknown op '" + Text.clip(opName) + "'");
    }
    Request request = new Request(req, opName);
    try {
      request.checkFields(op.fields());
      JsonNode result = op.apply(request);
      ObjectNode ok = mapper.createObjectNode();
      ok.set("id", id);
      ok.put("ok", true);
      ok.set("result", result);
      return ok;
    } catch (BatchException e) {
      return error(id, e.code(), scrub(e.getMessage(), request.secrets(), opName));
    } catch (DecodingException e) {
      return error(id, ErrorCode.DECODE_ERROR, scrub(e.getMessage(), request.secrets(), opName));
    } catch (CairnException e) {
      return error(id, ErrorCode.INVALID_ARGUMENT, scrub(e.getMessage(), request.secrets(), opName));
    } catch (RuntimeException | StackOverflowError e) {
      // Unexpected: never quote the message, it could hold anything.
      return error(
          id,
          ErrorCode.INTERNAL_ERROR,
          "internal error in op " + opName + ": " + e.getClass().getName());
    }
  }

  private static String scrub(String message, List<String> secrets, String op) {
    if (message == null || message.isEmpty()) {
      return "op " + op + " failed";
    }
    if (Text.quotesSecret(message, secrets)) {
      return "op " + op + ": invalid secret input (details withheld: they would quote the secret)";
    }
    return message;
  }

  private static String malformed(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String orig = e.getOriginalMessage();
    String what =
        orig != null && orig.startsWith("Duplicate field")
            ? "duplicate field name"
            : orig != null && orig.startsWith("Trailing token")
                ? "trailing content after the JSON value"
                : orig != null && orig.startsWith("Unexpected end-of-input")
                    ? "unexpected end of line"
                    : "malformed JSON";
    if (loc != null && loc.getColumnNr() > 0) {
      return what + " at column " + loc.getColumnNr();
    }
    return what;
  }

  private ObjectNode error(JsonNode id, ErrorCode code, String message) {
    ObjectNode node = mapper.createObjectNode();
    node.set("id", id == null ? node.nullNode() : id);
    node.put("ok", false);
    ObjectNode err = node.putObject("error");
    err.put("code", code.name());
    err.put("message", message);
    return node;
  }

  /** Reads LF- or CRLF-terminated lines as bytes, bounded in length. */
  static final class LineReader {
    static final byte[] TOO_LONG = new byte[0];

    private final InputStream in;
    private final int max;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);

    LineReader(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at end of input. */
    byte[] next() throws IOException {
      buf.reset();
      boolean tooLong = false;
      boolean any = false;
      int b;
      while ((b = in.read()) != -1) {
        any = true;
        if (b == '\n') {
          break;
        }
        if (tooLong) {
          continue;
        }
        if (buf.size() >= max + 1) { // +1: room for a CR before the LF
          tooLong = true;
          buf.reset();
          continue;
        }
        buf.write(b);
      }
      if (!any) {
        return null;
      }
      if (tooLong) {
        return TOO_LONG;
      }
      byte[] line = buf.toByteArray();
      int n = line.length;
      if (n > 0 && line[n - 1] == '\r') {
        n--;
      } else if (n > max) {
        return TOO_LONG;
      }
      return n == line.length ? line : java.util.Arrays.copyOf(line, n);
    }
  }
}
