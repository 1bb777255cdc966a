package dev.cairn.abi.internal;

/**
 * State of one decoding call: the input (never copied), the exclusive end of the region being
 * decoded, and the end position of the value decoded last (set by each type's decoder).
 */
public final class DecodeContext {
  /** The whole input array. */
  public final byte[] data;
  /** Exclusive end of the encoded region inside {@link #data}. */
  public final int limit;
  /** Where the value decoded last ended; written by decoders of dynamic values. */
  public int end;

  /**
   * @param data the input
   * @param limit exclusive end of the region
   */
  public DecodeContext(byte[] data, int limit) {
    this.data = data;
    this.limit = limit;
  }
}
