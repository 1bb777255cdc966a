package dev.cairn.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.CompactU16;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Malformed wire transactions, messages, base58 text, keypair files and compact-u16 values give
 * the typed exceptions ({@link DecodingException}, {@link SvmException}) naming the field (and the
 * offset where there is one): never another exception, never a hang, never an allocation that grows
 * with a length the input claims rather than with the input.
 */
class MalformedInputPropertiesTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    // class loading and first-use initialisation allocate; measure decoding only
    for (int i = 0; i < 50; i++) {
      byte[] wire = sample(i, i % 2 == 0).serialize();
      for (byte[] in : List.of(wire, Arrays.copyOf(wire, i * 7), new byte[] {(byte) 0xff, (byte) 0xff, 3})) {
        try {
          Transaction.deserialize(in);
          Message.deserialize(in);
        } catch (DecodingException | SvmException e) {
          // expected
        }
      }
    }
  }

  /** Runs {@code decode}; it must succeed or throw a typed exception that names the field. */
  private static <T> T decodeOrTyped(String fieldPrefix, byte[] input, java.util.function.Function<byte[], T> decode) {
    long t0 = System.nanoTime();
    try {
      // first run: links the error path's string concatenation etc., which allocates once per call site
      decode.apply(input);
    } catch (RuntimeException e) {
      // checked below
    }
    long first = (System.nanoTime() - t0) / 1_000_000;
    T result = null;
    RuntimeException thrown = null;
    long before = THREADS.getCurrentThreadAllocatedBytes();
    t0 = System.nanoTime();
    try {
      result = decode.apply(input);
    } catch (RuntimeException e) {
      thrown = e;
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // bounded by the input, not by counts it claims (a 65535-entry claim would be megabytes)
    assertTrue(allocated < 64 * 1024 + 64L * input.length, allocated + " bytes allocated for " + input.length + " input bytes");
    assertTrue(first < 2_000 && ms < 2_000, first + "/" + ms + " ms for " + input.length + " bytes");
    if (thrown == null) {
      return result;
    }
    if (thrown instanceof DecodingException) {
      DecodingException e = (DecodingException) thrown;
      assertNotNull(e.field());
      assertTrue(e.field().startsWith(fieldPrefix), "field " + e.field() + " for " + e.getMessage());
      assertTrue(e.offset() >= -1 && e.offset() <= input.length, "offset " + e.offset() + " outside the input: " + e.getMessage());
      if (e.offset() >= 0) {
        assertTrue(e.getMessage().contains(e.field() + " at offset " + e.offset()), e.getMessage());
      }
      return null;
    }
    if (thrown instanceof SvmException) {
      assertTrue(thrown.getMessage().contains(":"), "names no field: " + thrown.getMessage());
      return null;
    }
    throw new AssertionError("untyped " + thrown + " for input " + dev.cairn.core.encoding.Hex.encode(input), thrown);
  }

  static Transaction sample(long seed, boolean v0) {
    Random r = new Random(seed);
    byte[] s = new byte[32];
    r.nextBytes(s);
    Keypair a = Keypair.fromSeed(s);
    r.nextBytes(s);
    Keypair b = Keypair.fromSeed(s);
    byte[] k = new byte[32];
    r.nextBytes(k);
    Pubkey other = Pubkey.of(k.clone());
    r.nextBytes(k);
    Pubkey program = Pubkey.of(k.clone());
    r.nextBytes(k);
    Pubkey tableKey = Pubkey.of(k.clone());
    byte[] data = new byte[r.nextInt(50)];
    r.nextBytes(data);
    Instruction ix = Instruction.of(program,
        List.of(AccountMeta.of(a.publicKey(), true, true), AccountMeta.of(b.publicKey(), true, false), AccountMeta.of(other, false, true)), data);
    r.nextBytes(k);
    Message m = v0
        ? Message.compileV0(a.publicKey(), List.of(ix), Blockhash.of(k), List.of(dev.cairn.svm.tx.AddressLookupTable.of(tableKey, List.of(other))))
        : Message.compileLegacy(a.publicKey(), List.of(ix), Blockhash.of(k));
    return Transaction.unsigned(m).sign(a, b);
  }

  @Property(tries = 120)
  void everyTruncationOfATransactionNamesFieldAndOffset(@ForAll long seed, @ForAll boolean v0) {
    byte[] wire = sample(seed, v0).serialize();
    for (int len = 0; len < wire.length; len++) {
      byte[] cut = Arrays.copyOf(wire, len);
      try {
        Transaction.deserialize(cut);
        fail("a truncation to " + len + " of " + wire.length + " bytes decoded");
      } catch (DecodingException e) {
        assertTrue(e.field().startsWith("transaction"), e.getMessage());
        // a cut inside the data is reported at or before the cut (where the truncated field starts)
        assertTrue(e.offset() >= 0 && e.offset() <= len, e.getMessage());
      }
      if (len > 1 + 128) {
        byte[] msgCut = Arrays.copyOfRange(wire, 1 + 128, len);
        DecodingException e = assertThrows(DecodingException.class, () -> Message.deserialize(msgCut));
        assertTrue(e.field().startsWith("message"), e.getMessage());
      }
    }
  }

  @Provide
  Arbitrary<long[]> garbling() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.integers().between(1, 12))
        .as((a, b, c) -> new long[] {a, b, c});
  }

  /** Overwritten bytes, inserted and deleted bytes: typed errors or a canonical decode. */
  @Property(tries = 1500)
  void garbledTransactionsAndMessagesFailTyped(@ForAll("garbling") long[] g) {
    Random r = new Random(g[1]);
    byte[] wire = sample(g[0], r.nextBoolean()).serialize();
    byte[] bad = wire.clone();
    for (int i = 0; i < g[2]; i++) {
      int at = r.nextInt(bad.length);
      switch (r.nextInt(3)) {
        case 0:
          bad[at] = (byte) r.nextInt(256);
          break;
        case 1: {
          byte[] n = new byte[bad.length + 1];
          System.arraycopy(bad, 0, n, 0, at);
          n[at] = (byte) (r.nextBoolean() ? 0xff : r.nextInt(256));
          System.arraycopy(bad, at, n, at + 1, bad.length - at);
          bad = n;
          break;
        }
        default:
          if (bad.length > 1) {
            byte[] n = new byte[bad.length - 1];
            System.arraycopy(bad, 0, n, 0, at);
            System.arraycopy(bad, at + 1, n, at, bad.length - at - 1);
            bad = n;
          }
      }
    }
    Transaction t = decodeOrTyped("transaction", bad, Transaction::deserialize);
    if (t != null) {
      assertTrue(Arrays.equals(bad, t.serialize()), "a decoded transaction re-serializes to its input");
    }
    byte[] msg = Arrays.copyOfRange(bad, Math.min(bad.length, 1 + 64 * (bad[0] & 3)), bad.length);
    Message m = decodeOrTyped("message", msg, Message::deserialize);
    if (m != null) {
      assertTrue(Arrays.equals(msg, m.serialize()), "a decoded message re-serializes to its input");
    }
  }

  /** Length prefixes claiming up to 65535 entries in a short input: rejected before allocating. */
  @Property(tries = 500)
  void hugeClaimedCountsAllocateNothingLarge(@ForAll @IntRange(min = 0x80, max = 0xffff) int claim,
      @ForAll @IntRange(min = 0, max = 5) int where, @ForAll long seed) {
    Transaction tx = sample(seed, true);
    byte[] wire = tx.serialize();
    byte[] prefix = CompactU16.encode(claim);
    // the counts of the wire form: signatures, then (in the message) static keys and instructions
    int keyCount = 1 + 64 * tx.message().numRequiredSignatures() + 1 + 3;
    int ixCount = keyCount + 1 + 32 * tx.message().staticAccountKeys().size() + 32;
    int[] positions = {0, keyCount, ixCount};
    int pos = positions[where % positions.length];
    byte[] bad = new byte[wire.length - 1 + prefix.length];
    System.arraycopy(wire, 0, bad, 0, pos);
    System.arraycopy(prefix, 0, bad, pos, prefix.length);
    System.arraycopy(wire, pos + 1, bad, pos + prefix.length, wire.length - pos - 1);
    assertEquals(null, decodeOrTyped("transaction", bad, Transaction::deserialize));
    byte[] msg = Arrays.copyOfRange(bad, 1 + 128, bad.length);
    decodeOrTyped("message", msg, Message::deserialize);
  }

  @Property(tries = 300)
  void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes) {
    decodeOrTyped("transaction", bytes, Transaction::deserialize);
    decodeOrTyped("message", bytes, Message::deserialize);
  }

  @Test
  void oversizedTransactionsAreRejectedNamingTheSize() {
    byte[] big = new byte[1233 + new Random(1).nextInt(100_000)];
    TransactionTooLargeException e = assertThrows(TransactionTooLargeException.class, () -> Transaction.deserialize(big));
    assertTrue(e.getMessage().contains(Integer.toString(big.length)) && e.getMessage().contains("1232"), e.getMessage());
    // serializing a message over the limit names its size
    Keypair payer = Keypair.fromSeed(new byte[32]);
    Instruction ix = Instruction.of(Pubkey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}),
        List.of(AccountMeta.of(payer.publicKey(), true, true)), new byte[1200]);
    Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(), List.of(ix), Blockhash.of(new byte[32]))).sign(payer);
    TransactionTooLargeException s = assertThrows(TransactionTooLargeException.class, tx::serialize);
    assertTrue(s.getMessage().contains(Integer.toString(tx.serializedLength())) && s.getMessage().contains("1232"), s.getMessage());
    String b64 = java.util.Base64.getEncoder().encodeToString(big);
    assertThrows(TransactionTooLargeException.class, () -> Transaction.deserializeBase64(b64));
  }

  @Provide
  Arbitrary<String> base58ish() {
    return Arbitraries.strings().withChars("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0OIl+/= \u00e9\u0000").ofMinLength(0).ofMaxLength(120);
  }

  @Property(tries = 2000)
  void base58AddressesAndBlockhashesFailTyped(@ForAll("base58ish") String s) {
    for (Consumer<String> parse : List.<Consumer<String>>of(Pubkey::fromBase58, Blockhash::fromBase58)) {
      try {
        parse.accept(s);
        assertEquals(32, Base58.decode(s).length);
      } catch (DecodingException e) {
        if (e.offset() >= 0) {
          assertTrue(e.offset() < s.length(), e.getMessage());
          char c = s.charAt((int) e.offset());
          assertTrue("0OIl+/= \u00e9\u0000".indexOf(c) >= 0, "offset " + e.offset() + " points at '" + c + "': " + e.getMessage());
        }
      }
    }
  }

  @Property(tries = 50)
  void oversizedBase58IsRejectedWithoutQuadraticWork(@ForAll @IntRange(min = 45, max = 2_000_000) int length) {
    char[] c = new char[length];
    Arrays.fill(c, 'z');
    String s = new String(c);
    decodeOrTyped("pubkey", new byte[0], x -> Pubkey.fromBase58(s));
    decodeOrTyped("base58", new byte[0], x -> length > Base58.MAX_ENCODED_LENGTH ? Base58.decode(s) : null);
  }

  @Provide
  Arbitrary<long[]> keypairGarbling() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> new long[] {a, b});
  }

  @Property(tries = 1000)
  void garbledKeypairFilesFailTypedWithoutQuotingTheSecret(@ForAll("keypairGarbling") long[] g) {
    Random r = new Random(g[0]);
    byte[] seed = new byte[32];
    r.nextBytes(seed);
    Keypair kp = Keypair.fromSeed(seed);
    String json = new String(kp.toJson());
    String bad;
    Random m = new Random(g[1]);
    switch (m.nextInt(5)) {
      case 0:
        bad = json.substring(0, m.nextInt(json.length()));
        break;
      case 1: {
        char[] cs = json.toCharArray();
        cs[m.nextInt(cs.length)] = "[],-0123456789 a\"{}.e".charAt(m.nextInt(21));
        bad = new String(cs);
        break;
      }
      case 2:
        bad = json.replaceFirst("\\d+", Integer.toString(256 + m.nextInt(100_000)));
        break;
      case 3:
        bad = json.substring(0, json.length() - 1) + ",1]";
        break;
      default:
        bad = json.replace(",", m.nextBoolean() ? ",," : ", \t\n");
    }
    // the first numbers of the secret, as they appear in the file
    String secretRun = json.substring(1, json.indexOf(',', json.indexOf(',', json.indexOf(',') + 1) + 1));
    try {
      Keypair back = Keypair.fromJson(bad);
      assertEquals(kp.publicKey(), back.publicKey(), "a garbled file that still parses holds the same key");
    } catch (DecodingException e) {
      assertEquals("keypair", e.field());
      assertFalse(e.getMessage().contains(secretRun), "the message quotes the secret: " + e.getMessage());
    } catch (SvmException e) {
      assertTrue(e.getMessage().startsWith("secretKey"), e.getMessage());
      assertFalse(e.getMessage().contains(secretRun), "the message quotes the secret: " + e.getMessage());
    }
  }

  @Test
  void hugeKeypairFilesFailFast() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 2_000_000; i++) {
      sb.append("1,");
    }
    String many = sb.append("1]").toString();
    long t0 = System.nanoTime();
    DecodingException e = assertThrows(DecodingException.class, () -> Keypair.fromJson(many));
    assertTrue(e.getMessage().contains("more than 64"), e.getMessage());
    char[] spaces = new char[5_000_000];
    Arrays.fill(spaces, ' ');
    DecodingException w = assertThrows(DecodingException.class, () -> Keypair.fromJson(new String(spaces)));
    assertEquals(spaces.length, w.offset());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000);
  }

  /** Every 1- and 2-byte input and random 3-byte inputs: a canonical value or a typed error at offset 0. */
  @Test
  void compactU16DecodesCanonicallyOrFailsAtItsStart() {
    Random r = new Random(16);
    int accepted = 0;
    for (int n = 0; n < 256 + 65536 + 200_000; n++) {
      byte[] in;
      if (n < 256) {
        in = new byte[] {(byte) n};
      } else if (n < 256 + 65536) {
        in = new byte[] {(byte) (n - 256), (byte) ((n - 256) >>> 8)};
      } else {
        in = new byte[] {(byte) r.nextInt(256), (byte) (0x80 | r.nextInt(256)), (byte) r.nextInt(256)};
        in[0] |= (byte) 0x80;
      }
      try {
        int v = CompactU16.decode(in, 0);
        byte[] enc = CompactU16.encode(v);
        assertTrue(enc.length <= in.length && Arrays.equals(enc, Arrays.copyOf(in, enc.length)), "non-canonical accepted: " + Arrays.toString(in));
        accepted++;
      } catch (DecodingException e) {
        assertEquals("compactU16.value", e.field());
        assertEquals(0, e.offset(), e.getMessage());
      }
    }
    assertTrue(accepted > 49_000, "accepted " + accepted);
    // an offset outside the input
    DecodingException e = assertThrows(DecodingException.class, () -> CompactU16.decode(new byte[2], 3));
    assertEquals(3, e.offset());
    assertThrows(SvmException.class, () -> CompactU16.encode(65536));
    assertThrows(SvmException.class, () -> CompactU16.encode(-1));
  }

  @Property(tries = 200)
  void keypairSecretKeysOfWrongLengthOrMismatchedHalvesFailTyped(@ForAll byte[] b) {
    try {
      Keypair.fromSecretKey(b);
      fail("random bytes accepted as a secret key");
    } catch (SvmException e) {
      assertTrue(e.getMessage().startsWith("secretKey"), e.getMessage());
    }
  }
}
