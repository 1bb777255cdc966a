package dev.cairn.cli;

import dev.cairn.abi.Address;
import dev.cairn.core.CairnException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.cli.HdWallets.Chain;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wallet demo}: a tour of the SDK on a fresh, throw-away mnemonic; at the end an EVM transfer
 * when a node answers ({@link EvmDemo}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "A tour of the SDK on a fresh, throw-away mnemonic.",
      "Addresses on the three chains, an EIP-191 "
          + "personal_sign signature with the EVM key (verified, signer recovered), an Ed25519 "
          + "signature with the Solana key (verified), and the secp256k1 backend in use. "
          + "Then, when an EVM node answers at --rpc-url (default: env WALLET_RPC_URL, else "
          + EvmSupport.DEFAULT_RPC_URL + "): its chain id and head; on anvil (chain id 31337) the demo "
          + "address is funded from anvil's public dev account 0 and sends 0.01 ETH in an EIP-1559 "
          + "transaction. Without a node that part is skipped (start one with scripts/anvil.sh).",
      "Solana: offline, a transfer and a v0 transaction through an address lookup table built, signed,"
          + " decoded and verified; then, when a Solana node answers at --svm-rpc-url (default: env "
          + SvmSupport.RPC_URL_ENV + ", else " + SvmSupport.DEFAULT_RPC_URL + "; scripts/litesvm.sh starts"
          + " LiteSVM there) and it is not mainnet: an airdrop, a transfer through the chain adapter, a"
          + " lookup table created and extended, and a v0 transfer through it.",
      "Cosmos: offline, a bank MsgSend and a CosmWasm MsgExecuteContract signed in direct and amino"
          + " modes (m/44'/118'/0'/0/0), decoded back and verified, and an Ethermint-style eth_secp256k1"
          + " account signing a MsgSend.",
      "Hardware: an EVM transaction signed through the SDK's emulated Ledger (verified); when SoftHSM2 is"
          + " installed, a throw-away token in a temporary directory, a secp256k1 key generated in it and an EVM"
          + " transaction signed there (verified, in a child JVM that has SOFTHSM2_CONF set)."
    })
final class DemoCommand extends WalletCommand implements Callable<Integer> {
  @Option(names = {"-m", "--message"}, paramLabel = "TEXT", defaultValue = "Hello from Cairn",
      description = "Message to sign (default: ${DEFAULT-VALUE}).")
  String message;

  @Option(names = "--rpc-url", paramLabel = "URL",
      description = "EVM node for the transfer part (default: env WALLET_RPC_URL, else "
          + EvmSupport.DEFAULT_RPC_URL + ").")
  String rpcUrl;

  @Option(names = "--svm-rpc-url", paramLabel = "URL",
      description = "Solana node for the transfer part (default: env " + SvmSupport.RPC_URL_ENV + ", else "
          + SvmSupport.DEFAULT_RPC_URL + "; start one with scripts/litesvm.sh).")
  String svmRpcUrl;

  @Override
  public Integer call() {
    Mnemonic mnemonic = Mnemonic.generate(12, new SecureRandom());
    boolean cosmosOk;
    try {
      run(mnemonic);
      out().println();
      SvmDemo svm = new SvmDemo(out());
      svm.offline(mnemonic);
      out().println();
      svm.online(mnemonic, svmRpcUrl != null ? svmRpcUrl
          : env().getOrDefault(SvmSupport.RPC_URL_ENV, SvmSupport.DEFAULT_RPC_URL));
      out().println();
      cosmosOk = new CosmosDemo(out()).offline(mnemonic);
      out().println();
      new EvmDemo(out(), rpcUrl != null ? rpcUrl
          : env().getOrDefault(EvmSupport.RPC_URL_ENV, EvmSupport.DEFAULT_RPC_URL)).run(mnemonic);
      out().println();
      new HardwareDemo(out()).run(env());
    } finally {
      mnemonic.destroy();
    }
    return cosmosOk ? ExitCodes.OK : ExitCodes.INTERNAL;
  }

  private void run(Mnemonic mnemonic) {
    out().println("Cairn wallet demo (" + WalletCli.version() + "); only the EVM and Solana parts at"
        + " the end talk to a node (the Cosmos part is offline), and only when one is reachable.");
    out().println();
    out().println("Demo mnemonic (DEMO SECRET: freshly generated and thrown away; never fund it on a real chain):");
    out().println("  " + mnemonic.phrase());
    out().println();

    Bip32Key evmKey = HdWallets.secp256k1(mnemonic, "", Chain.EVM.defaultPath());
    Bip32Key cosmosKey = HdWallets.secp256k1(mnemonic, "", Chain.COSMOS.defaultPath());
    Slip10.Ed25519Key svmKey = HdWallets.ed25519(mnemonic, "", Chain.SVM.defaultPath());
    try {
      String evm = Address.fromPublicKey(evmKey.publicKey()).toChecksumString();
      out().println("Addresses on the default paths:");
      row(Chain.EVM, evm);
      row(Chain.SVM, Addresses.solana(svmKey.publicKey()));
      row(Chain.COSMOS, Addresses.cosmos(HdWallets.DEFAULT_HRP, cosmosKey.publicKey()));
      out().println();

      byte[] msg = message.getBytes(StandardCharsets.UTF_8);
      byte[] digest = personalSignDigest(msg);
      Secp256k1PrivateKey priv = evmKey.privateKey();
      EcdsaSignature sig;
      try {
        sig = priv.sign(digest);
      } finally {
        priv.destroy();
      }
      byte[] rsv = sig.toRecoverable();
      rsv[64] = (byte) (27 + sig.recoveryId());
      Secp256k1PublicKey recovered = Secp256k1PublicKey.recover(digest, sig);
      String recoveredAddress = Address.fromPublicKey(recovered).toChecksumString();
      out().println("EVM personal_sign (EIP-191) of \"" + message + "\":");
      out().println("  digest     " + Hex.encodePrefixed(digest));
      out().println("  signature  " + Hex.encodePrefixed(rsv) + "  (r || s || v, v = 27 + recovery id)");
      out().println("  verifies   " + evmKey.publicKey().verifyStrict(digest, sig));
      out().println("  recovered  " + recoveredAddress
          + (recoveredAddress.equals(evm) ? "  (the EVM address above)" : "  (MISMATCH!)"));
      out().println();

      Ed25519PrivateKey edPriv = svmKey.privateKey();
      byte[] edSig;
      try {
        edSig = edPriv.sign(msg);
      } finally {
        edPriv.destroy();
      }
      out().println("Solana (Ed25519) signature of the same message:");
      out().println("  signature  " + Base58.encode(edSig));
      out().println("  verifies   " + svmKey.publicKey().verify(msg, edSig));
      out().println();
    } finally {
      evmKey.destroy();
      cosmosKey.destroy();
      svmKey.destroy();
    }

    out().println("secp256k1 backend: " + backendSummary());
    for (String line : BackendCommand.whyNot(Secp256k1.backends())) {
      out().println("  " + line);
    }
  }

  private void row(Chain chain, String address) {
    out().printf("  %-7s %-20s %s%n", chain.id(), chain.defaultPath(), address);
  }

  private static String backendSummary() {
    try {
      return Secp256k1.backendName();
    } catch (CairnException e) {
      return "none selected (" + e.getMessage() + ")";
    }
  }

  /** keccak256("\x19Ethereum Signed Message:\n" + decimal length + message). */
  static byte[] personalSignDigest(byte[] message) {
    byte[] prefix =
        ("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.US_ASCII);
    return Keccak256.create().update(prefix).update(message).digest();
  }
}
