package dev.cairn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.examples.cli.batch.SvmOps;
import dev.cairn.svm.tx.Transaction;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wallet svm ...}: Solana transactions and accounts. */
@Command(
    name = "svm",
    mixinStandardHelpOptions = true,
    description = {"Solana: decode transactions; balances, accounts and transfers on a node (--rpc URL)."},
    subcommands = {SvmCommand.DecodeCmd.class})
final class SvmCommand extends WalletCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: decode");
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
