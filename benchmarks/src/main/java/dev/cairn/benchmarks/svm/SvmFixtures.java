package dev.cairn.benchmarks.svm;

import dev.cairn.benchmarks.Fixtures;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Solana inputs, the same for every library: {@link Fixtures#COUNT} Ed25519 keypairs (seeds =
 * the shared fixture private keys), destinations, blockhashes, amounts, a lookup table of 16
 * addresses and a program with 6 accounts for the v0 case (4 of them in the table, 2 not). Each
 * library receives them as its own types (built once, as a caller would hold them: keypairs loaded,
 * addresses parsed, the blockhash as the RPC answer's base58 text for the libraries that take text).
 */
final class SvmFixtures {
  static final int COUNT = Fixtures.COUNT;
  static final SvmFixtures INSTANCE = new SvmFixtures();

  final byte[][] seeds = new byte[COUNT][];
  final Keypair[] keypairs = new Keypair[COUNT];
  final Pubkey[] destinations = new Pubkey[COUNT];
  final Blockhash[] blockhashes = new Blockhash[COUNT];
  final String[] blockhashText = new String[COUNT];
  final long[] lamports = new long[COUNT];
  final Pubkey program;
  /** The v0 case's program accounts: 0-3 are in the table, 4-5 are not; 0, 1 and 4 writable. */
  final Pubkey[] programAccounts = new Pubkey[6];
  final AddressLookupTable table;
  final byte[] programData = new byte[] {3, 1, 4, 1, 5, 9, 2, 6};
  static final long MICRO_LAMPORTS = 5_000;

  private SvmFixtures() {
    Fixtures f = Fixtures.get();
    for (int i = 0; i < COUNT; i++) {
      seeds[i] = f.privateKey(i);
      keypairs[i] = Keypair.fromSeed(seeds[i]);
      destinations[i] = Pubkey.of(sha256("svm-dest-" + i));
      blockhashes[i] = Blockhash.of(sha256("svm-blockhash-" + i));
      blockhashText[i] = blockhashes[i].toBase58();
      lamports[i] = 1_000_000L + 7919L * i;
    }
    program = Pubkey.of(sha256("svm-program"));
    List<Pubkey> addrs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      addrs.add(Pubkey.of(sha256("svm-table-" + i)));
    }
    for (int i = 0; i < 4; i++) {
      programAccounts[i] = addrs.get(3 * i + 1);
    }
    programAccounts[4] = Pubkey.of(sha256("svm-static-4"));
    programAccounts[5] = Pubkey.of(sha256("svm-static-5"));
    table = AddressLookupTable.of(Pubkey.of(sha256("svm-table")), addrs);
  }

  static boolean writable(int account) {
    return account == 0 || account == 1 || account == 4;
  }

  /** Cairn's v0 instructions for input {@code i}: compute unit price, the transfer, the program call. */
  List<Instruction> v0Instructions(int i) {
    List<AccountMeta> metas = new ArrayList<>(7);
    metas.add(AccountMeta.of(keypairs[i].publicKey(), true, true));
    for (int a = 0; a < programAccounts.length; a++) {
      metas.add(AccountMeta.of(programAccounts[a], false, writable(a)));
    }
    return List.of(
        ComputeBudgetProgram.setComputeUnitPrice(MICRO_LAMPORTS),
        SystemProgram.transfer(keypairs[i].publicKey(), destinations[i], lamports[i]),
        Instruction.of(program, metas, programData));
  }

  static byte[] sha256(String label) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark sanity check failed: " + what);
    }
  }
}
