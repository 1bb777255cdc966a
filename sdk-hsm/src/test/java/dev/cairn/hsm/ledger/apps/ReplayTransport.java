package dev.cairn.hsm.ledger.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.TransportDescriptor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Answers a recorded exchange: each command must equal the recorded one, in order; the reply is the recorded response. */
public final class ReplayTransport implements LedgerTransport {
  private final Deque<String[]> script = new ArrayDeque<>();
  private int sent;

  /** Pairs of {command hex, response hex}. */
  public ReplayTransport(List<String[]> exchanges) {
    script.addAll(exchanges);
  }

  @Override
  public synchronized byte[] exchange(byte[] commandApdu) {
    sent++;
    String[] next = script.pollFirst();
    assertTrue(next != null, "command " + sent + " was not recorded: " + Hex.encode(commandApdu));
    assertEquals(next[0], Hex.encode(commandApdu), "command " + sent);
    return Hex.decode(next[1]);
  }

  /** Whether every recorded command was sent. */
  public synchronized boolean done() {
    return script.isEmpty();
  }

  public synchronized int sent() {
    return sent;
  }

  @Override
  public TransportDescriptor descriptor() {
    return TransportDescriptor.of("replay", "test");
  }

  @Override
  public void close() {}
}
