package dev.cairn.evm.rpc.internal;

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
 * A loopback HTTP/1.1 server whose every byte is written by the test's script, to drive the
 * client through exact wire shapes (pipelined bursts, fragments, malformed heads, early closes).
 */
final class ScriptedHttpServer implements AutoCloseable {
  /** What the server does with one accepted connection. */
  interface Script {
    void serve(Conn c) throws Exception;
  }

  /** One accepted connection: read requests, write raw bytes. */
  static final class Conn {
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final int index;

    Conn(Socket socket, int index) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
      this.index = index;
    }

    /** The next request's body; null at end of stream before a request starts. */
    byte[] readRequest() throws IOException {
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
        head.write(b);
        state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
            : b == '\r' ? 1 : 0;
      }
      String h = head.toString(StandardCharsets.ISO_8859_1);
      int len = 0;
      for (String line : h.split("\r\n")) {
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          len = Integer.parseInt(line.substring(15).trim());
        }
      }
      if (!h.startsWith("POST ")) {
        throw new IOException("not a POST: " + h);
      }
      return in.readNBytes(len);
    }

    void write(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    void write(byte[] b) throws IOException {
      out.write(b);
      out.flush();
    }
  }

  final ServerSocket server;
  final AtomicInteger accepted = new AtomicInteger();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  ScriptedHttpServer(Script script) throws IOException {
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

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** A complete 200 response carrying {@code body} with a Content-Length. */
  static byte[] ok(byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] r = new byte[head.length + body.length];
    System.arraycopy(head, 0, r, 0, head.length);
    System.arraycopy(body, 0, r, head.length, body.length);
    return r;
  }
}
