package dev.cairn.svm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WirePropertiesTest {

  /** A random transaction from a seed: legacy or v0, 1-4 signers, tables, partially signed. */
  static Transaction randomTx(long seed) {
    Random r = new Random(seed);
    List<Keypair> signers = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      byte[] s = new byte[32];
      r.nextBytes(s);
      signers.add(Keypair.fromSeed(s));
    }
    List<Pubkey> others = new ArrayList<>();
    for (int i = 0; i < r.nextInt(10); i++) {
      others.add(rk(r));
    }
    List<Instruction> ixs = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(4); i++) {
      List<AccountMeta> metas = new ArrayList<>();
      for (Keypair k : signers) {
        if (r.nextBoolean() || i == 0) {
          metas.add(AccountMeta.of(k.publicKey(), true, r.nextBoolean()));
        }
      }
      for (Pubkey o : others) {
        if (r.nextBoolean()) {
          metas.add(AccountMeta.of(o, false, r.nextBoolean()));
        }
      }
      byte[] data = new byte[r.nextInt(30)];
      r.nextBytes(data);
      ixs.add(Instruction.of(rk(r), metas, data));
    }
    byte[] bh = new byte[32];
    r.nextBytes(bh);
    Message m;
    if (r.nextBoolean()) {
      m = Message.compileLegacy(signers.get(0).publicKey(), ixs, Blockhash.of(bh));
    } else {
      List<Pubkey> addrs = new ArrayList<>(others);
      addrs.add(rk(r));
      m = Message.compileV0(signers.get(0).publicKey(), ixs, Blockhash.of(bh), List.of(AddressLookupTable.of(rk(r), addrs)));
    }
    Transaction tx = Transaction.unsigned(m);
    for (Keypair k : signers) {
      if (r.nextInt(3) > 0) {
        tx = tx.sign(k);
      }
    }
    return tx;
  }

  private static Pubkey rk(Random r) {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return Pubkey.of(b);
  }

  @Property(tries = 300)
  void transactionsRoundTrip(@ForAll long seed) {
    Transaction tx = randomTx(seed);
    byte[] wire = tx.serialize();
    Transaction back = Transaction.deserialize(wire);
    assertEquals(tx, back);
    assertArrayEquals(wire, back.serialize());
    assertEquals(tx.message(), Message.deserialize(tx.message().serialize()));
    for (int i = 0; i < tx.message().numRequiredSignatures(); i++) {
      assertEquals(tx.hasSignature(i), back.verifySignature(i));
    }
  }

  @Provide
  Arbitrary<long[]> mutation() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.integers().between(1, 8))
        .as((a, b, c) -> new long[] {a, b, c});
  }

  /** Random byte changes, truncations and extensions either decode or throw the typed exception. */
  @Property(tries = 2000)
  void mutatedTransactionsDecodeOrFailTyped(@ForAll("mutation") long[] m) {
    byte[] wire = randomTx(m[0]).serialize();
    Random r = new Random(m[1]);
    byte[] bad;
    switch (r.nextInt(3)) {
      case 0:
        bad = wire.clone();
        for (int i = 0; i < m[2]; i++) {
          bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
        }
        break;
      case 1:
        bad = java.util.Arrays.copyOf(wire, r.nextInt(wire.length));
        break;
      default:
        bad = java.util.Arrays.copyOf(wire, wire.length + (int) m[2]);
        bad[wire.length] = (byte) r.nextInt(256);
    }
    try {
      Transaction t = Transaction.deserialize(bad);
      assertArrayEquals(bad, t.serialize()); // whatever decodes is canonical
    } catch (DecodingException | SvmException e) {
      // typed: fine
    }
    try {
      Message.deserialize(java.util.Arrays.copyOfRange(bad, Math.min(bad.length, 1 + 64), bad.length));
    } catch (DecodingException | SvmException e) {
      // typed: fine
    }
  }

  @Property(tries = 1000)
  void arbitraryBytesNeverCrashTheDecoder(@ForAll byte[] bytes) {
    try {
      Transaction.deserialize(bytes);
    } catch (DecodingException | SvmException e) {
      // typed
    }
    try {
      Message.deserialize(bytes);
    } catch (DecodingException | SvmException e) {
      // typed
    }
  }

  @Property
  void compactU16RoundTrips(@ForAll @IntRange(min = 0, max = 0xffff) int v) {
    assertEquals(v, CompactU16.decode(CompactU16.encode(v), 0));
  }

  @Property
  void compactU16RejectsOrDecodesCanonically(@ForAll byte[] bytes) {
    try {
      int v = CompactU16.decode(bytes, 0);
      byte[] enc = CompactU16.encode(v);
      assertArrayEquals(enc, java.util.Arrays.copyOf(bytes, enc.length));
    } catch (DecodingException e) {
      // typed
    }
  }
}
