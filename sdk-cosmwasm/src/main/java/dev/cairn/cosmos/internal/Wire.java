package dev.cairn.cosmos.internal;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;

/** Protobuf forms of the shared small messages (Coin, Timestamp/Duration, Any). */
public final class Wire {
  private Wire() {}

  /** {@code cosmos.base.v1beta1.Coin}: denom = 1, amount = 2 (decimal string). */
  public static byte[] coin(Coin c) {
    return new ProtoWriter().string(1, c.denom()).string(2, c.amount().toString()).toByteArray();
  }

  public static Coin readCoin(ProtoReader parent, byte[] b, String name) {
    long at = parent.payloadOffset(b);
    ProtoReader r = parent.nested(b, "Coin", at);
    String denom = "";
    String amount = "";
    while (r.next()) {
      switch (r.field()) {
        case 1:
          denom = r.string("denom");
          break;
        case 2:
          amount = r.string("amount");
          break;
        default:
          r.skip();
      }
    }
    try {
      return Coin.parse(denom, amount);
    } catch (CosmosException e) {
      throw new DecodingException(parent.message() + "." + name, at, e.getMessage());
    }
  }

  /** Timestamp and Duration: seconds = 1 (int64), nanos = 2 (int32). */
  public static byte[] secondsNanos(long seconds, int nanos) {
    return new ProtoWriter().int64(1, seconds).int32(2, nanos).toByteArray();
  }

  /** Reads a Timestamp or Duration into {seconds, nanos}. */
  public static long[] readSecondsNanos(ProtoReader parent, byte[] b, String name) {
    long at = parent.payloadOffset(b);
    ProtoReader r = parent.nested(b, name, at);
    long s = 0;
    long n = 0;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          s = r.uint64("seconds");
          break;
        case 2:
          n = r.int32("nanos");
          break;
        default:
          r.skip();
      }
    }
    if (n < 0 || n > 999_999_999) {
      throw new DecodingException(parent.message() + "." + name + ".nanos", at, "out of range 0..999999999");
    }
    return new long[] {s, n};
  }

  /** The first second of year 1 (0001-01-01T00:00:00Z), google.protobuf.Timestamp's lower bound. */
  public static final long MIN_TIMESTAMP_SECONDS = -62135596800L;
  /** The last second of year 9999 (9999-12-31T23:59:59Z), its upper bound. */
  public static final long MAX_TIMESTAMP_SECONDS = 253402300799L;

  /**
   * Reads a google.protobuf.Timestamp, refusing seconds outside years 1 to 9999 (the range the
   * type documents and the Cosmos SDK enforces) with a DecodingException naming the field.
   */
  public static java.time.Instant readTimestamp(ProtoReader parent, byte[] b, String name) {
    long[] sn = readSecondsNanos(parent, b, name);
    if (sn[0] < MIN_TIMESTAMP_SECONDS || sn[0] > MAX_TIMESTAMP_SECONDS) {
      throw new DecodingException(parent.message() + "." + name + ".seconds", parent.payloadOffset(b),
          sn[0] + " is outside years 1 to 9999");
    }
    return java.time.Instant.ofEpochSecond(sn[0], sn[1]);
  }

  /** Any: type_url = 1, value = 2. */
  public static byte[] any(String typeUrl, byte[] value) {
    return new ProtoWriter().string(1, typeUrl).bytes(2, value).toByteArray();
  }
}
