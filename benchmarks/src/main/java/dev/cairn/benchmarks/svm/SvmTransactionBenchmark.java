package dev.cairn.benchmarks.svm;

import dev.cairn.benchmarks.RotatingInputs;
import dev.cairn.core.encoding.Hex;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Build, sign and serialize a Solana transaction, sdk-svm against sol4k 0.5.16 and solanaj 1.27.3:
 *
 * <ul>
 *   <li>{@code *Transfer}: a legacy SOL transfer (one System transfer instruction, the sender pays).
 *       Cairn: {@code Message.compileLegacy} + {@code Transaction.unsigned(m).sign(kp).serialize()};
 *       sol4k: {@code new Transaction(blockhash, TransferInstruction, payer)}, {@code sign},
 *       {@code serialize}; solanaj: {@code new Transaction().addInstruction(SystemProgram.transfer)},
 *       {@code setRecentBlockHash}, {@code sign}, {@code serialize}.
 *   <li>{@code *V0}: a v0 transaction through a 16-address lookup table: compute unit price, the
 *       transfer, a program call with 6 accounts of which 4 load through the table. Cairn: {@code
 *       Message.compileV0}; sol4k: {@code TransactionMessage.newMessage(payer, blockhash,
 *       instructions, tables)} + {@code VersionedTransaction}. solanaj has no v0 messages (no
 *       {@code VersionedTransaction}, no lookup tables): it has no v0 row.
 * </ul>
 *
 * Each invocation takes the next of 64 keypairs, destinations, amounts and blockhashes, so no
 * signature repeats. The setup checks that every library produces the same bytes as Cairn for
 * every input (for sol4k's v0 transaction, which orders the accounts within a group differently
 * from web3.js and Cairn: that it decodes to the same instructions and flags, loads through the
 * table and carries a valid signature).
 */
public class SvmTransactionBenchmark extends RotatingInputs {
  private SvmFixtures f;
  private org.sol4k.Keypair[] sol4kKeys;
  private org.sol4k.PublicKey[] sol4kDest;
  private org.sol4k.PublicKey sol4kProgram;
  private org.sol4k.PublicKey[] sol4kAccounts;
  private List<org.sol4k.AddressLookupTableAccount> sol4kTables;
  private org.p2p.solanaj.core.Account[] solanajAccounts;
  private org.p2p.solanaj.core.PublicKey[] solanajDest;

  @Setup
  public void setUp() {
    f = SvmFixtures.INSTANCE;
    int n = SvmFixtures.COUNT;
    sol4kKeys = new org.sol4k.Keypair[n];
    sol4kDest = new org.sol4k.PublicKey[n];
    solanajAccounts = new org.p2p.solanaj.core.Account[n];
    solanajDest = new org.p2p.solanaj.core.PublicKey[n];
    for (int i = 0; i < n; i++) {
      byte[] secret = f.keypairs[i].secretKey();
      sol4kKeys[i] = org.sol4k.Keypair.fromSecretKey(secret);
      solanajAccounts[i] = new org.p2p.solanaj.core.Account(secret);
      sol4kDest[i] = new org.sol4k.PublicKey(f.destinations[i].bytes());
      solanajDest[i] = new org.p2p.solanaj.core.PublicKey(f.destinations[i].bytes());
    }
    sol4kProgram = new org.sol4k.PublicKey(f.program.bytes());
    sol4kAccounts = new org.sol4k.PublicKey[f.programAccounts.length];
    for (int a = 0; a < sol4kAccounts.length; a++) {
      sol4kAccounts[a] = new org.sol4k.PublicKey(f.programAccounts[a].bytes());
    }
    List<org.sol4k.PublicKey> addrs = new ArrayList<>();
    f.table.addresses().forEach(p -> addrs.add(new org.sol4k.PublicKey(p.bytes())));
    sol4kTables = List.of(new org.sol4k.AddressLookupTableAccount(new org.sol4k.PublicKey(f.table.key().bytes()), addrs));
    for (int i = 0; i < n; i++) {
      byte[] cairn = cairnTransfer(i);
      same("sol4k transfer", i, cairn, sol4kTransfer(i));
      same("solanaj transfer", i, cairn, solanajTransfer(i));
      byte[] v0 = cairnV0(i);
      // sol4k orders the accounts within a group its own way: the same transaction, other bytes
      Transaction ours = Transaction.deserialize(v0);
      Transaction theirs = Transaction.deserialize(sol4kV0(i));
      SvmFixtures.check(theirs.verifySignatures(), "sol4k v0, input " + i + ": signature");
      SvmFixtures.check(theirs.message().addressTableLookups().size() == 1, "sol4k v0, input " + i + ": loads through the table");
      SvmFixtures.check(ours.message().decompileInstructions(List.of(f.table)).equals(theirs.message().decompileInstructions(List.of(f.table))),
          "sol4k v0, input " + i + ": other instructions or flags than Cairn's");
      SvmFixtures.check(Transaction.deserialize(v0).message().addressTableLookups().get(0).writableIndexes().length == 2,
          "the v0 case loads two writable accounts through the table");
    }
  }

