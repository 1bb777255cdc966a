package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.abi.AbiTypes;
import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.Function;
import dev.cairn.abi.TupleType;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.Signer;
import dev.cairn.evm.ConfirmedReceipt;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.CallRequest;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.cli.batch.EvmOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wallet evm ...}: talk to an Ethereum node, in the style of Foundry's cast. */
@Command(
    name = "evm",
    mixinStandardHelpOptions = true,
    description = {
      "Ethereum (EVM) node commands, like Foundry's cast.",
      "Read chain state, call contracts, send transactions, sign messages. The node: --rpc-url, "
          + "else env WALLET_RPC_URL, else " + EvmSupport.DEFAULT_RPC_URL + ". Private keys come "
          + "from --private-key-env VAR, env WALLET_PRIVATE_KEY, a hidden prompt or stdin; never "
          + "from arguments."
    },
    subcommands = {
      EvmCommand.ChainIdCmd.class,
      EvmCommand.BlockNumberCmd.class,
      EvmCommand.BalanceCmd.class,
      EvmCommand.NonceCmd.class,
      EvmCommand.CallCmd.class,
      EvmCommand.SendCmd.class,
      EvmCommand.ReceiptCmd.class,
      EvmCommand.SignCmd.class,
      EvmCommand.DecodeTxCmd.class
    })
