package dev.cairn.abi.internal;

import dev.cairn.abi.AbiType;
import dev.cairn.abi.type.AddressType;
import dev.cairn.abi.type.BoolType;
import dev.cairn.abi.type.IntType;

/**
 * Static dispatch for the commonest static types, so that the codec's loops over tuple components
 * and array elements make monomorphic (inlinable) calls for integers, addresses and bools instead
 * of a megamorphic virtual call.
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
    return t.decodeAt(ctx, off);
  }
}
