package dev.cairn.testing.fault;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** HTTP/1.1 message reading and the JSON surgery the proxy's faults need; package-private. */
final class HttpWire {
  static final int MAX_HEAD = 64 * 1024;
  static final int MAX_BODY = 512 * 1024 * 1024;

  private HttpWire() {}

  /** A request or response: start line, headers (in order), body. */
  static final class Message {
    final String startLine;
    final List<String[]> headers;
    byte[] body;

    Message(String startLine, List<String[]> headers, byte[] body) {
      this.startLine = startLine;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    boolean headerHasToken(String name, String token) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          for (String t : h[1].split(",")) {
            if (t.trim().equalsIgnoreCase(token)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    /** The request target (second word of a request line). */
    String target() {
      String[] p = startLine.split(" ");
      return p.length > 1 ? p[1] : "";
    }

    String verb() {
      int sp = startLine.indexOf(' ');
      return sp < 0 ? startLine : startLine.substring(0, sp);
    }

    /** The status code of a response line. */
    int status() {
      String[] p = startLine.split(" ");
      try {
        return p.length > 1 ? Integer.parseInt(p[1]) : 0;
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    boolean isWebSocketUpgrade() {
      return headerHasToken("Upgrade", "websocket");
    }
  }

  /** Reads a message head; null at end of stream before the first byte. */
  static Message readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new EOFException("message head cut after " + head.size() + " bytes");
      }
      if (head.size() >= MAX_HEAD) {
        throw new IOException("message head over 64 KiB");
      }
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
          : b == '\r' ? 1 : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
      }
    }
    return new Message(lines[0], headers, null);
  }

  /**
   * Reads the body after a head: Content-Length, chunked, or (for a response without either)
   * until the end of the stream. A request without either has no body.
   */
  static byte[] readBody(InputStream in, Message m, boolean isResponse, String requestVerb) throws IOException {
    if (isResponse) {
      int st = m.status();
      if (st / 100 == 1 || st == 204 || st == 304 || "HEAD".equals(requestVerb)) {
        return new byte[0];
      }
    }
    String te = m.header("Transfer-Encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      while (true) {
        String line = readLine(in);
        int semi = line.indexOf(';');
        int size = Integer.parseInt((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
        if (size == 0) {
          while (!readLine(in).isEmpty()) {
            // trailers
          }
          return out.toByteArray();
        }
        if (out.size() + (long) size > MAX_BODY) {
          throw new IOException("body over " + MAX_BODY + " bytes");
        }
        out.write(readN(in, size));
        readLine(in);
      }
    }
    String cl = m.header("Content-Length");
    if (cl != null) {
      long n = Long.parseLong(cl.trim());
      if (n > MAX_BODY) {
        throw new IOException("body of " + n + " bytes over " + MAX_BODY);
      }
      return readN(in, (int) n);
    }
    if (!isResponse) {
      return new byte[0];
    }
    return in.readAllBytes();
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      if (sb.length() > 8192) {
        throw new IOException("line over 8 KiB");
      }
      sb.append((char) b);
    }
    throw new EOFException("stream ended inside a chunked body");
  }

  static byte[] readN(InputStream in, int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException("body cut at " + b.length + " of " + n + " bytes");
    }
    return b;
  }