final class EvmCommand extends WalletCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "missing subcommand: chain-id, block-number, balance, nonce, call, send, receipt, sign or"
            + " decode-tx");
  }

  /** Base of the subcommands that talk to a node. */
  abstract static class NodeCommand extends WalletCommand {
    @Mixin EvmSupport.RpcOptions rpcOptions;

    EvmRpcClient rpc() {
      return rpcOptions.client(env());
    }

    EvmChainAdapter adapter(EvmRpcClient rpc) {
      return EvmChainAdapter.builder(rpc).build();
    }
  }

  /** A read-only command that prints one value from the node. */
  abstract static class QueryCommand extends NodeCommand implements Runnable {
    abstract String query(EvmRpcClient rpc);

    @Override
    public final void run() {
      try (EvmRpcClient rpc = rpc()) {
        out().println(query(rpc));
      }
    }
  }

  /** {@code wallet evm chain-id}. */
  @Command(name = "chain-id", mixinStandardHelpOptions = true,
      description = "The node's EIP-155 chain id (eth_chainId), like cast chain-id.")
  static final class ChainIdCmd extends QueryCommand {
    @Override
    String query(EvmRpcClient rpc) {
      return Long.toString(rpc.chainId().send());
    }
  }

  /** {@code wallet evm block-number}. */
  @Command(name = "block-number", mixinStandardHelpOptions = true,
      description = "The number of the latest block (eth_blockNumber), like cast block-number.")
  static final class BlockNumberCmd extends QueryCommand {
    @Override
    String query(EvmRpcClient rpc) {
      return Long.toString(rpc.blockNumber().send());
    }
  }

  /** A query about one account at a block. */
  abstract static class AccountQuery extends QueryCommand {
    @Parameters(index = "0", paramLabel = "ADDRESS")
    String address;

    @Option(names = "--block", paramLabel = "BLOCK", defaultValue = "latest",
        description = "latest, pending, safe, finalized, earliest or a number (default: ${DEFAULT-VALUE}).")
    String block;

    abstract String query(EvmRpcClient rpc, Address account, BlockId at);

    @Override
    final String query(EvmRpcClient rpc) {
      return query(rpc, EvmSupport.address("ADDRESS", address), EvmSupport.block(block));
    }
  }

  /** {@code wallet evm balance}. */
  @Command(name = "balance", mixinStandardHelpOptions = true,
      description = {
        "The balance of an address in wei (or ether with --ether), like cast balance.",
        "  wallet evm balance 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 --ether"
      })
  static final class BalanceCmd extends AccountQuery {
    @Option(names = {"-e", "--ether"}, description = "Print ether instead of wei.")
    boolean ether;

    @Override
    String query(EvmRpcClient rpc, Address account, BlockId at) {
      BigInteger wei = rpc.getBalance(account, at).send();
      return ether ? EvmSupport.ether(wei) : wei.toString();
    }
  }

  /** {@code wallet evm nonce}. */
  @Command(name = "nonce", mixinStandardHelpOptions = true,
      description = "The transaction count of an address (eth_getTransactionCount), like cast nonce.")
  static final class NonceCmd extends AccountQuery {
    @Override
    String query(EvmRpcClient rpc, Address account, BlockId at) {
      return Long.toUnsignedString(rpc.getTransactionCount(account, at).send());
    }
  }

  /** A function signature with its arguments, and where its outputs come from. */
  static final class CallSpec {
    final Function function;
    final byte[] calldata;
    final TupleType outputs;

    private CallSpec(Function function, byte[] calldata, TupleType outputs) {
      this.function = function;
      this.calldata = calldata;
      this.outputs = outputs;
    }

    /**
     * {@code name(in)(out)} (cast style), {@code name(in)} or a human-readable fragment with
     * {@code returns (...)}; the outputs are empty when none are given.
     */
    static CallSpec of(String signature, List<String> args) {
      String[] parts = AbiCommand.splitOutputs(signature);
      Function f = Function.parse(parts[0]);
      TupleType outs = parts[1] != null ? AbiTypes.parseTuple(parts[1]) : f.outputs();
      return new CallSpec(f, f.encodeCall(AbiCommand.values(f.inputs(), args)), outs);
    }
  }

  /** {@code --abi FILE}: the contract's JSON ABI, registered so that its custom errors decode. */
  static final class AbiOption {
    @Option(names = "--abi", paramLabel = "FILE",
        description = "JSON ABI of the contract, to decode its custom errors.")
    Path file;

    /** Reads the file (null when not given). */
    ContractAbi load() {
      if (file == null) {
        return null;
      }
      try {
        return ContractAbi.parseJson(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | UncheckedIOException e) {
        throw new UserInputException("--abi: cannot read " + file + ": " + e.getMessage());
      }
    }
  }

  /** {@code wallet evm call}. */
  @Command(name = "call", mixinStandardHelpOptions = true,
      description = {
        "Call a contract without a transaction (eth_call), like cast call.",
        "The result is decoded with the signature's outputs when it has them, else printed as hex. "
            + "A revert prints its decoded reason (Error(string), Panic, custom errors of --abi) and "
            + "exits with 1.",
        "  wallet evm call 0xTOKEN 'balanceOf(address)(uint256)' 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        "  wallet evm call 0xTOKEN 'function symbol() view returns (string)'"
      })
  static final class CallCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "TO", description = "The contract address.")
    String to;

    @Parameters(index = "1", paramLabel = "SIGNATURE",
        description = "f(types)(outputs), f(types), or 'function f(..) view returns (..)'.")
    String signature;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "One value per parameter.")
    List<String> args = new ArrayList<>();

    @Option(names = "--block", paramLabel = "BLOCK", defaultValue = "latest",
        description = "latest, pending, safe, finalized, earliest or a number (default: ${DEFAULT-VALUE}).")
    String block;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "The caller (msg.sender).")
    String from;

    @Mixin AbiOption abi;

    @Option(names = "--json", description = "Print the decoded outputs as one JSON array.")
    boolean json;

    @Override
    public void run() {
      Address target = EvmSupport.address("TO", to);
      CallSpec spec = CallSpec.of(signature, args);
      BlockId b = EvmSupport.block(block);
      CallRequest.Builder req = CallRequest.builder().to(target).data(spec.calldata);
      if (from != null) {
        req.from(EvmSupport.address("--from", from));
      }
      ContractAbi contractAbi = abi.load();
      try (EvmRpcClient rpc = rpc(); EvmChainAdapter evm = adapter(rpc)) {
        if (contractAbi != null) {
          evm.registerAbi(target, contractAbi);
        }
        byte[] ret = EvmSupport.await(evm.call(req.build(), b, target));
        if (spec.outputs.size() == 0) {
          out().println(Hex.encodePrefixed(ret));
        } else if (ret.length == 0) {
          throw new UserInputException("the call returned no data, but the signature expects "
              + spec.outputs.canonicalType() + " (is TO a contract with this function?)");
        } else {
          AbiCommand.print(out(), spec.outputs, spec.outputs.decode(ret), json);
        }
      }
    }
  }

  /** {@code wallet evm send}. */
  @Command(name = "send", mixinStandardHelpOptions = true,
      description = {
        "Sign and send a transaction, like cast send.",
        "EIP-1559 with the node's fee-history suggestion (or --legacy with eth_gasPrice), the nonce "
            + "from the adapter's nonce manager, the gas limit estimated (+20%%) unless --gas-limit. "
            + "Prints the transaction hash; with --wait also the receipt (exit 1 if the transaction "
            + "failed). A send whose estimate reverts prints the reason and sends nothing.",
        "  WALLET_PRIVATE_KEY=... wallet evm send 0xTO --value 1.5ether --wait",
        "  wallet evm send 0xTOKEN 'transfer(address,uint256)' 0xTO 1000 --private-key-env KEY"
      })
  static final class SendCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "TO", description = "The recipient or contract.")
    String to;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SIGNATURE",
        description = "The function to call (no calldata without it).")
    String signature;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "One value per parameter.")
    List<String> args = new ArrayList<>();

    @Option(names = "--value", paramLabel = "AMOUNT", defaultValue = "0",
        description = "Value to send: wei (decimal or 0x-hex), or with a unit: 1.5ether, 30gwei.")
    String value;

    @Option(names = "--gas-limit", paramLabel = "GAS", description = "Gas limit (default: estimated, +20%%).")
    String gasLimit;

    @Option(names = "--legacy", description = "A legacy (EIP-155) transaction priced with eth_gasPrice.")
    boolean legacy;

    @ArgGroup(exclusive = false)
    WaitOptions waitOptions;

    @Mixin AbiOption abi;

    @Mixin SecretOptions.PrivateKey keyOptions;

    @Mixin SignerOptions signerOptions;

    @Override
    public void run() {
      Address target = EvmSupport.address("TO", to);
      if (signature == null && !args.isEmpty()) {
        throw new UserInputException("ARG given without SIGNATURE");
      }
      byte[] data = signature == null ? new byte[0] : CallSpec.of(signature, args).calldata;
      BigInteger wei = EvmSupport.wei("--value", value);
      Long gas = null;
      if (gasLimit != null) {
        BigInteger g = EvmSupport.integer("--gas-limit", gasLimit);
        if (g.signum() == 0 || g.bitLength() > 63) {
          throw new UserInputException("--gas-limit: must be in [1, 2^63-1], got " + gasLimit.strip());
        }
        gas = g.longValue();
      }
      if (waitOptions != null) {
        waitOptions.check();
      }
      ContractAbi contractAbi = abi.load();
      if (!signerOptions.isSoftware() && keyOptions.privateKeyEnv != null) {
        throw new UserInputException("--private-key-env applies to --signer software only");
      }
      Signer hardware = signerOptions.isSoftware() ? null : signerOptions.open(SignerOptions.Chain.EVM, env(), null);
      Secp256k1PrivateKey key = hardware == null ? keyOptions.privateKey(in(), env()) : null;
      try (Signer signer = hardware != null ? hardware : Signers.software(key);
          EvmRpcClient rpc = rpc();
          EvmChainAdapter evm = adapter(rpc)) {
        if (contractAbi != null) {
          evm.registerAbi(target, contractAbi);
        }
        // gas limit and fees left unset are filled by the adapter's TxFiller (one rule for the SDK)
        Transaction.Builder tx = legacy ? Transaction.legacy() : Transaction.eip1559();
        tx.to(target).value(wei).data(data);
        if (gas != null) {
          tx.gasLimit(gas);
        }
        Submission s = EvmSupport.await(evm.submit(tx, signer));
        out().println(s.hash());
        if (waitOptions != null) {
          out().flush();
          waitOptions.awaitAndPrint(this, evm, s.hash());
        }
      } finally {
        if (key != null) {
          key.destroy();
        }
      }
    }
  }

  /** {@code --wait}, {@code --confirmations}, {@code --timeout}. */
  static final class WaitOptions {
    @Option(names = "--wait", required = true, description = "Wait for the receipt and print it.")
    boolean wait;

    @Option(names = "--confirmations", paramLabel = "N", defaultValue = "1",
        description = "With --wait: blocks deep the receipt must be (default: ${DEFAULT-VALUE}).")
    int confirmations;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
        description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    void check() {
      if (confirmations < 1 || confirmations > 1000) {
        throw new UserInputException("--confirmations: must be in [1, 1000], got " + confirmations);
      }
      if (timeoutSeconds < 1) {
        throw new UserInputException("--timeout: must be positive, got " + timeoutSeconds);
      }
    }

    /** Waits for the receipt, prints it, and fails (exit 1) with the revert reason if it failed. */
    void awaitAndPrint(WalletCommand cmd, EvmChainAdapter evm, String hash) {
      ConfirmedReceipt c = EvmSupport.await(
          evm.awaitReceipt(hash, confirmations, Duration.ofSeconds(timeoutSeconds)));
      EvmSupport.printReceipt(cmd.out(), "", c.receipt());
      cmd.out().println("confirmations " + c.confirmations());
      if (!c.receipt().isSuccess()) {
        Optional<ChainError> failure = EvmSupport.await(evm.toTxReceipt(c)).error();
        String reason = failure.flatMap(ChainError::revertReason).map(r -> ": " + r).orElse("");
        throw new UserInputException("transaction " + hash + " failed (status 0)" + reason);
      }
    }
  }

  /** {@code wallet evm receipt}. */
  @Command(name = "receipt", mixinStandardHelpOptions = true,
      description = {
        "The receipt of a transaction, like cast receipt.",
        "Without --wait, exit 1 when the node has none yet (pending or unknown)."
      })
  static final class ReceiptCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "TXHASH")
    String hash;

    @ArgGroup(exclusive = false)
    WaitOptions waitOptions;

    @Override
    public void run() {
      Hash32 h;
      try {
        h = Hash32.parse(hash.strip());
      } catch (dev.cairn.core.CairnException e) {
        throw new UserInputException("TXHASH: expected 0x and 64 hex digits (" + e.getMessage() + ")");
      }
      if (waitOptions != null) {
        waitOptions.check();
      }
      try (EvmRpcClient rpc = rpc()) {
        if (waitOptions != null) {
          try (EvmChainAdapter evm = adapter(rpc)) {
            waitOptions.awaitAndPrint(this, evm, h.toHex());
          }
          return;
        }
        Optional<Receipt> r = rpc.getTransactionReceipt(h).send();
        if (r.isEmpty()) {
          throw new UserInputException("no receipt for " + h.toHex()
              + " (pending or unknown; use --wait to wait for it)");
        }
        EvmSupport.printReceipt(out(), "", r.get());
      }
    }
  }

  /** {@code wallet evm sign}. */
  @Command(name = "sign", mixinStandardHelpOptions = true,
      description = {
        "Sign a message (EIP-191 personal_sign) or EIP-712 typed data, like cast wallet sign.",
        "Prints the 65-byte signature r || s || v (v = 27 or 28). No node needed.",
        "  WALLET_PRIVATE_KEY=... wallet evm sign 'hello'        the UTF-8 text",
        "  wallet evm sign 0x68656c6c6f                            these bytes",
        "  wallet evm sign --typed-data permit.json                EIP-712 (eth_signTypedData_v4 JSON)"
      })
  static final class SignCmd extends WalletCommand implements Runnable {
    static final long MAX_TYPED_DATA_BYTES = 1 << 20;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MESSAGE",
        description = "UTF-8 text, or bytes as 0x-hex.")
    String message;

    @Option(names = "--typed-data", paramLabel = "FILE", description = "Sign the EIP-712 typed data in this JSON file.")
    Path typedData;

    @Mixin SecretOptions.PrivateKey keyOptions;

    @Mixin SignerOptions signerOptions;

    @Override
    public void run() {
      if ((message == null) == (typedData == null)) {
        throw new UserInputException("give either MESSAGE or --typed-data FILE");
      }
      TypedData td = null;
      byte[] msg = null;
      if (typedData != null) {
        td = TypedData.parseJson(readTypedData(typedData));
      } else {
        msg = Hex.hasPrefix(message) ? AbiCommand.hex("MESSAGE", message)
            : message.getBytes(StandardCharsets.UTF_8);
      }
      if (!signerOptions.isSoftware() && keyOptions.privateKeyEnv != null) {
        throw new UserInputException("--private-key-env applies to --signer software only");
      }
      Signer hardware = signerOptions.isSoftware() ? null : signerOptions.open(SignerOptions.Chain.EVM, env(), null);
      Secp256k1PrivateKey key = hardware == null ? keyOptions.privateKey(in(), env()) : null;
      try (Signer signer = hardware != null ? hardware : Signers.software(key)) {
        EvmSignature sig = td != null ? EvmSigning.signTypedData(td, signer)
            : EvmSigning.signPersonalMessage(msg, signer);
        out().println(sig.toHex());
      } finally {
        if (key != null) {
          key.destroy();
        }
      }
    }

    private static String readTypedData(Path file) {
      try {
        if (Files.size(file) > MAX_TYPED_DATA_BYTES) {
          throw new UserInputException("--typed-data: " + file + " is larger than "
              + MAX_TYPED_DATA_BYTES + " bytes");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserInputException("--typed-data: cannot read " + file + ": " + e.getMessage());
      } catch (UncheckedIOException e) {
        throw new UserInputException("--typed-data: " + file + " is not UTF-8 text");
      }
    }
  }

  /** {@code wallet evm decode-tx}. */
  @Command(name = "decode-tx", mixinStandardHelpOptions = true,
      description = {
        "Decode a signed raw transaction (any type), like cast decode-transaction.",
        "Prints its fields, hash and recovered sender. Strict: non-canonical encodings are "
            + "refused."
      })
  static final class DecodeTxCmd extends WalletCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "RAW", description = "The signed transaction, 0x-hex.")
    String raw;

    @Option(names = "--json", description = "Print one JSON object (as the batch op evm.decodeTx).")
    boolean json;

    @Override
    public void run() {
      SignedTransaction st = SignedTransaction.decode(AbiCommand.hex("RAW", raw));
      JsonNode o = EvmOps.describe(st);
      if (json) {
        out().println(o.toString());
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        out().printf("%-21s %s%n", e.getKey(), v.isTextual() ? v.textValue() : v.toString());
      }
    }
  }
}
