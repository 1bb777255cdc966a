package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.cli.batch.SvmOps;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.Signer;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.adapter.SvmChainAdapter;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.rpc.AccountEncoding;
import dev.cairn.svm.rpc.AccountInfo;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.svm.tx.Transaction;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wallet svm ...}: Solana transactions and accounts. */
@Command(
    name = "svm",
    mixinStandardHelpOptions = true,
    description = {"Solana: decode transactions; balances, accounts and transfers on a node (--rpc URL)."},
    subcommands = {
      SvmCommand.BalanceCmd.class,
      SvmCommand.AccountCmd.class,
      SvmCommand.TransferCmd.class,
      SvmCommand.TokenTransferCmd.class,
      SvmCommand.DecodeCmd.class
    })
final class SvmCommand extends WalletCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: balance, account, transfer, token-transfer or decode");
  }

  /** A wire transaction given as base64 (as RPC and the batch ops use) or 0x-hex. */
  static byte[] wire(String label, String text) {
    if (Hex.hasPrefix(text)) {
      try {
        return Hex.decode(label, text);
      } catch (DecodingException e) {
        throw new UserInputException(label + ": " + e.getMessage());
      }
    }
    try {
      return Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(label + ": neither base64 nor 0x-hex");
    }
  }

  /** Base of the subcommands that talk to a node. */
  abstract static class NodeCommand extends WalletCommand {
    @Mixin SvmSupport.RpcOptions rpcOptions;

    SvmRpcClient rpc() {
      return rpcOptions.client(env());
    }
  }

  /** {@code wallet svm balance}. */
  @Command(name = "balance", mixinStandardHelpOptions = true,
      description = "An account's SOL balance (getBalance at confirmed), like solana balance.")
  static final class BalanceCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The account (base58).")
    String address;

    @Option(names = "--lamports", description = "Print lamports (an integer) instead of SOL.")
    boolean lamports;

    @Override
    public void run() {
      Pubkey a = SvmSupport.address("ADDRESS", address);
      try (SvmRpcClient rpc = rpc()) {
        long l = rpc.getBalance(a, Commitment.CONFIRMED).send();
        out().println(lamports ? Long.toString(l) : SvmSupport.display(l, SvmSupport.SOL_DECIMALS) + " SOL");
      }
    }
  }

  /** {@code wallet svm account}. */
  @Command(name = "account", mixinStandardHelpOptions = true,
      description = "An account's lamports, owner, executable flag, rent epoch and data, like solana account.")
  static final class AccountCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The account (base58).")
    String address;

    @Override
    public void run() {
      Pubkey a = SvmSupport.address("ADDRESS", address);
      try (SvmRpcClient rpc = rpc()) {
        Optional<AccountInfo> info = rpc.getAccountInfo(a, AccountEncoding.BASE64, Commitment.CONFIRMED).send();
        if (!info.isPresent()) {
          throw new UserInputException("account " + a + " does not exist");
        }
        AccountInfo i = info.get();
        out().printf("%-12s %s%n", "address", a);
        out().printf("%-12s %s SOL (%d lamports)%n", "balance", SvmSupport.display(i.lamports(), SvmSupport.SOL_DECIMALS),
            i.lamports());
        out().printf("%-12s %s%n", "owner", i.owner());
        out().printf("%-12s %s%n", "executable", i.executable());
        out().printf("%-12s %s%n", "rentEpoch", Long.toUnsignedString(i.rentEpoch()));
        out().printf("%-12s %d bytes%n", "length", i.dataLength());
        out().printf("%-12s %s%n", "data", Base64.getEncoder().encodeToString(i.data()));
      }
    }
  }

  /** {@code --no-wait} and {@code --timeout}. */
  static final class SendOptions {
    @Option(names = "--no-wait", description = "Print the signature once the node accepted it; do not wait.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90",
        description = "How long to wait for confirmation (default: ${DEFAULT-VALUE}); the same signed bytes are"
            + " rebroadcast meanwhile, and an expired blockhash is reported as such (safe to retry).")
    int timeoutSeconds;

    void check() {
      if (timeoutSeconds <= 0) {
        throw new UserInputException("--timeout: must be positive, got " + timeoutSeconds);
      }
    }
  }

  /** Builds, signs, sends and (unless --no-wait) waits; prints the signature and the outcome. */
  static void submit(WalletCommand cmd, SvmChainAdapter a, TransactionRequest request, Signer signer,
      SendOptions send) {
    try {
      SignedTransaction s = EvmSupport.await(a.build(request).thenCompose(u -> a.sign(u, signer)));
      PendingTransaction p = EvmSupport.await(a.send(s));
      cmd.out().println(s.id());
      if (send.noWait) {
        return;
      }
      cmd.out().flush();
      TxReceipt r = EvmSupport.await(a.waitFor(p, Finality.confirmed(), Duration.ofSeconds(send.timeoutSeconds)));
      printReceipt(cmd.out(), "", r);
      if (!r.isSuccess()) {
        throw SvmSupport.failed(new ChainException(r.error().get()));
      }
    } catch (ChainException e) {
      if (e.kind() == ErrorKind.TRANSPORT) {
        throw e;
      }
      throw SvmSupport.failed(e);
    }
  }

  static void printReceipt(java.io.PrintStream out, String indent, TxReceipt r) {
    out.printf("%s%-12s %s%n", indent, "status", r.isSuccess() ? "success" : "failed: " + r.error().get().message());
    out.printf("%s%-12s %d%n", indent, "slot", r.height());
    out.printf("%s%-12s %s SOL%n", indent, "fee", SvmSupport.display(r.feePaid().units().longValue(), SvmSupport.SOL_DECIMALS));
    out.printf("%s%-12s %d%n", indent, "computeUnits", r.gasUsed());
  }

  /** {@code wallet svm transfer}. */
  @Command(name = "transfer", mixinStandardHelpOptions = true,
      description = {
        "Send SOL, like solana transfer. Adds a priority fee (median of recent fees) and a compute-unit"
            + " limit (simulated + 10%), waits for confirmed, rebroadcasting the same signed bytes; an"
            + " expired blockhash is reported, never silently re-signed.",
        "The key: --keypair FILE, or the mnemonic (WALLET_MNEMONIC, a prompt or stdin) at --path."
      })
  static final class TransferCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "TO", description = "The recipient (base58).")
    String to;

    @Parameters(index = "1", paramLabel = "AMOUNT", description = "SOL (decimal, e.g. 0.25), or lamports with --lamports.")
    String amount;

    @Option(names = "--lamports", description = "AMOUNT is in lamports.")
    boolean inLamports;

    @Option(names = "--memo", paramLabel = "TEXT", description = "A memo (Memo program), signed by the sender.")
    String memo;

    @Mixin SvmSupport.KeyOptions keys;

    @Mixin SignerOptions signerOptions;

    @Mixin SendOptions send;

    @Override
    public void run() {
      Pubkey recipient = SvmSupport.address("TO", to);
      long lamports = SvmSupport.units("AMOUNT", amount, inLamports ? 0 : SvmSupport.SOL_DECIMALS);
      send.check();
      if (!signerOptions.isSoftware() && (keys.keypairFile != null || keys.path != null)) {
        throw new UserInputException("--keypair and --path apply to --signer software (a Ledger: --ledger-path)");
      }
      Signer hardware = signerOptions.isSoftware() ? null : signerOptions.open(SignerOptions.Chain.SVM, env(), null);
      Keypair kp = hardware == null ? keys.keypair(in(), env()) : null;
      try (Signer signer = hardware != null ? hardware : Signers.software(kp.privateKey());
          SvmChainAdapter a = SvmSupport.adapter(rpc())) {
        TransactionRequest r = TransactionRequest.transfer(a.accountOf(Pubkey.of(signer.publicKey())), a.accountOf(recipient),
            Amount.of(lamports, Denomination.SOL)).withSigner(signer.descriptor());
        if (memo != null) {
          r = r.withMemo(memo);
        }
        submit(this, a, r, signer, send);
      } finally {
        if (kp != null) {
          kp.destroy();
        }
      }
    }
  }

  /** {@code wallet svm token-transfer}. */
  @Command(name = "token-transfer", mixinStandardHelpOptions = true,
      description = {
        "Send SPL tokens (Token or Token-2022, read from the mint's owner), like spl-token transfer"
            + " --fund-recipient: from the sender's associated token account to the recipient's, which is"
            + " created when missing (createIdempotent), with TransferChecked.",
        "The key: --keypair FILE, or the mnemonic (WALLET_MNEMONIC, a prompt or stdin) at --path."
      })
  static final class TokenTransferCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "MINT", description = "The token's mint (base58).")
    String mint;

    @Parameters(index = "1", paramLabel = "TO", description = "The recipient wallet (base58), not its token account.")
    String to;

    @Parameters(index = "2", paramLabel = "AMOUNT", description = "Tokens (decimal, up to the mint's decimals).")
    String amount;

    @Mixin SvmSupport.KeyOptions keys;

    @Mixin SignerOptions signerOptions;

    @Mixin SendOptions send;

    @Override
    public void run() {
      Pubkey mintKey = SvmSupport.address("MINT", mint);
      Pubkey recipient = SvmSupport.address("TO", to);
      send.check();
      if (!signerOptions.isSoftware() && (keys.keypairFile != null || keys.path != null)) {
        throw new UserInputException("--keypair and --path apply to --signer software (a Ledger: --ledger-path)");
      }
      Signer hardware = signerOptions.isSoftware() ? null : signerOptions.open(SignerOptions.Chain.SVM, env(), null);
      Keypair kp = hardware == null ? keys.keypair(in(), env()) : null;
      try (Signer signer = hardware != null ? hardware : Signers.software(kp.privateKey());
          SvmChainAdapter a = SvmSupport.adapter(rpc())) {
        Optional<AccountInfo> info = a.rpc().getAccountInfo(mintKey, AccountEncoding.BASE64, Commitment.CONFIRMED).send();
        if (!info.isPresent()) {
          throw new UserInputException("MINT: " + mintKey + " does not exist");
        }
        Pubkey program = info.get().owner();
        if (!program.equals(TokenProgram.TOKEN_PROGRAM_ID) && !program.equals(TokenProgram.TOKEN_2022_PROGRAM_ID)) {
          throw new UserInputException("MINT: " + mintKey + " is owned by " + program + ", not a token program");
        }
        byte[] data = info.get().data();
        if (data.length < 82) {
          throw new UserInputException("MINT: " + mintKey + " is not a mint (" + data.length + " bytes)");
        }
        int decimals = data[44] & 0xff; // Mint: COption<Pubkey> authority (36), supply (8), decimals (1)
        long units = SvmSupport.units("AMOUNT", amount, decimals);
        Pubkey owner = Pubkey.of(signer.publicKey());
        Pubkey from = AssociatedTokenProgram.address(owner, mintKey, program);
        Pubkey toAta = AssociatedTokenProgram.address(recipient, mintKey, program);
        TransactionRequest r = a.callRequest(owner, List.of(
                AssociatedTokenProgram.createIdempotent(owner, toAta, recipient, mintKey, program),
                TokenProgram.at(program).transferChecked(from, mintKey, toAta, owner, units, decimals)))
            .withSigner(signer.descriptor());
        submit(this, a, r, signer, send);
      } finally {
        if (kp != null) {
          kp.destroy();
        }
      }
    }
  }

  /** {@code wallet svm decode}. */
  @Command(name = "decode", mixinStandardHelpOptions = true,
      description = {
        "Decode a Solana wire transaction (legacy or v0): fee payer, blockhash, accounts, "
            + "instructions, signatures and lookup-table loads. Strict: non-canonical lengths and "
            + "trailing bytes are refused."
      })
  static final class DecodeCmd extends WalletCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "TX", description = "The transaction, base64 or 0x-hex.")
    String tx;

    @Option(names = "--json", description = "Print one JSON object (as the batch op svm.decodeTx).")
    boolean json;

    @Override
    public void run() {
      Transaction t = Transaction.deserialize(wire("TX", tx));
      ObjectNode o = SvmOps.describe(t);
      if (json) {
        out().println(o.toString());
        return;
      }
      out().printf("%-16s %s%n", "version", o.get("version").asText());
      out().printf("%-16s %s%n", "feePayer", o.get("feePayer").textValue());
      out().printf("%-16s %s%n", "recentBlockhash", o.get("recentBlockhash").textValue());
      out().printf("%-16s %s%n", "signatures", "");
      int i = 0;
      for (JsonNode s : o.get("signatures")) {
        out().printf("  [%d] %s%s%n", i, s.textValue(), t.hasSignature(i) ? "" : "  (missing)");
        i++;
      }
      out().printf("%-16s%n", "accountKeys");
      i = 0;
      for (JsonNode k : o.get("accountKeys")) {
        out().printf("  [%d] %s%s%s%n", i, k.textValue(), t.message().isSigner(i) ? "  signer" : "",
            t.message().isWritable(i) ? "  writable" : "");
        i++;
      }
      out().printf("%-16s%n", "instructions");
      i = 0;
      for (JsonNode ix : o.get("instructions")) {
        out().printf("  [%d] program %s%n", i++, ix.get("programId").textValue());
        for (JsonNode a : ix.get("accounts")) {
          String who = a.has("pubkey") ? a.get("pubkey").textValue()
              : "table " + a.get("lookupTable").textValue() + " #" + a.get("index").intValue();
          out().printf("        %s%s%s%n", who, a.get("isSigner").booleanValue() ? "  signer" : "",
              a.get("isWritable").booleanValue() ? "  writable" : "");
        }
        out().printf("        data %s%n", ix.get("data").textValue());
      }
      if (o.get("addressTableLookups").size() > 0) {
        out().printf("%-16s%n", "addressTableLookups");
        for (JsonNode l : o.get("addressTableLookups")) {
          out().printf("  %s writable %s readonly %s%n", l.get("accountKey").textValue(),
              l.get("writableIndexes"), l.get("readonlyIndexes"));
        }
      }
    }
  }
}
