package dev.cairn.cli;

import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.GasEstimate;
import dev.cairn.cosmos.client.GasPrice;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.rest.CosmosAccount;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxRaw;
import dev.cairn.cosmos.tx.TxSigner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wallet cosmos ...}: Cosmos SDK and CosmWasm transactions over a node's REST endpoint. */
@Command(
    name = "cosmos",
    mixinStandardHelpOptions = true,
    description = {
      "Cosmos SDK and CosmWasm: balances, sends, contract executions and queries over a node's REST"
          + " (gRPC-gateway) endpoint (--rest URL, else env " + CosmosSupport.REST_URL_ENV + ", else "
          + CosmosSupport.DEFAULT_REST_URL + "); decode transactions offline.",
      "Keys come from --private-key-env VAR / env WALLET_PRIVATE_KEY, or a mnemonic (--path,"
          + " --mnemonic-env, env WALLET_MNEMONIC), a hidden prompt or stdin; never from arguments."
    },
    subcommands = {
      CosmosCommand.BalanceCmd.class,
      CosmosCommand.SendCmd.class,
      CosmosCommand.ExecuteCmd.class,
      CosmosCommand.QueryCmd.class,
      CosmosCommand.DecodeCmd.class
    })
final class CosmosCommand extends WalletCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: balance, send, execute, query or decode");
  }

  /** Base of the subcommands that talk to a node. */
  abstract static class NodeCommand extends WalletCommand {
    @Mixin CosmosSupport.RestOptions restOptions;

    CosmosRestClient rest() {
      return restOptions.client(env());
    }
  }

  /** {@code wallet cosmos balance}. */
  @Command(name = "balance", mixinStandardHelpOptions = true,
      description = "An account's balances (all denominations, or one with --denom), one 'AMOUNT DENOM' per line.")
  static final class BalanceCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The account (bech32).")
    String address;

    @Option(names = "--denom", paramLabel = "DENOM", description = "Only this denomination (e.g. uatom, ibc/...).")
    String denom;

    @Override
    public void run() {
      CosmosAddress a = CosmosSupport.address("ADDRESS", address, null);
      if (denom != null) {
        try {
          Coin.checkDenom(denom);
        } catch (CosmosException e) {
          throw new UserInputException("--denom: " + e.getMessage());
        }
      }
      try (CosmosRestClient rest = rest()) {
        List<Coin> coins = denom != null ? List.of(rest.balance(a.toString(), denom)) : rest.balances(a.toString());
        if (coins.isEmpty()) {
          out().println("0 (no balances)");
        }
        for (Coin c : coins) {
          out().println(c.amount() + " " + c.denom());
        }
      }
    }
  }

  /** Fee, memo, timeout and sign-mode options of the sending subcommands. */
  static final class TxOptions {
    @Option(names = "--gas-price", paramLabel = "PRICE", defaultValue = "0.025uatom",
        description = "Gas price: the fee is ceil(price x gas limit) (default: ${DEFAULT-VALUE}).")
    String gasPrice;

    @Option(names = "--gas-multiplier", paramLabel = "X", defaultValue = GasEstimate.DEFAULT_MULTIPLIER_TEXT,
        description = "Gas limit = ceil(simulated gas used x X) (default: ${DEFAULT-VALUE}).")
    String gasMultiplier;

    @Option(names = "--gas", paramLabel = "LIMIT", description = "A fixed gas limit: no simulation.")
    Long gas;

    @Option(names = "--memo", paramLabel = "TEXT", defaultValue = "", description = "The transaction's memo.")
    String memo;

    @Option(names = "--timeout-height", paramLabel = "HEIGHT", defaultValue = "0",
        description = "Invalid after this block height (0: none); waiting reports EXPIRED past it.")
    long timeoutHeight;

    @Option(names = "--sign-mode", paramLabel = "MODE", defaultValue = "direct",
        description = "direct (SIGN_MODE_DIRECT, default) or amino (SIGN_MODE_LEGACY_AMINO_JSON, what a Ledger signs).")
    String signMode;

    @Option(names = "--prefix", paramLabel = "HRP",
        description = "The chain's bech32 account prefix (default: the recipient's or contract's).")
    String prefix;

    @Option(names = "--no-wait", description = "Print the hash once the node accepted it (CheckTx); do not wait.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
        description = "How long to wait for inclusion (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin CosmosSupport.KeyOptions keys;

    @Mixin SignerOptions signerOptions;
  }

  /** Account lookup, simulation, fee, signing, broadcast and (unless --no-wait) inclusion. */
  static void submit(NodeCommand cmd, TxOptions o, String defaultPrefix, java.util.function.Function<String, CosmosMsg> msgFor) {
    String chainId = cmd.restOptions.requireChainId();
    SignMode mode = CosmosSupport.signMode(o.signMode);
    GasPrice price;
    try {
      price = GasPrice.parse(o.gasPrice.strip());
    } catch (CosmosException e) {
      throw new UserInputException("--gas-price: " + e.getMessage());
    }
    BigDecimal multiplier = CosmosSupport.positive("--gas-multiplier", o.gasMultiplier);
    if (o.timeoutHeight < 0) {
      throw new UserInputException("--timeout-height: must not be negative");
    }
    if (o.timeoutSeconds <= 0) {
      throw new UserInputException("--timeout: must be positive, got " + o.timeoutSeconds);
    }
    if (o.gas != null && o.gas <= 0) {
      throw new UserInputException("--gas: must be positive");
    }
    String prefix = o.prefix != null ? o.prefix.strip() : defaultPrefix;
    try {
      CosmosAddress.checkPrefix(prefix);
    } catch (CosmosException e) {
      throw new UserInputException("--prefix: " + e.getMessage());
    }
    if (!o.signerOptions.isSoftware() && (o.keys.path != null || o.keys.privateKey.privateKeyEnv != null
        || o.keys.mnemonic.mnemonicEnv != null)) {
      throw new UserInputException("--path, --private-key-env and --mnemonic-env apply to --signer software"
          + " (a Ledger: --ledger-path)");
    }
    Signer hardware = o.signerOptions.isSoftware() ? null : o.signerOptions.open(SignerOptions.Chain.COSMOS, cmd.env(), prefix);
    if (hardware != null && mode == SignMode.DIRECT
        && !hardware.supports(dev.cairn.core.signer.SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT)) {
      cmd.err().println("this signer cannot sign SIGN_MODE_DIRECT (a Ledger signs amino JSON): using amino");
      mode = SignMode.AMINO_JSON;
    }
    Secp256k1PrivateKey key = hardware == null ? o.keys.key(cmd.in(), cmd.env()) : null;
    try (Signer signer = hardware != null ? hardware : Signers.software(key); CosmosRestClient rest = cmd.rest()) {
      CosmosPublicKey pub = CosmosPublicKey.of(o.keys.keyType.type, signer.publicKey());
      String from = pub.address(prefix).toString();
      CosmosMsg msg = msgFor.apply(from);
      CosmosAccount acct = rest.account(from).orElseThrow(() ->
          new UserInputException("account " + from + " does not exist on the chain yet (fund it first)"));
      CosmosTransaction.Builder b = CosmosTransaction.builder(chainId).message(msg).memo(o.memo)
          .timeoutHeight(o.timeoutHeight)
          .signer(TxSigner.of(pub, prefix, acct.accountNumber(), acct.sequence(), mode));
      long gasLimit;
      if (o.gas != null) {
        gasLimit = o.gas;
      } else {
        GasEstimate est = rest.simulate(b.fee(List.of(), 0).build().unsignedTxRaw());
        gasLimit = est.gasLimit(multiplier);
        cmd.err().println("simulated gas " + est.gasUsed() + ", limit " + gasLimit);
      }
      Coin fee = price.fee(gasLimit);
      SignedCosmosTransaction signed = b.fee(List.of(fee), gasLimit).build().sign(List.of(signer));
      BroadcastResult sent = rest.broadcast(signed.encoded());
      if (!sent.isAccepted()) {
        throw new ChainException(sent.error(rest.chainId()).get());
      }
      cmd.out().println(signed.id());
      if (o.noWait) {
        return;
      }
      cmd.out().flush();
      TxResult r = rest.waitForInclusion(signed.id(), o.timeoutHeight, Duration.ofSeconds(o.timeoutSeconds),
          Duration.ofMillis(500));
      cmd.out().printf("%-10s %s%n", "status", r.isSuccess() ? "success" : "failed: " + r.log());
      cmd.out().printf("%-10s %d%n", "height", r.height());
      cmd.out().printf("%-10s %s%n", "fee", fee.amount() + fee.denom());
      cmd.out().printf("%-10s %d / %d%n", "gas", r.gasUsed(), r.gasWanted());
      if (!r.isSuccess()) {
        throw CosmosSupport.failed(new ChainException(r.error(rest.chainId()).get()));
      }
    } catch (ChainException e) {
      if (e.kind() == ErrorKind.TRANSPORT) {
        throw e;
      }
      throw CosmosSupport.failed(e);
    } catch (CosmosException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  /** {@code wallet cosmos send}. */
  @Command(name = "send", mixinStandardHelpOptions = true,
      description = {
        "Send coins (bank MsgSend), like gaiad tx bank send: the account's number and sequence are looked up,"
            + " the transaction simulated (gas x --gas-multiplier), the fee taken from --gas-price, signed,"
            + " broadcast (sync) and waited for until included (or past --timeout-height)."
      })
  static final class SendCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "TO", description = "The recipient (bech32).")
    String to;

    @Parameters(index = "1", paramLabel = "COINS", description = "Amounts in base units, e.g. 1000uatom or 5uatom,7ibc/27394F...")
    String amount;

    @Mixin TxOptions tx;

    @Override
    public void run() {
      CosmosAddress recipient = CosmosSupport.address("TO", to, tx.prefix);
      List<Coin> coins = CosmosSupport.coins("COINS", amount);
      if (coins.isEmpty()) {
        throw new UserInputException("COINS: at least one coin");
      }
      submit(this, tx, recipient.prefix(), from -> MsgSend.of(from, recipient.toString(), coins));
    }
  }

  /** {@code wallet cosmos execute}. */
  @Command(name = "execute", mixinStandardHelpOptions = true,
      description = "Execute a CosmWasm contract (MsgExecuteContract), like wasmd tx wasm execute; the JSON message"
          + " is sent as given (compact, key order kept). Then as send.")
  static final class ExecuteCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "CONTRACT", description = "The contract (bech32).")
    String contract;

    @Parameters(index = "1", paramLabel = "JSON", description = "The execute message, e.g. '{\"increment\":{}}'.")
    String json;

    @Option(names = "--funds", paramLabel = "COINS", description = "Coins sent along, e.g. 100uatom.")
    String funds;

    @Mixin TxOptions tx;

    @Override
    public void run() {
      CosmosAddress c = CosmosSupport.address("CONTRACT", contract, tx.prefix);
      byte[] msg = CosmosSupport.jsonObject("JSON", json).getBytes(StandardCharsets.UTF_8);
      List<Coin> coins = CosmosSupport.coins("--funds", funds);
      submit(this, tx, c.prefix(), from -> MsgExecuteContract.of(from, c.toString(), msg, coins));
    }
  }

  /** {@code wallet cosmos query}. */
  @Command(name = "query", mixinStandardHelpOptions = true,
      description = "A CosmWasm smart query, like wasmd query wasm contract-state smart; prints the answer as pretty JSON.")
  static final class QueryCmd extends NodeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "CONTRACT", description = "The contract (bech32).")
    String contract;

    @Parameters(index = "1", paramLabel = "JSON", description = "The query message, e.g. '{\"get_count\":{}}'.")
    String json;

    @Override
    public void run() {
      CosmosAddress c = CosmosSupport.address("CONTRACT", contract, null);
      String q = CosmosSupport.jsonObject("JSON", json);
      try (CosmosRestClient rest = rest()) {
        out().println(CosmosSupport.pretty(CosmosSupport.tree(rest.smartQuery(c.toString(), q))));
      } catch (ChainException e) {
        if (e.kind() == ErrorKind.TRANSPORT) {
          throw e;
        }
        throw CosmosSupport.failed(e);
      }
    }
  }

  /** {@code wallet cosmos decode}. */
  @Command(name = "decode", mixinStandardHelpOptions = true,
      description = "Decode a TxRaw (base64 or 0x-hex) into JSON: hash, body with its messages, auth info (signers,"
          + " modes, sequences, fee) and signatures. Offline.")
  static final class DecodeCmd extends WalletCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "TX", description = "The TxRaw bytes, base64 (as REST and CometBFT show them) or 0x-hex.")
    String tx;

    @Override
    public void run() {
      byte[] bytes = SvmCommand.wire("TX", tx);
      TxRaw raw;
      try {
        raw = TxRaw.decode(bytes);
        out().println(CosmosSupport.pretty(CosmosSupport.txJson(raw)));
      } catch (DecodingException e) {
        throw new UserInputException("TX: " + e.getMessage());
      } catch (CosmosException e) {
        throw new UserInputException("TX: " + e.getMessage());
      }
    }
  }
}
