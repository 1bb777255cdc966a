package dev.cairn.cosmos.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.cairn.core.encoding.DecodingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one protobuf message field by field over protobuf-javalite's {@link CodedInputStream}.
 * Every problem (truncation, a bad varint, a wire type that does not match the field, invalid
 * UTF-8 in a string, nesting too deep) is a {@link DecodingException} naming the message and
 * field being read and the offset, relative to the outermost input.
 *
 * <pre>{@code
 * ProtoReader r = ProtoReader.of(bytes, "Coin");
 * while (r.next()) {
 *   switch (r.field()) { case 1: denom = r.string("denom"); break; default: r.skip(); }
 * }
 * }</pre>
 */
public final class ProtoReader {
  /** Deepest nesting of embedded messages accepted (Any inside MsgExec inside Any...). */
  public static final int MAX_DEPTH = 32;

  private final CodedInputStream in;
  private final String message;
  private final long base;
  private final int depth;
  private int tag;

  private ProtoReader(byte[] data, String message, long base, int depth) {
    this.in = CodedInputStream.newInstance(data);
    this.message = message;
    this.base = base;
    this.depth = depth;
  }

  /** A reader over a whole message. */
  public static ProtoReader of(byte[] data, String message) {
    if (data == null) {
      throw new DecodingException(message, -1, "missing bytes");
    }
    return new ProtoReader(data, message, 0, 0);
  }

  /** A reader over an embedded message read from this one, for offsets relative to the outer input. */
  public ProtoReader nested(byte[] data, String childMessage, long childOffset) {
    if (depth + 1 > MAX_DEPTH) {
      throw new DecodingException(message, childOffset, "messages nested deeper than " + MAX_DEPTH);
    }
    return new ProtoReader(data, childMessage, childOffset, depth + 1);
  }

  /** Offset of this message's first byte, relative to the outermost input. */
  public long start() {
    return base;
  }

  /** Offset of the next byte, relative to the outermost input. */
  public long offset() {
    return base + in.getTotalBytesRead();
  }

  /** Advances to the next field; false at the end of the message. */
  public boolean next() {
    long at = offset();
    try {
      tag = in.readTag();
    } catch (IOException e) {
      throw new DecodingException(message, at, "bad field tag: " + e.getMessage());
    }
    if (tag == 0) {
      return false;
    }
    if (WireFormat.getTagFieldNumber(tag) == 0) {
      throw new DecodingException(message, at, "field number 0");
    }
    return true;
  }

  /** The current field's number. */
  public int field() {
    return WireFormat.getTagFieldNumber(tag);
  }

  /** Skips the current field (unknown fields are skipped, as protobuf requires). */
  public void skip() {
    long at = offset();
    int wt = WireFormat.getTagWireType(tag);
    if (wt == WireFormat.WIRETYPE_START_GROUP || wt == WireFormat.WIRETYPE_END_GROUP || wt > 5) {
      throw new DecodingException(message, at, "unsupported wire type " + wt + " for field " + field());
    }
    try {
      in.skipField(tag);
    } catch (IOException e) {
      throw new DecodingException(message, at, "field " + field() + ": " + e.getMessage());
    }
  }

  private void expect(int wireType, String name) {
    if (WireFormat.getTagWireType(tag) != wireType) {
      throw new DecodingException(message + "." + name, offset(),
          "wire type " + WireFormat.getTagWireType(tag) + ", expected " + wireType);
    }
  }

  /** A varint field read as an unsigned 64-bit value (uint64, int64). */
  public long uint64(String name) {
    expect(WireFormat.WIRETYPE_VARINT, name);
    long at = offset();
    try {
      return in.readRawVarint64();
    } catch (IOException e) {
      throw new DecodingException(message + "." + name, at, "bad varint");
    }
  }

  /** int32 or enum. */
  public int int32(String name) {
    return (int) uint64(name);
  }

  /** A uint32 field: values over 32 bits are rejected. */
  public int uint32(String name) {
    long at = offset();
    long v = uint64(name);
    if ((v >>> 32) != 0) {
      throw new DecodingException(message + "." + name, at, "does not fit in uint32");
    }
    return (int) v;
  }

  public boolean bool(String name) {
    long at = offset();
    long v = uint64(name);
    if (v != 0 && v != 1) {
      throw new DecodingException(message + "." + name, at, "bool must be 0 or 1");
    }
    return v == 1;
  }

  /** A length-delimited field's bytes (bytes, or an embedded message to read with {@link #nested}). */
  public byte[] bytes(String name) {
    expect(WireFormat.WIRETYPE_LENGTH_DELIMITED, name);
    long at = offset();
    try {
      return in.readByteArray();
    } catch (IOException e) {
      throw new DecodingException(message + "." + name, at, "truncated: " + e.getMessage());
    }
  }

  /** Offset where the payload of the length-delimited field just read with {@link #bytes} began. */
  public long payloadOffset(byte[] payload) {
    return offset() - payload.length;
  }

  /** A string field: valid UTF-8 only (as proto3 and the Cosmos SDK require). */
  public String string(String name) {
    long at = offset();
    byte[] b = bytes(name);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DecodingException(message + "." + name, at, "invalid UTF-8");
    }
  }

  /** The message name used in errors. */
  public String message() {
    return message;
  }

  /** An error about field {@code name} at {@code offset}. */
  public DecodingException error(String name, long at, String problem) {
    return new DecodingException(message + "." + name, at, problem);
  }
}
