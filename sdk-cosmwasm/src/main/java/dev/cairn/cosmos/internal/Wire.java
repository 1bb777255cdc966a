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

  /** Any: type_url = 1, value = 2. */
  public static byte[] any(String typeUrl, byte[] value) {
    return new ProtoWriter().string(1, typeUrl).bytes(2, value).toByteArray();
  }
}
