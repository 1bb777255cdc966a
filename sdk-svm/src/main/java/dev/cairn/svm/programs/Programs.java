package dev.cairn.svm.programs;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;

/** Shared argument checks for the instruction builders. */
final class Programs {
  private Programs() {}

  static Pubkey key(String field, Pubkey p) {
    if (p == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, field + ": is null");
    }
    return p;
  }

  static long unsigned32(String field, long v) {
    if (v < 0 || v > 0xffffffffL) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, field + ": " + v + " outside 0..4294967295");
    }
    return v;
  }

  static int u8(String field, int v) {
    if (v < 0 || v > 255) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, field + ": " + v + " outside 0..255");
    }
    return v;
  }
}
