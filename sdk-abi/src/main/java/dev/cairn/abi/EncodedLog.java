package dev.cairn.abi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The topics and data of an event log as {@link Event#encodeLog(Object...)} produces them (and as
 * a node returns them). Immutable; accessors return copies.
 */
public final class EncodedLog {
  private final byte[][] topics;
  private final byte[] data;

  EncodedLog(byte[][] topics, byte[] data) {
    this.topics = topics;
    this.data = data;
  }

  /** The topics (0 to 4 of 32 bytes each), copies. */
  public List<byte[]> topics() {
    List<byte[]> out = new ArrayList<>(topics.length);
    for (byte[] t : topics) {
      out.add(t.clone());
    }
    return Collections.unmodifiableList(out);
  }

  /** The data (a copy). */
  public byte[] data() {
    return data.clone();
  }
}
