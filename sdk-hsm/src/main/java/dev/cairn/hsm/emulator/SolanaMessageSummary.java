package dev.cairn.hsm.emulator;

import dev.cairn.core.encoding.Base58;

/** What the emulated Solana app can read from a transaction message; package-private helper. */
final class SolanaMessageSummary {
  private static final byte[] SYSTEM_PROGRAM = new byte[32];

  private SolanaMessageSummary() {}

  /**
   * A one-line summary ("3 accounts, 1 instruction: System transfer of 42 lamports to ...") of a
   * legacy or v0 message, or null when it does not parse exactly (bounds checked, nothing left over).
   */
  static String describe(byte[] m) {
    int[] pos = {0};
    try {
      boolean v0 = false;
      if ((m[0] & 0x80) != 0) {
        if ((m[0] & 0x7F) != 0) {
          return null;
        }
        v0 = true;
        pos[0] = 1;
      }
      int required = m[pos[0]] & 0xFF;
      pos[0] += 3;
      int keys = compactU16(m, pos);
      if (keys == 0 || required == 0 || required > keys) {
        return null;
      }
      int keysAt = pos[0];
      pos[0] += 32 * keys + 32; // keys, blockhash
      check(m, pos[0]);
      int instructions = compactU16(m, pos);
      String first = null;
      for (int i = 0; i < instructions; i++) {
        int program = m[pos[0]++] & 0xFF;
        int accounts = compactU16(m, pos);
        int accountsAt = pos[0];
        pos[0] += accounts;
        check(m, pos[0]);
        int len = compactU16(m, pos);
        int dataAt = pos[0];
        pos[0] += len;
        check(m, pos[0]);
        if (i == 0) {
          first = instruction(m, keysAt, keys, program, accountsAt, accounts, dataAt, len);
        }
      }
      if (v0) {
        int lookups = compactU16(m, pos);
        for (int i = 0; i < lookups; i++) {
          pos[0] += 32;
          int w = compactU16(m, pos);
          pos[0] += w;
          int r = compactU16(m, pos);
          pos[0] += r;
          check(m, pos[0]);
        }
      }
      if (pos[0] != m.length) {
        return null;
      }
      return keys + " accounts, " + instructions + " instruction" + (instructions == 1 ? "" : "s")
          + (first == null ? "" : ": " + first);
    } catch (ArrayIndexOutOfBoundsException | IllegalStateException e) {
      return null;
    }
  }

  private static String instruction(byte[] m, int keysAt, int keys, int program, int accountsAt, int accounts,
      int dataAt, int len) {
    if (program >= keys) {
      throw new IllegalStateException("program index");
    }
    boolean system = true;
    for (int i = 0; i < 32; i++) {
      if (m[keysAt + 32 * program + i] != SYSTEM_PROGRAM[i]) {
        system = false;
        break;
      }
    }
    if (system && len == 12 && accounts == 2 && m[dataAt] == 2 && m[dataAt + 1] == 0 && m[dataAt + 2] == 0
        && m[dataAt + 3] == 0) {
      long lamports = 0;
      for (int i = 7; i >= 0; i--) {
        lamports = lamports << 8 | (m[dataAt + 4 + i] & 0xFF);
      }
      int to = m[accountsAt + 1] & 0xFF;
      if (to >= keys) {
        throw new IllegalStateException("account index");
      }
      byte[] k = new byte[32];
      System.arraycopy(m, keysAt + 32 * to, k, 0, 32);
      return "System transfer of " + Long.toUnsignedString(lamports) + " lamports to " + Base58.encode(k);
    }
    byte[] p = new byte[32];
    System.arraycopy(m, keysAt + 32 * program, p, 0, 32);
    return "program " + Base58.encode(p);
  }

  private static void check(byte[] m, int pos) {
    if (pos > m.length) {
      throw new IllegalStateException("past the end");
    }
  }

  private static int compactU16(byte[] m, int[] pos) {
    int v = 0;
    for (int i = 0; i < 3; i++) {
      int b = m[pos[0]++] & 0xFF;
      v |= (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalStateException("compact-u16 too long");
  }
}
