package dev.cairn.cli;

import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.cli.HdWallets.Chain;
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
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.ValidityWindow;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.svm.adapter.SvmChainAdapter;
import dev.cairn.svm.adapter.SvmUnsignedTransaction;
import dev.cairn.svm.programs.AddressLookupTableProgram;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.svm.rpc.LookupTableAccount;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.transport.TransportException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
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

  /** Solana mainnet's genesis hash: the demo never asks it for an airdrop. */
  static final String MAINNET_GENESIS = "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d";
  static final long AIRDROP = LAMPORTS_PER_SOL; // 1 SOL
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(90);

  /**
   * When a Solana node answers at {@code url}: an airdrop to the demo account (local and test
   * clusters only), a transfer through the chain adapter, an address lookup table created and
   * extended, and a v0 transfer through it.
   */
  void online(Mnemonic mnemonic, String url) {
    String genesis;
    try (SvmRpcClient probe = SvmSupport.client(url, PROBE_TIMEOUT, false)) {
      genesis = probe.getGenesisHash().send();
    } catch (TransportException | ChainException e) {
      out.println("Solana: no node answers at " + url + "; skipping the transfers (start one with"
          + " scripts/litesvm.sh, then run the demo again; or set --svm-rpc-url / " + SvmSupport.RPC_URL_ENV + ").");
      return;
    }
    if (genesis.equals(MAINNET_GENESIS)) {
      out.println("Solana node at " + url + " is mainnet-beta: the demo asks only local and test clusters for"
          + " an airdrop, so it stops here.");
      return;
    }
    Keypair demo = keypair(mnemonic, Chain.SVM.defaultPath().toString());
    Keypair recipientKey = keypair(mnemonic, RECIPIENT_PATH);
    Pubkey recipient = recipientKey.publicKey();
    recipientKey.destroy();
    try (SvmChainAdapter svm = SvmSupport.adapter(SvmSupport.client(url, CALL_TIMEOUT, true));
        SoftwareSigner signer = Signers.software(demo.privateKey())) {
      SvmRpcClient rpc = svm.rpc();
      out.println("Solana node at " + url + " (" + svm.chainId() + "):");
      out.println("  slot       " + rpc.getSlot().send());
      String airdrop = rpc.requestAirdrop(demo.publicKey(), AIRDROP).send();
      TxReceipt funded = EvmSupport.await(svm.waitFor(
          PendingTransaction.of(svm.chainId(), airdrop, null, ValidityWindow.none()), Finality.confirmed(), CONFIRM_TIMEOUT));
      out.println("  airdrop    " + sol(AIRDROP) + " SOL to the demo account in slot " + funded.height());
      out.println();

      out.println("Transfer of " + sol(TRANSFER) + " SOL to the recipient through the chain adapter (priority fee"
          + " from recent fees, compute units from a simulation, rebroadcast until confirmed):");
      TransactionRequest toRecipient = TransactionRequest.transfer(svm.accountOf(demo.publicKey()),
          svm.accountOf(recipient), Amount.of(TRANSFER, Denomination.SOL)).withSigner(signer.descriptor());
      TxReceipt r1 = confirm(svm, EvmSupport.await(svm.build(toRecipient)), signer);
      out.println();

      out.println("Address lookup table with the recipient, then a v0 transfer through it:");
      long recentSlot = rpc.getSlot(Commitment.FINALIZED).send();
      Pubkey table = AddressLookupTableProgram.address(demo.publicKey(), recentSlot).address();
      confirm(svm, EvmSupport.await(svm.build(svm.callRequest(demo.publicKey(), List.of(
          AddressLookupTableProgram.create(demo.publicKey(), demo.publicKey(), recentSlot),
          AddressLookupTableProgram.extend(table, demo.publicKey(), demo.publicKey(), List.of(recipient))))
          .withSigner(signer.descriptor()))), signer);
      AddressLookupTable lookup = waitForTable(rpc, table, recipient);
      out.println("  table      " + table + " holds " + lookup.addresses());
      SvmUnsignedTransaction v0 = EvmSupport.await(svm.build(toRecipient, List.of(lookup)));
      out.println("  message    v0, " + v0.message().addressTableLookups().size() + " table lookup(s), "
          + v0.message().staticAccountKeys().size() + " static accounts");
      confirm(svm, v0, signer);
      out.println();
      out.println("Balances after:");
      out.println("  demo       " + demo.publicKey() + "  " + sol(rpc.getBalance(demo.publicKey()).send()) + " SOL");
      out.println("  recipient  " + recipient + "  " + sol(rpc.getBalance(recipient).send()) + " SOL");
    } catch (ChainException e) {
      throw e.kind() == ErrorKind.TRANSPORT ? e : SvmSupport.failed(e);
    } finally {
      demo.destroy();
    }
  }

  /** A lookup table is usable once the slot after its last extension: waits for that (at most 30 s). */
  private static AddressLookupTable waitForTable(SvmRpcClient rpc, Pubkey table, Pubkey expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Optional<LookupTableAccount> t = rpc.getAddressLookupTable(table).send();
      if (t.isPresent() && t.get().addresses().contains(expected)
          && rpc.getSlot().send() > t.get().lastExtendedSlot()) {
        return t.get().table();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new UserInputException("lookup table " + table + " did not become usable within 30 s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserInputException("interrupted");
      }
    }
  }

  private TxReceipt confirm(SvmChainAdapter svm, dev.cairn.core.chain.UnsignedTransaction u, SoftwareSigner signer) {
    SignedTransaction s = EvmSupport.await(svm.sign(u, signer));
    TxReceipt r = EvmSupport.await(svm.sendAndConfirm(s, Finality.confirmed(), CONFIRM_TIMEOUT));
    out.println("  signature  " + s.id());
    SvmCommand.printReceipt(out, "  ", r);
    if (!r.isSuccess()) {
      throw SvmSupport.failed(new ChainException(r.error().get()));
    }
    return r;
  }

  static String sol(long lamports) {
    return java.math.BigDecimal.valueOf(lamports, 9).stripTrailingZeros().toPlainString();
  }
}
