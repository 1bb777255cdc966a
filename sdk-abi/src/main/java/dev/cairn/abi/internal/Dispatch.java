package dev.cairn.abi.internal;

import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.AbiType;
import dev.cairn.abi.TupleType;
import dev.cairn.abi.type.AddressType;
import dev.cairn.abi.type.ArrayType;
import dev.cairn.abi.type.BoolType;
import dev.cairn.abi.type.BytesType;
import dev.cairn.abi.type.IntType;
import dev.cairn.abi.type.StringType;

/**
 * Static dispatch over the SDK's (final) type classes, so that the codec's loops over tuple
 * components and array elements make monomorphic, inlinable calls guarded by cheap exact-class
 * checks instead of one megamorphic virtual call.
 */
public final class Dispatch {
  private Dispatch() {}

  /** {@code t.encodedLength(v)}. */
  public static int encodedLength(AbiType<?> t, Object v) {
    if (t instanceof IntType) {
      return ((IntType<?>) t).encodedLength(v);
    }
    if (t instanceof AddressType) {
      return ((AddressType) t).encodedLength(v);
    }
    if (t instanceof BoolType) {
      return ((BoolType) t).encodedLength(v);
    }
    if (t instanceof BytesType) {
      return ((BytesType) t).encodedLength(v);
    }
    if (t instanceof StringType) {
      return ((StringType) t).encodedLength(v);
    }
    if (t instanceof ArrayType) {
      return ((ArrayType) t).encodedLength(v);
    }
    if (t instanceof TupleType) {
      return ((TupleType) t).encodedLength(v);
    }
    return t.encodedLength(v);
  }

  /** {@code t.encodeTo(v, out, off)}. */
  public static int encodeTo(AbiType<?> t, Object v, byte[] out, int off) {
    if (t instanceof IntType) {
      return ((IntType<?>) t).encodeTo(v, out, off);
    }
    if (t instanceof AddressType) {
      return ((AddressType) t).encodeTo(v, out, off);
    }
    if (t instanceof BoolType) {
      return ((BoolType) t).encodeTo(v, out, off);
    }
    if (t instanceof BytesType) {
      return ((BytesType) t).encodeTo(v, out, off);
    }
    if (t instanceof StringType) {
      return ((StringType) t).encodeTo(v, out, off);
    }
    if (t instanceof ArrayType) {
      return ((ArrayType) t).encodeTo(v, out, off);
    }
    if (t instanceof TupleType) {
      return ((TupleType) t).encodeTo(v, out, off);
    }
    return t.encodeTo(v, out, off);
  }

  /** {@code t.decodeAt(ctx, off)}. */
  public static Object decodeAt(AbiType<?> t, DecodeContext ctx, int off) {
    if (t instanceof IntType) {
      return ((IntType<?>) t).decodeAt(ctx, off);
    }
    if (t instanceof AddressType) {
      return ((AddressType) t).decodeAt(ctx, off);
    }
    if (t instanceof BoolType) {
      return ((BoolType) t).decodeAt(ctx, off);
    }
    if (t instanceof BytesType) {
      return ((BytesType) t).decodeAt(ctx, off);
    }
    if (t instanceof StringType) {
      return ((StringType) t).decodeAt(ctx, off);
    }
    if (t instanceof ArrayType) {
      return ((ArrayType) t).decodeAt(ctx, off);
    }
    if (t instanceof TupleType) {
      return ((TupleType) t).decodeAt(ctx, off);
    }
    return t.decodeAt(ctx, off);
  }
}
