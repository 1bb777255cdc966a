package dev.cairn.hsm.ledger.apps;

import dev.cairn.core.encoding.Hex;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.TransportDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Wraps a transport and records every command and response (hex) that passes. */
public final class RecordingTransport implements LedgerTransport {
  private final LedgerTransport inner;
  private final List<String> commands = new ArrayList<>();
  private final List<String> responses = new ArrayList<>();

  public RecordingTransport(LedgerTransport inner) {
    this.inner = inner;
  }

  @Override
  public synchronized byte[] exchange(byte[] commandApdu) {
    commands.add(Hex.encode(commandApdu));
    byte[] r = inner.exchange(commandApdu);
    responses.add(Hex.encode(r));
    return r;
  }

  public synchronized List<String> commands() {
    return new ArrayList<>(commands);
  }

  public synchronized List<String> responses() {
    return new ArrayList<>(responses);
  }

  public synchronized void clear() {
    commands.clear();
    responses.clear();
  }

  @Override
  public TransportDescriptor descriptor() {
    return inner.descriptor();
  }

  @Override
  public void close() {
    inner.close();
  }
}
