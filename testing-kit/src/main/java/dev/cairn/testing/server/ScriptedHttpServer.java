package dev.cairn.testing.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server whose every byte is written by the test's script, to drive a client
 * through exact wire shapes (pipelined bursts, fragments, malformed heads, early closes, status
 * codes with {@code Retry-After}). Each accepted connection runs the script on its own thread.
 *
 * <pre>{@code
 * try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
 *   byte[] body;
 *   while ((body = c.readRequest()) != null) {
 *     c.write(ScriptedHttpServer.ok(body)); // echo
 *   }
 * })) {
 *   String url = s.url("/");
 * }
 * }</pre>
 */
public final class ScriptedHttpServer implements AutoCloseable {
  /** What the server does with one accepted connection. */
  @FunctionalInterface
  public interface Script {
    /** Serves one connection; returning (or throwing) closes it. */
    void serve(Conn c) throws Exception;
  }

  /** One accepted connection: read requests, write raw bytes. */
  public static final class Conn {
    /** The socket. */
    public final Socket socket;
    /** Its input. */
    public final InputStream in;
    /** Its output. */
    public final OutputStream out;
    /** 0 for the first accepted connection, 1 for the second, ... */
    public final int index;
    private volatile String lastHead;

    Conn(Socket socket, int index) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
      this.index = index;
    }

    /**
     * The next request's body (empty for a request without one, such as a GET); null at end of
     * stream before a request starts. The head is kept in {@link #lastHead()}.
     *
     * @throws IOException if the head is cut or over 64 KiB
     */
    public byte[] readRequest() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int state = 0;
      while (state < 4) {
        int b = in.read();
        if (b < 0) {
          if (head.size() == 0) {
            return null;
          }
          throw new EOFException("request head cut");
        }
        if (head.size() > 64 * 1024) {
          throw new IOException("request head over 64 KiB");
        }
        head.write(b);
        state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
            : b == '\r' ? 1 : 0;
      }
      String h = head.toString(StandardCharsets.ISO_8859_1);
      lastHead = h;
      int len = 0;
      for (String line : h.split("\r\n")) {
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          len = Integer.parseInt(line.substring(15).trim());
        }
      }
      if (len < 0 || len > 64 * 1024 * 1024) {
        throw new IOException("bad Content-Length " + len);
      }
      return in.readNBytes(len);
    }

    /** The head (request line and headers) of the last request read. */
    public String lastHead() {
      return lastHead;
    }

    /** The request line of the last request read, e.g. {@code GET /path HTTP/1.1}. */
    public String lastRequestLine() {
      String h = lastHead;
      return h == null ? null : h.substring(0, h.indexOf("\r\n"));
    }

    /** Writes and flushes ISO-8859-1 text. */
    public void write(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Writes and flushes bytes. */
    public void write(byte[] b) throws IOException {
      out.write(b);
      out.flush();
    }
  }

  private final ServerSocket server;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  /** Starts a server on a free loopback port. */
  public ScriptedHttpServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        Socket s;
        try {
          s = server.accept();
        } catch (IOException e) {
          return;
        }
        int index = accepted.getAndIncrement();
        Thread t = new Thread(() -> {
          try (Socket sock = s) {
            script.serve(new Conn(sock, index));
          } catch (Exception e) {
            if (!server.isClosed()) {
              failures.add(e);
            }
          }
        }, "scripted-conn-" + index);
        t.setDaemon(true);
        t.start();
      }
    }, "scripted-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:port} followed by {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** How many connections were accepted. */
  public int accepted() {
    return accepted.get();
  }

  /** Exceptions thrown by scripts while the server was open. */
  public List<Throwable> failures() {
    return failures;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** A complete 200 response carrying {@code body} with a Content-Length. */
  public static byte[] ok(byte[] body) {
    return response(200, "OK", "", body);
  }

  /** A complete 200 response carrying UTF-8 {@code json}. */
  public static byte[] ok(String json) {
    return ok(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A complete response.
   *
   * @param extraHeaders header lines, each ending in CRLF (e.g. {@code "Retry-After: 1\r\n"})
   */
  public static byte[] response(int status, String reason, String extraHeaders, byte[] body) {
    byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\n" + extraHeaders
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] r = new byte[head.length + body.length];
    System.arraycopy(head, 0, r, 0, head.length);
    System.arraycopy(body, 0, r, head.length, body.length);
    return r;
  }
}
