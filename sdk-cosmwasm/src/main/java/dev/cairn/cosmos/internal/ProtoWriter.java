package dev.cairn.cosmos.internal;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Writes one protobuf message, field by field, in the order the caller gives (ascending field
 * numbers: the deterministic order every Cosmos encoder uses). Proto3 scalar defaults (empty
 * string, 0, false, empty bytes) are left out as protobuf-es, ts-proto and gogoproto leave them out;
 * embedded messages are written whenever the caller writes them (present, or non-nullable in the Go
 * types). Over protobuf-javalite's {@link CodedOutputStream}; no generated classes, no reflection.
 */
public final class ProtoWriter {
  private final Buffer buf = new Buffer(64);
  private final CodedOutputStream out = CodedOutputStream.newInstance(buf, 256);

  public ProtoWriter string(int field, String value) {
    if (value != null && !value.isEmpty()) {
      try {
        out.writeString(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  /** An unsigned 64-bit varint (uint64, the value read as unsigned). */
  public ProtoWriter uint64(int field, long value) {
    if (value != 0) {
      try {
        out.writeUInt64(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  public ProtoWriter int64(int field, long value) {
    if (value != 0) {
      try {
        out.writeInt64(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  /** int32 and enums (negative values as 10-byte varints, as protobuf requires). */
  public ProtoWriter int32(int field, int value) {
    if (value != 0) {
      try {
        out.writeInt32(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  public ProtoWriter uint32(int field, int value) {
    if (value != 0) {
      try {
        out.writeUInt32(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  public ProtoWriter bool(int field, boolean value) {
    if (value) {
      try {
        out.writeBool(field, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  /** A bytes field, left out when empty. */
  public ProtoWriter bytes(int field, byte[] value) {
    if (value != null && value.length > 0) {
      message(field, value);
    }
    return this;
  }

  /** A length-delimited field written even when empty: an embedded message, or a repeated element. */
  public ProtoWriter message(int field, byte[] encoded) {
    try {
      out.writeByteArray(field, encoded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The encoded message. */
  public byte[] toByteArray() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  /** A ByteArrayOutputStream without synchronisation overhead on the result. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer(int size) {
      super(size);
    }

    @Override
    public byte[] toByteArray() {
      return Arrays.copyOf(buf, count);
    }
  }
}
