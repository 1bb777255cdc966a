package dev.cairn.cli;

import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.ConfirmedReceipt;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.transport.TransportException;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.cli.HdWallets.Chain;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;

/**
 * The EVM part of {@code wallet demo}: when a node answers, its chain id and head; on anvil (chain
 * id 31337) the demo address is funded from anvil's dev account 0 and sends 0.01 ETH with an
 * EIP-1559 transaction signed through the Signer SPI, and the receipt and balances are shown.
 */
final class EvmDemo {
  /** Anvil's default chain id: only there is dev account 0's well-known key used. */
  static final long ANVIL_CHAIN_ID = 31337;
  /**
   * Anvil's dev account 0 (m/44'/60'/0'/0/0 of the public "test test ... junk" mnemonic): printed in
   * anvil's banner and funded on every default anvil. Not a secret; never use it elsewhere.
   */
  private static final String ANVIL_DEV_KEY_0 =
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);
  static final BigInteger FUNDING = ONE_ETHER.divide(BigInteger.TEN); // 0.1 ETH
  static final BigInteger TRANSFER = ONE_ETHER.divide(BigInteger.valueOf(100)); // 0.01 ETH
  static final String RECIPIENT_PATH = "m/44'/60'/0'/0/1";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);

  private final PrintStream out;
  private final String url;

  EvmDemo(PrintStream out, String url) {
    this.out = out;
    this.url = url;
  }

  void run(Mnemonic mnemonic) {
    long chainId;
    try (EvmRpcClient probe = EvmSupport.client(url, PROBE_TIMEOUT, false)) {
      chainId = probe.chainId().send();
    } catch (TransportException e) {
      out.println("EVM: no node answers at " + url + "; skipping the transfer (start one with"
          + " scripts/anvil.sh, then run the demo again; or set --rpc-url / WALLET_RPC_URL).");
      return;
    }
    try (EvmRpcClient rpc = EvmSupport.client(url, CALL_TIMEOUT, true)) {
      out.println("EVM node at " + url + ":");
      out.println("  chain id   " + chainId);
      out.println("  block      " + rpc.blockNumber().send());
      if (chainId != ANVIL_CHAIN_ID) {
        out.println("  not anvil's default chain (31337): the demo funds its address only from anvil's"
            + " public dev account, so it stops here.");
        return;
      }
      transfer(mnemonic, rpc, chainId);
    }
  }

  private void transfer(Mnemonic mnemonic, EvmRpcClient rpc, long chainId) {
    Bip32Key demoKey = HdWallets.secp256k1(mnemonic, "", Chain.EVM.defaultPath());
    Bip32Key recipientKey = HdWallets.secp256k1(mnemonic, "", HdWallets.path(RECIPIENT_PATH));
    Address demo = Address.fromPublicKey(demoKey.publicKey());
    Address recipient = Address.fromPublicKey(recipientKey.publicKey());
    recipientKey.destroy();
    try (EvmChainAdapter evm = EvmChainAdapter.builder(rpc).chainId(chainId)
            .receiptPollInterval(Duration.ofMillis(100)).build();
        SoftwareSigner funder = Signers.software(Secp256k1PrivateKey.of(Hex.decode(ANVIL_DEV_KEY_0)));
        SoftwareSigner demoSigner = Signers.software(demoKey.privateKey())) {
      Address funderAddress = evm.addressOf(evm.accountOf(funder));
      out.println();
      out.println("Funding the demo address with " + EvmSupport.ether(FUNDING) + " ETH from anvil's dev"
          + " account 0 (" + funderAddress + "); its key is public (anvil's default accounts), so it"
          + " is used only on chain id 31337:");
      Receipt funded = send(evm, rpc, funder, demo, FUNDING);
      out.println("  funded in block " + funded.blockNumber() + " by " + funded.transactionHash().toHex());
      out.println();
      out.println("EIP-1559 transfer of " + EvmSupport.ether(TRANSFER) + " ETH from the demo address "
          + demo + " to " + recipient + " (" + RECIPIENT_PATH + "), signed by the demo key through"
          + " the Signer SPI; waiting for 1 confirmation:");
      Receipt r = send(evm, rpc, demoSigner, recipient, TRANSFER);
      EvmSupport.printReceipt(out, "  ", r);
      out.println();
      out.println("Balances after:");
      out.println("  demo       " + demo + "  "
          + EvmSupport.ether(rpc.getBalance(demo, BlockId.LATEST).send()) + " ETH");
      out.println("  recipient  " + recipient + "  "
          + EvmSupport.ether(rpc.getBalance(recipient, BlockId.LATEST).send()) + " ETH");
    } finally {
      demoKey.destroy();
    }
  }

  /**
   * A plain EIP-1559 transfer to an account without code (21000 gas), the fees filled by the
   * adapter's TxFiller, a managed nonce; waits for 1 confirmation.
   */
  private static Receipt send(EvmChainAdapter evm, EvmRpcClient rpc, Signer signer, Address to,
      BigInteger wei) {
    Transaction.Builder tx = Transaction.eip1559().to(to).value(wei).gasLimit(21_000);
    String hash = EvmSupport.await(evm.submit(tx, signer)).hash();
    ConfirmedReceipt c = EvmSupport.await(evm.awaitReceipt(hash, 1, RECEIPT_TIMEOUT));
    if (!c.receipt().isSuccess()) {
      throw new UserInputException("transaction " + hash + " failed (status 0)");
    }
    return c.receipt();
  }
}
