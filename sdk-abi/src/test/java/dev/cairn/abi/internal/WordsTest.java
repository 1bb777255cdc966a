package dev.cairn.abi.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The shift-based word helpers (no VarHandle: Android API 24) against ByteBuffer's big-endian views. */
class WordsTest {
  @Property
  void readsLikeByteBuffer(@ForAll @Size(min = 40, max = 40) byte[] b, @ForAll @IntRange(min = 0, max = 32) int off) {
    ByteBuffer bb = ByteBuffer.wrap(b);
    assertEquals(bb.getInt(off), Words.getInt(b, off));
    assertEquals(bb.getLong(off), Words.getLong(b, off));
  }

  @Property
  void writesLikeByteBuffer(@ForAll int i, @ForAll long l, @ForAll @IntRange(min = 0, max = 24) int off) {
    byte[] a = new byte[40];
    byte[] e = new byte[40];
    Words.putInt(a, off, i);
    Words.putLong(a, off + 4, l);
    ByteBuffer.wrap(e).putInt(off, i).putLong(off + 4, l);
    assertArrayEquals(e, a);
  }

  @Property
  void isZeroAndIntWord(@ForAll @IntRange(min = 0, max = 63) int hot) {
    byte[] z = new byte[64];
    assertTrue(Words.isZero(z, 0, 64));
    z[hot] = 1;
    assertFalse(Words.isZero(z, 0, 64));
    assertTrue(Words.isZero(z, hot + 1, 63 - hot));
    byte[] w = new byte[32];
    Words.putIntWord(w, 0, hot);
    assertEquals(hot, Words.getIntWord(w, 0));
    w[3] = 1;
    assertEquals(-1, Words.getIntWord(w, 0));
  }

  @Test
  void intWordLimits() {
    byte[] w = new byte[32];
    w[28] = (byte) 0x7f;
    w[29] = w[30] = w[31] = (byte) 0xff;
    assertEquals(Integer.MAX_VALUE, Words.getIntWord(w, 0));
    w[27] = 1;
    assertEquals(-1, Words.getIntWord(w, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> Words.getLong(new byte[7], 0));
  }
}
