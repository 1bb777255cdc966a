package dev.cairn.hsm.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A transport that checks each command against a recording (hex, in order) and answers the
 * recorded response; optionally answers from a live device (the emulator) instead, while still
 * checking the command. {@link #assertDone()} checks that every recorded command was sent.
 */
public final class RecordedTransport implements LedgerTransport {
  private final List<String[]> exchanges;
  private final UnaryOperator<byte[]> live;
  private final List<String> liveResponses = new ArrayList<>();
  private int next;

  public RecordedTransport(List<String[]> exchanges, UnaryOperator<byte[]> live) {
    this.exchanges = exchanges;
    this.live = live;
  }

  @Override
  public byte[] exchange(byte[] commandApdu) {
    assertTrue(next < exchanges.size(), "an unexpected extra command " + Hex.encode(commandApdu));
    String[] e = exchanges.get(next++);
    assertEquals(e[0], Hex.encode(commandApdu), "command #" + next);
    if (live != null) {
      byte[] r = live.apply(commandApdu);
      liveResponses.add(Hex.encode(r));
      return r;
    }
    return Hex.decode(e[1]);
  }

  /** The live device's responses, in order. */
  public List<String> liveResponses() {
    return liveResponses;
  }

  public void assertDone() {
    assertEquals(exchanges.size(), next, "every recorded command was sent");
  }

  @Override
  public TransportDescriptor descriptor() {
    return TransportDescriptor.of("recording", "test");
  }

  @Override
  public void close() {}
}
