package dev.cairn.abi.internal;

import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiType;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.TupleType;
import dev.cairn.abi.type.ArrayType;
import dev.cairn.abi.type.BytesType;
import dev.cairn.abi.type.StringType;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.hash.Keccak256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encoding of indexed event parameters into topics, following the Solidity ABI specification:
 * value types are their 32-byte encoding; {@code string} and {@code bytes} are the Keccak-256 of
 * their contents; arrays and tuples are the Keccak-256 of the in-place encoding (elements and
 * members concatenated, each padded to a multiple of 32 bytes, strings and bytes without a length).
 */
public final class Topics {
  private Topics() {}

  /** True for types whose indexed value is stored directly in the topic. */
  public static boolean isValueType(AbiType<?> t) {
    return !(t instanceof ArrayType
        || t instanceof TupleType
        || t instanceof StringType
        || t instanceof BytesType);
  }

  /**
   * The topic of an indexed value of type {@code t}.
   *
   * @param path names the value in error messages
   * @throws AbiException (INVALID_VALUE) if the value does not fit the type
   */
  public static byte[] encode(AbiType<?> t, Object value, String path) {
    try {
      t.encodedLength(value);
    } catch (PathException e) {
      throw (AbiException) e.toPublic(path);
    }
    if (isValueType(t)) {
      byte[] word = new byte[32];
      t.encodeTo(value, word, 0);
      return word;
    }
    if (t instanceof StringType) {
      return Keccak256.hash(((String) value).getBytes(StandardCharsets.UTF_8));
    }
    if (t instanceof BytesType) {
      return Keccak256.hash((byte[]) value);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    inPlace(t, value, out);
    return Keccak256.hash(out.toByteArray());
  }

  private static void inPlace(AbiType<?> t, Object value, ByteArrayOutputStream out) {
    if (isValueType(t)) {
      byte[] word = new byte[32];
      t.encodeTo(value, word, 0);
      out.write(word, 0, 32);
    } else if (t instanceof StringType) {
      padded(((String) value).getBytes(StandardCharsets.UTF_8), out);
    } else if (t instanceof BytesType) {
      padded((byte[]) value, out);
    } else if (t instanceof ArrayType) {
      AbiType<?> e = ((ArrayType) t).elementType();
      if (value instanceof Object[]) {
        for (Object v : (Object[]) value) {
          inPlace(e, v, out);
        }
      } else {
        for (Object v : (List<?>) value) {
          inPlace(e, v, out);
        }
      }
    } else {
      TupleType tt = (TupleType) t;
      Tuple tuple = (Tuple) value;
      for (int i = 0; i < tt.size(); i++) {
        inPlace(tt.get(i), tuple.get(i), out);
      }
    }
  }

  private static void padded(byte[] b, ByteArrayOutputStream out) {
    out.write(b, 0, b.length);
    int pad = (32 - b.length % 32) % 32;
    out.write(new byte[pad], 0, pad);
  }

  /**
   * Decodes the topic of an indexed value type strictly (padding and range checked).
   *
   * @throws DecodingException naming {@code field}
   */
  public static Object decodeValue(AbiType<?> t, byte[] topic, String field) {
    DecodeContext ctx = new DecodeContext(topic, 32);
    try {
      return t.decodeAt(ctx, 0);
    } catch (PathException e) {
      throw (DecodingException) e.toPublic(field);
    }
  }
}
