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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback WebSocket server (RFC 6455) driven by the test's script: it performs the opening
 * handshake (or refuses it with a scripted status, e.g. 503 with {@code Retry-After}), then the
 * script reads the client's text messages and writes its own, and can drop the connection without
 * a closing handshake to test reconnection. Each accepted connection runs the script on its own
 * thread.
 *
 * <pre>{@code
 * try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
 *   String m;
 *   while ((m = c.readText()) != null) {
 *     c.sendText(m); // echo
 *   }
 * })) {
 *   String url = s.url("/");   // ws://127.0.0.1:port/
 * }
 * }</pre>
 */
public final class ScriptedWebSocketServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_MESSAGE = 16 * 1024 * 1024;

  /** What the server does with one accepted (and upgraded) connection. */
  @FunctionalInterface
  public interface Script {
    /** Serves one connection; returning closes it (with a closing handshake unless dropped). */
    void serve(Conn c) throws Exception;
  }

  /** One upgraded connection. */
  public static final class Conn {
    /** 0 for the first accepted connection, 1 for the second, ... (refused handshakes count too). */
    public final int index;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean dropped;

    Conn(Socket socket, InputStream in, OutputStream out, int index) {
      this.socket = socket;
      this.in = in;
      this.out = out;
      this.index = index;
    }

    /**
     * The next text message (fragments joined; pings answered), or null once the client closed
     * the connection or it broke.
     */
    public String readText() throws IOException {
      ByteArrayOutputStream msg = new ByteArrayOutputStream();
      for (;;) {
        int b0 = in.read();
        if (b0 < 0) {
          return null;
        }
        int b1 = in.read();
        if (b1 < 0) {
          return null;
        }
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0f;
        boolean masked = (b1 & 0x80) != 0;
        long len = b1 & 0x7f;
        if (len == 126) {
          len = (readByte() << 8) | readByte();
        } else if (len == 127) {
          len = 0;
          for (int i = 0; i < 8; i++) {
            len = (len << 8) | readByte();
          }
        }
        if (len < 0 || len + msg.size() > MAX_MESSAGE) {
          throw new IOException("message over " + MAX_MESSAGE + " bytes");
        }
        byte[] mask = masked ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) len);
        if (payload.length != len) {
          return null;
        }
        if (mask != null) {
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
          }
        }
        switch (opcode) {
          case 0x8: // close: answer and end
            try {
              writeFrame(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
            } catch (IOException ignored) {
              // the client may be gone already
            }
            return null;
          case 0x9: // ping
            writeFrame(0xA, payload);
            continue;
          case 0xA: // pong
            continue;
          default:
            msg.write(payload);
            if (fin) {
              return msg.toString(StandardCharsets.UTF_8);
            }
        }
      }
    }

    private int readByte() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("frame cut");
      }
      return b;
    }

    /** Sends one text message. */
    public void sendText(String text) throws IOException {
      writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a close frame with {@code code} (the script should return afterwards). */
    public void close(int code) throws IOException {
      writeFrame(0x8, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /** Drops the TCP connection at once, without a closing handshake (a network failure, a node restart). */
    public void drop() {
      dropped = true;
      try {
        socket.setSoLinger(true, 0); // RST rather than FIN
        socket.close();
      } catch (IOException ignored) {
        // closed anyway
      }
    }

    boolean dropped() {
      return dropped;
    }

    private synchronized void writeFrame(int opcode, byte[] payload) throws IOException {
      ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
      f.write(0x80 | opcode);
      if (payload.length < 126) {
        f.write(payload.length);
      } else if (payload.length < 65536) {
        f.write(126);
        f.write(payload.length >>> 8);
        f.write(payload.length);
      } else {
        f.write(127);
        for (int i = 7; i >= 0; i--) {
          f.write((int) ((long) payload.length >>> (8 * i)));
        }
      }
      f.write(payload);
      out.write(f.toByteArray());
      out.flush();
    }
  }

  private final ServerSocket server;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger upgraded = new AtomicInteger();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
  private final List<Long> handshakeNanos = new CopyOnWriteArrayList<>();

  /** Starts a server on a free loopback port. */
  public ScriptedWebSocketServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        Socket s;
        try {
          s = server.accept();
        } catch (IOException e) {
          return;
        }
        int index = accepted.getAndIncrement();
        Thread t = new Thread(() -> serve(s, index, script), "scripted-ws-conn-" + index);
        t.setDaemon(true);
        t.start();
      }
    }, "scripted-ws-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void serve(Socket s, int index, Script script) {
    Conn c = null;
    try (Socket sock = s) {
      InputStream in = sock.getInputStream();
      OutputStream out = sock.getOutputStream();
      String head = readHead(in);
      handshakeNanos.add(System.nanoTime());
      String refusal = refusals.poll();
      if (refusal != null) {
        out.write(refusal.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return;
      }
      String key = header(head, "Sec-WebSocket-Key");
      if (key == null || header(head, "Upgrade") == null) {
        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return;
      }
      String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
          .digest((key.trim() + GUID).getBytes(StandardCharsets.ISO_8859_1)));
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      upgraded.incrementAndGet();
      c = new Conn(sock, in, out, index);
      script.serve(c);
      if (!c.dropped()) {
        try {
          c.close(1000);
        } catch (IOException ignored) {
          // the client is gone
        }
      }
    } catch (Exception e) {
      if (!server.isClosed() && (c == null || !c.dropped())) {
        failures.add(e);
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("handshake cut");
      }
      if (head.size() > 64 * 1024) {
        throw new IOException("handshake over 64 KiB");
      }
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
          : b == '\r' ? 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  /**
   * Refuses the next handshake with this HTTP status (e.g. 503 with {@code "Retry-After: 1\r\n"});
   * refusals queue up, one per handshake.
   *
   * @param extraHeaders header lines, each ending in CRLF
   */
  public void refuseNextHandshake(int status, String extraHeaders) {
    refusals.add("HTTP/1.1 " + status + " Refused\r\n" + extraHeaders + "Content-Length: 0\r\nConnection: close\r\n\r\n");
  }

  /** {@code ws://127.0.0.1:port} followed by {@code path}. */
  public String url(String path) {
    return "ws://127.0.0.1:" + server.getLocalPort() + path;
  }

  /** The port. */
  public int port() {
    return server.getLocalPort();
  }

  /** TCP connections accepted (refused handshakes included). */
  public int accepted() {
    return accepted.get();
  }

  /** Connections upgraded to WebSocket. */
  public int upgraded() {
    return upgraded.get();
  }

  /** {@link System#nanoTime()} of each handshake received, in order (to check reconnection pacing). */
  public List<Long> handshakeTimes() {
    return handshakeNanos;
  }

  /** Exceptions thrown by scripts while the server was open (dropped connections excepted). */
  public List<Throwable> failures() {
    return failures;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
