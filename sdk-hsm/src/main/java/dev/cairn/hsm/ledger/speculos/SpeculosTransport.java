package dev.cairn.hsm.ledger.speculos;

import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.TransportDescriptor;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The Speculos emulator's raw APDU TCP protocol (its {@code --apdu-port}, 9999 by default): each
 * command is sent as a 4-byte big-endian length and the APDU; each response comes back as a 4-byte
 * big-endian length N, N data bytes, then the 2-byte status word (not counted in N).
 *
 * <pre>{@code
 * try (LedgerTransport t = SpeculosTransport.connect("127.0.0.1", 9999, Duration.ofSeconds(30))) {
 *   ApduResponse r = t.exchange(ApduCommand.of(0xE0, 0x06, 0, 0, new byte[0]));
 * }
 * }</pre>
 */
public final class SpeculosTransport implements LedgerTransport {
  /** The largest response data length accepted (an APDU response never exceeds 64 KiB). */
  public static final int MAX_RESPONSE = 0x10000;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final TransportDescriptor descriptor;
  private boolean closed;

  private SpeculosTransport(Socket socket, String host, int port) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.descriptor = TransportDescriptor.of("speculos", host + ":" + port);
  }

  /**
   * Connects to Speculos.
   *
   * @param timeout the connect timeout and the read timeout of each response (a user confirming on
   *     the emulated screen, or an automation, must answer within it)
   * @throws LedgerException UNAVAILABLE when nothing listens there, INVALID_ARGUMENT on bad arguments
   */
  public static SpeculosTransport connect(String host, int port, Duration timeout) {
    if (host == null || host.isEmpty()) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "host", "is null or empty");
    }
    if (port <= 0 || port > 0xFFFF) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "port", "is not a TCP port");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "timeout", "must be positive");
    }
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      s.setSoTimeout((int) timeout.toMillis());
      return new SpeculosTransport(s, host, port);
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // nothing to release
      }
      throw new LedgerException(LedgerException.Kind.UNAVAILABLE, "speculos",
          "cannot connect to " + host + ":" + port + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  @Override
  public synchronized byte[] exchange(byte[] commandApdu) {
    if (closed) {
      throw new LedgerException(LedgerException.Kind.TRANSPORT, "transport", "is closed");
    }
    if (commandApdu == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "commandApdu", "is null");
    }
    try {
      byte[] frame = new byte[4 + commandApdu.length];
      int n = commandApdu.length;
      frame[0] = (byte) (n >>> 24);
      frame[1] = (byte) (n >>> 16);
      frame[2] = (byte) (n >>> 8);
      frame[3] = (byte) n;
      System.arraycopy(commandApdu, 0, frame, 4, n);
      out.write(frame);
      out.flush();
      int len = in.readInt();
      if (len < 0 || len > MAX_RESPONSE) {
        throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response.length",
            "is " + (len & 0xFFFFFFFFL) + ", more than " + MAX_RESPONSE);
      }
      byte[] resp = new byte[len + 2];
      in.readFully(resp);
      return resp;
    } catch (SocketTimeoutException e) {
      throw new LedgerException(LedgerException.Kind.TRANSPORT, "read", "no response within the timeout", e);
    } catch (EOFException e) {
      throw new LedgerException(LedgerException.Kind.TRANSPORT, "read", "short read: the connection closed mid-response", e);
    } catch (IOException e) {
      throw new LedgerException(LedgerException.Kind.TRANSPORT, "speculos", "I/O error: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public TransportDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing is best effort
      }
    }
  }

  @Override
  public String toString() {
    return "SpeculosTransport{" + descriptor + "}";
  }
}
