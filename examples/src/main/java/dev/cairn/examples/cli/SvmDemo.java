package dev.cairn.examples.cli;

import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.examples.cli.HdWallets.Chain;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Solana part of {@code wallet demo}. Offline: the demo key from the mnemonic (SLIP-0010 on
 * {@code m/44'/501'/0'/0'}), a legacy SOL transfer and a v0 transaction through an address lookup
 * table, built, signed, serialized, decoded back and verified.
 */
final class SvmDemo {
  /** The recipient's path: the next Solana account of the same mnemonic. */
  static final String RECIPIENT_PATH = "m/44'/501'/1'/0'";
  static final long LAMPORTS_PER_SOL = 1_000_000_000L;
  static final long TRANSFER = LAMPORTS_PER_SOL / 100; // 0.01 SOL

  private final PrintStream out;

  SvmDemo(PrintStream out) {
    this.out = out;
  }

  /** The keypair of the account at {@code path} of the mnemonic. The caller destroys it. */
  static Keypair keypair(Mnemonic mnemonic, String path) {
    Slip10.Ed25519Key k = HdWallets.ed25519(mnemonic, "", HdWallets.path(path));
    try {
      return Keypair.of(k.privateKey());
    } finally {
      k.destroy();
    }
  }

  void offline(Mnemonic mnemonic) {
    Keypair demo = keypair(mnemonic, Chain.SVM.defaultPath().toString());
    Keypair recipientKey = keypair(mnemonic, RECIPIENT_PATH);
    Pubkey recipient = recipientKey.publicKey();
    recipientKey.destroy();
    try {
      // Offline there is no recent blockhash: a placeholder (a node would refuse it; signing does not care).
      Blockhash placeholder =
          Blockhash.of(Hashes.sha256("cairn demo: offline placeholder blockhash".getBytes(StandardCharsets.UTF_8)));
      out.println("Solana transactions (offline; blockhash is a placeholder " + placeholder + "):");
      out.println("  demo account       " + demo.publicKey() + "  (" + Chain.SVM.defaultPath() + ")");
      out.println("  recipient          " + recipient + "  (" + RECIPIENT_PATH + ")");

      Message legacy = Message.compileLegacy(
          demo.publicKey(),
          List.of(SystemProgram.transfer(demo.publicKey(), recipient, TRANSFER),
              MemoProgram.memo("Hello from Cairn", List.of(demo.publicKey()))),
          placeholder);
      Transaction t1 = Transaction.unsigned(legacy).sign(demo);
      show("legacy transfer of " + sol(TRANSFER) + " SOL with a memo", t1);

      // A v0 message: the recipient, two token accounts and the token programs come from a table.
      Pubkey mint = Pubkey.createWithSeed(demo.publicKey(), "demo-mint", TokenProgram.TOKEN_PROGRAM_ID);
      Pubkey from = AssociatedTokenProgram.address(demo.publicKey(), mint, TokenProgram.TOKEN_PROGRAM_ID);
      Pubkey to = AssociatedTokenProgram.address(recipient, mint, TokenProgram.TOKEN_PROGRAM_ID);
      Pubkey tableKey = Pubkey.createWithSeed(demo.publicKey(), "demo-table", SystemProgram.PROGRAM_ID);
      AddressLookupTable table = AddressLookupTable.of(tableKey, List.of(recipient, mint, from, to));
      List<dev.cairn.svm.tx.Instruction> ixs = List.of(
          SystemProgram.transfer(demo.publicKey(), recipient, TRANSFER),
          TokenProgram.TOKEN.transferChecked(from, mint, to, demo.publicKey(), 1_500_000, 6));
      Message v0 = Message.compileV0(demo.publicKey(), ixs, placeholder, List.of(table));
      Message noTable = Message.compileLegacy(demo.publicKey(), ixs, placeholder);
      Transaction t2 = Transaction.unsigned(v0).sign(demo);
      show("v0 transaction through lookup table " + tableKey + " (SOL + token transfer)", t2);
      out.println("    size               " + t2.serialize().length + " bytes through the table, "
          + Transaction.unsigned(noTable).serializedLength() + " bytes as a legacy message");
    } finally {
      demo.destroy();
    }
  }

  private void show(String what, Transaction t) {
    byte[] wire = t.serialize();
    Transaction back = Transaction.deserialize(wire);
    Message m = back.message();
    out.println("  " + what + ":");
    out.println("    signature (id)     " + back.id());
    out.println("    version            " + (m.version() == Message.Version.LEGACY ? "legacy" : "0")
        + ", " + m.staticAccountKeys().size() + " static accounts, "
        + m.addressTableLookups().size() + " table lookups, " + m.instructions().size() + " instructions");
    out.println("    wire (base64)      " + t.serializeBase64());
    out.println("    decodes back equal " + back.equals(t) + ", signatures verify " + back.verifySignatures());
  }

  static String sol(long lamports) {
    return java.math.BigDecimal.valueOf(lamports, 9).stripTrailingZeros().toPlainString();
  }
}
