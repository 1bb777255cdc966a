package dev.cairn.hsm.ledger.speculos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.eth.EthApp;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The Speculos APDU protocol against a tiny in-test TCP server backed by the emulator. */
class SpeculosTransportTest {

  /** Serves one connection with Speculos framing; {@code answer} maps a command to (data||SW). */
  static ServerSocket serve(UnaryOperator<byte[]> answer) throws IOException {
    ServerSocket server = new ServerSocket(0);
    Thread t = new Thread(() -> {
      try (Socket s = server.accept()) {
        DataInputStream in = new DataInputStream(s.getInputStream());
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        while (true) {
          int n = in.readInt();
          byte[] apdu = new byte[n];
          in.readFully(apdu);
          byte[] r = answer.apply(apdu);
          if (r == null) {
            return;
          }
          out.writeInt(r.length - 2);
          out.write(r);
          out.flush();
        }
      } catch (IOException e) {
        // client went away
      }
    }, "speculos-test-server");
    t.setDaemon(true);
    t.start();
    return server;
  }

  @Test
  void ethAppOverSpeculosFraming() throws Exception {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build();
        ServerSocket server = serve(emu::process);
        SpeculosTransport t = SpeculosTransport.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(10))) {
      EthApp eth = EthApp.on(t);
      assertEquals("1.10.4", eth.getAppConfiguration().version());
      assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", eth.getAddress("44'/60'/0'/0/0", false, false).address());
      assertEquals("speculos", t.descriptor().kind());
      emu.user().script(dev.cairn.hsm.emulator.ScriptedUser.Decision.REJECT);
      assertEquals(LedgerException.Kind.USER_REJECTED,
          assertThrows(LedgerException.class, () -> eth.signPersonalMessage("44'/60'/0'/0/0", new byte[] {1})).kind());
    }
  }

  @Test
  void shortReadsOversizedLengthsAndRefusedConnectionsAreTyped() throws Exception {
    // the server closes mid-response
    try (ServerSocket server = new ServerSocket(0)) {
      Thread th = new Thread(() -> {
        try (Socket s = server.accept()) {
          DataInputStream in = new DataInputStream(s.getInputStream());
          byte[] apdu = new byte[in.readInt()];
          in.readFully(apdu);
          DataOutputStream out = new DataOutputStream(s.getOutputStream());
          out.writeInt(10);
          out.write(new byte[3]);
          out.flush();
        } catch (IOException e) {
          // done
        }
      });
      th.setDaemon(true);
      th.start();
      try (SpeculosTransport t = SpeculosTransport.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5))) {
        LedgerException e = assertThrows(LedgerException.class, () -> t.exchange(new byte[] {(byte) 0xe0, 6, 0, 0, 0}));
        assertEquals(LedgerException.Kind.TRANSPORT, e.kind());
        assertEquals("read", e.field());
      }
    }
    // a server announcing 2^31-1 bytes: refused before any allocation
    try (ServerSocket server = new ServerSocket(0)) {
      Thread th = new Thread(() -> {
        try (Socket s = server.accept()) {
          DataInputStream in = new DataInputStream(s.getInputStream());
          byte[] apdu = new byte[in.readInt()];
          in.readFully(apdu);
          new DataOutputStream(s.getOutputStream()).writeInt(Integer.MAX_VALUE);
          Thread.sleep(500);
        } catch (IOException | InterruptedException e) {
          // done
        }
      });
      th.setDaemon(true);
      th.start();
      try (SpeculosTransport t = SpeculosTransport.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5))) {
        assertEquals("response.length",
            assertThrows(LedgerException.class, () -> t.exchange(new byte[] {(byte) 0xe0, 6, 0, 0, 0})).field());
      }
    }
    int freePort;
    try (ServerSocket s = new ServerSocket(0)) {
      freePort = s.getLocalPort();
    }
    assertEquals(LedgerException.Kind.UNAVAILABLE,
        assertThrows(LedgerException.class, () -> SpeculosTransport.connect("127.0.0.1", freePort, Duration.ofSeconds(2))).kind());
  }
}