  /** The head of a message with the hop-by-hop and length headers replaced. */
  static byte[] head(String startLine, List<String[]> headers, String... extra) {
    StringBuilder sb = new StringBuilder(256).append(startLine).append("\r\n");
    for (String[] h : headers) {
      String n = h[0];
      if (n.equalsIgnoreCase("Content-Length") || n.equalsIgnoreCase("Transfer-Encoding")
          || n.equalsIgnoreCase("Connection") || n.equalsIgnoreCase("Keep-Alive")) {
        continue;
      }
      sb.append(n).append(": ").append(h[1]).append("\r\n");
    }
    for (int i = 0; i + 1 < extra.length; i += 2) {
      sb.append(extra[i]).append(": ").append(extra[i + 1]).append("\r\n");
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  // ------------------------------------------------------------------ JSON surgery

  /** Whether a JSON text names {@code "method":"<name>"} anywhere (whitespace around the colon allowed). */
  static boolean namesMethod(String body, String name) {
    if (body == null) {
      return false;
    }
    int from = 0;
    while (true) {
      int i = body.indexOf("\"method\"", from);
      if (i < 0) {
        return false;
      }
      int j = skipWs(body, i + 8);
      if (j < body.length() && body.charAt(j) == ':') {
        j = skipWs(body, j + 1);
        if (body.startsWith("\"" + name + "\"", j)) {
          return true;
        }
      }
      from = i + 8;
    }
  }

  static int skipWs(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r' || s.charAt(i) == '\n')) {
      i++;
    }
    return i;
  }

  /** The end (exclusive) of the JSON value starting at {@code i}; -1 if it is cut. */
  static int valueEnd(String s, int i) {
    if (i >= s.length()) {
      return -1;
    }
    char c = s.charAt(i);
    if (c == '"') {
      for (int k = i + 1; k < s.length(); k++) {
        char d = s.charAt(k);
        if (d == '\\') {
          k++;
        } else if (d == '"') {
          return k + 1;
        }
      }
      return -1;
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int k = i; k < s.length(); k++) {
        char d = s.charAt(k);
        if (d == '"') {
          k = valueEnd(s, k);
          if (k < 0) {
            return -1;
          }
          k--;
        } else if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          depth--;
          if (depth == 0) {
            return k + 1;
          }
        }
      }
      return -1;
    }
    int k = i;
    while (k < s.length() && ",}] \t\r\n".indexOf(s.charAt(k)) < 0) {
      k++;
    }
    return k;
  }

  /** The spans [start, end) of the elements of a top-level JSON array; null if the text is not an array. */
  static List<int[]> arrayElements(String s) {
    int i = skipWs(s, 0);
    if (i >= s.length() || s.charAt(i) != '[') {
      return null;
    }
    List<int[]> out = new ArrayList<>();
    i = skipWs(s, i + 1);
    if (i < s.length() && s.charAt(i) == ']') {
      return out;
    }
    while (i < s.length()) {
      int end = valueEnd(s, i);
      if (end < 0) {
        return null;
      }
      out.add(new int[] {i, end});
      i = skipWs(s, end);
      if (i < s.length() && s.charAt(i) == ',') {
        i = skipWs(s, i + 1);
      } else {
        break;
      }
    }
    return out;
  }

  /** The span of the value of member {@code "id"} of the object starting at {@code objStart}; null if none. */
  static int[] idSpan(String s, int objStart) {
    int i = skipWs(s, objStart);
    if (i >= s.length() || s.charAt(i) != '{') {
      return null;
    }
    i = skipWs(s, i + 1);
    while (i < s.length() && s.charAt(i) == '"') {
      int keyEnd = valueEnd(s, i);
      if (keyEnd < 0) {
        return null;
      }
      String key = s.substring(i + 1, keyEnd - 1);
      i = skipWs(s, keyEnd);
      if (i >= s.length() || s.charAt(i) != ':') {
        return null;
      }
      i = skipWs(s, i + 1);
      int end = valueEnd(s, i);
      if (end < 0) {
        return null;
      }
      if (key.equals("id")) {
        return new int[] {i, end};
      }
      i = skipWs(s, end);
      if (i < s.length() && s.charAt(i) == ',') {
        i = skipWs(s, i + 1);
      } else {
        return null;
      }
    }
    return null;
  }

  /** A JSON-RPC id that no request of the client under test has: the id plus a large offset. */
  static String wrongIdFor(String idText) {
    try {
      return Long.toString(Long.parseLong(idText.trim()) + 1_000_003L);
    } catch (NumberFormatException e) {
      return "\"cairn-fault-proxy-wrong-id\"";
    }
  }

  /** The body with the id value of the object at {@code objStart} replaced; unchanged if it has none. */
  static String replaceId(String s, int objStart, String newIdJson) {
    int[] span = idSpan(s, objStart);
    if (span == null) {
      return s;
    }
    return s.substring(0, span[0]) + newIdJson + s.substring(span[1]);
  }

  /** The id (as JSON text) of a JSON-RPC request body, or of its first entry; "1" if none. */
  static String requestId(String body) {
    int start = skipWs(body, 0);
    if (start < body.length() && body.charAt(start) == '[') {
      List<int[]> els = arrayElements(body);
      if (els == null || els.isEmpty()) {
        return "1";
      }
      start = els.get(0)[0];
    }
    int[] span = idSpan(body, start);
    return span == null ? "1" : body.substring(span[0], span[1]);
  }
}