  private static void same(String what, int i, byte[] cairn, byte[] peer) {
    SvmFixtures.check(Arrays.equals(cairn, peer), what + ", input " + i + ": Cairn " + Hex.encode(cairn) + " differs from " + Hex.encode(peer));
  }

  private byte[] cairnTransfer(int i) {
    Message m = Message.compileLegacy(f.keypairs[i].publicKey(),
        List.of(SystemProgram.transfer(f.keypairs[i].publicKey(), f.destinations[i], f.lamports[i])), f.blockhashes[i]);
    return Transaction.unsigned(m).sign(f.keypairs[i]).serialize();
  }

  private byte[] sol4kTransfer(int i) {
    org.sol4k.Transaction tx = new org.sol4k.Transaction(f.blockhashText[i],
        new org.sol4k.instruction.TransferInstruction(sol4kKeys[i].getPublicKey(), sol4kDest[i], f.lamports[i]),
        sol4kKeys[i].getPublicKey());
    tx.sign(sol4kKeys[i]);
    return tx.serialize();
  }

  private byte[] solanajTransfer(int i) {
    org.p2p.solanaj.core.Transaction tx = new org.p2p.solanaj.core.Transaction();
    tx.addInstruction(org.p2p.solanaj.programs.SystemProgram.transfer(solanajAccounts[i].getPublicKey(), solanajDest[i], f.lamports[i]));
    tx.setRecentBlockHash(f.blockhashText[i]);
    tx.sign(solanajAccounts[i]);
    return tx.serialize();
  }

  private byte[] cairnV0(int i) {
    List<Instruction> ixs = f.v0Instructions(i);
    Message m = Message.compileV0(f.keypairs[i].publicKey(), ixs, f.blockhashes[i], List.of(f.table));
    return Transaction.unsigned(m).sign(f.keypairs[i]).serialize();
  }

  private byte[] sol4kV0(int i) {
    org.sol4k.PublicKey payer = sol4kKeys[i].getPublicKey();
    List<org.sol4k.AccountMeta> metas = new ArrayList<>(7);
    metas.add(new org.sol4k.AccountMeta(payer, true, true));
    for (int a = 0; a < sol4kAccounts.length; a++) {
      metas.add(new org.sol4k.AccountMeta(sol4kAccounts[a], false, SvmFixtures.writable(a)));
    }
    List<org.sol4k.instruction.Instruction> ixs = List.of(
        new org.sol4k.instruction.SetComputeUnitPriceInstruction(SvmFixtures.MICRO_LAMPORTS),
        new org.sol4k.instruction.TransferInstruction(payer, sol4kDest[i], f.lamports[i]),
        new org.sol4k.instruction.BaseInstruction(f.programData, metas, sol4kProgram));
    org.sol4k.TransactionMessage m = org.sol4k.TransactionMessage.newMessage(payer, f.blockhashText[i], ixs, sol4kTables);
    org.sol4k.VersionedTransaction tx = new org.sol4k.VersionedTransaction(m);
    tx.sign(sol4kKeys[i]);
    return tx.serialize();
  }

  /** Cairn: a legacy SOL transfer, built, signed, serialized. */
  @Benchmark
  public byte[] cairnTransfer() {
    return cairnTransfer(next());
  }

  /** sol4k: the same transfer. */
  @Benchmark
  public byte[] sol4kTransfer() {
    return sol4kTransfer(next());
  }

  /** solanaj: the same transfer. */
  @Benchmark
  public byte[] solanajTransfer() {
    return solanajTransfer(next());
  }

  /** Cairn: the v0 transaction through the lookup table. */
  @Benchmark
  public byte[] cairnV0() {
    return cairnV0(next());
  }

  /** sol4k: the same v0 transaction. */
  @Benchmark
  public byte[] sol4kV0() {
    return sol4kV0(next());
  }
}
