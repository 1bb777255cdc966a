package dev.cairn.abi;

/**
 * Low-level: the state of one decoding call, passed to {@link AbiType#decodeAt}: the input (never
 * copied), the exclusive end of the region being decoded, and the end position of the value
 * decoded last (set by each type's decoder). Most code never sees it: {@link TupleType#decode} and
 * the {@code Function}/{@code Event} methods create it. Not thread-safe; one per decoding call.
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
