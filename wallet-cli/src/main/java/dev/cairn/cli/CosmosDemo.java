package dev.cairn.cli;

import dev.cairn.abi.Address;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.json.Json;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.Messages;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxRaw;
import dev.cairn.cosmos.tx.TxSigner;
import dev.cairn.cli.HdWallets.Chain;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Cosmos part of {@code wallet demo}, offline: from the demo mnemonic ({@code m/44'/118'/0'/0/0})
 * a bank MsgSend and a CosmWasm MsgExecuteContract, each signed in SIGN_MODE_DIRECT and
 * SIGN_MODE_LEGACY_AMINO_JSON; every TxRaw decoded back (same messages) and its signature verified
 * against the sign document; and an Ethermint-style account (eth_secp256k1 at {@code m/44'/60'/0'/0/0},
 * keccak address and sign-doc hash) signing a MsgSend.
 */
final class CosmosDemo {
  static final String CHAIN_ID = "cairn-demo-1";
  static final String ETHERMINT_CHAIN_ID = "evmos_9001-2";
  static final String RECIPIENT_PATH = "m/44'/118'/0'/0/1";
  static final String OK_LINE = "Cosmos offline flow: all transactions decoded back equal and their signatures verify";

  private final PrintStream out;
  private int failures;

  CosmosDemo(PrintStream out) {
    this.out = out;
  }

  /** Prints the flow; returns whether every check held. */
  boolean offline(Mnemonic mnemonic) {
    Bip32Key key = HdWallets.secp256k1(mnemonic, "", Chain.COSMOS.defaultPath());
    Bip32Key rkey = HdWallets.secp256k1(mnemonic, "", DerivationPath.parse(RECIPIENT_PATH));
    Bip32Key ekey = HdWallets.secp256k1(mnemonic, "", Chain.EVM.defaultPath());
    try (SoftwareSigner signer = Signers.software(key.privateKey());
        SoftwareSigner ethSigner = Signers.software(ekey.privateKey())) {
      CosmosPublicKey pub = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, signer.publicKey());
      String from = pub.address("cosmos").toString();
      String to = CosmosAddress.ofSecp256k1("cosmos", rkey.publicKey().compressed()).toString();
      // a CosmWasm contract address, computed locally as MsgInstantiateContract2 would give it
      byte[] checksum = Hashes.sha256("cairn demo: counter.wasm".getBytes(StandardCharsets.UTF_8));
      byte[] initMsg = "{\"count\":0}".getBytes(StandardCharsets.UTF_8);
      String contract = CosmosAddress.instantiate2(checksum, CosmosAddress.parse(from),
          "demo".getBytes(StandardCharsets.UTF_8), initMsg, "cosmos").toString();
      out.println("Cosmos transactions (offline; chain id " + CHAIN_ID + ", account number 7, sequence 0):");
      out.println("  demo account       " + from + "  (" + Chain.COSMOS.defaultPath() + ")");
      out.println("  recipient          " + to + "  (" + RECIPIENT_PATH + ")");
      out.println("  contract           " + contract + "  (instantiate2 of a counter, salt \"demo\")");

      MsgSend send = MsgSend.of(from, to, List.of(Coin.of("uatom", 1_000_000)));
      MsgExecuteContract exec = MsgExecuteContract.of(from, contract,
          "{\"increment\":{\"by\":5},\"memo\":\"key order kept\"}".getBytes(StandardCharsets.UTF_8),
          List.of(Coin.of("uatom", 10)));
      for (SignMode mode : List.of(SignMode.DIRECT, SignMode.AMINO_JSON)) {
        show("MsgSend of 1000000uatom", send, pub, signer, mode, CHAIN_ID, "cosmos");
        show("MsgExecuteContract {\"increment\":...} with 10uatom", exec, pub, signer, mode, CHAIN_ID, "cosmos");
      }

      CosmosPublicKey epub = CosmosPublicKey.of(CosmosPublicKey.Type.ETHERMINT_ETH_SECP256K1, ethSigner.publicKey());
      CosmosAddress eaddr = epub.address("evmos");
      String evmHex = Address.fromPublicKey(ekey.publicKey()).toChecksumString();
      boolean same = eaddr.toHex().equalsIgnoreCase(evmHex.substring(2));
      out.println("  Ethermint-style account (eth_secp256k1, keccak; " + Chain.EVM.defaultPath() + ", chain id "
          + ETHERMINT_CHAIN_ID + "):");
      out.println("    address            " + eaddr + "  = " + evmHex + (same ? "  (the EVM address)" : "  (MISMATCH!)"));
      check(same);
      MsgSend esend = MsgSend.of(eaddr.toString(), eaddr.toString(), List.of(Coin.of("aevmos", 1_000_000_000_000L)));
      show("MsgSend of 1000000000000aevmos to itself", esend, epub, ethSigner, SignMode.DIRECT, ETHERMINT_CHAIN_ID, "evmos");
      out.println(failures == 0 ? OK_LINE : "Cosmos offline flow: " + failures + " CHECKS FAILED");
      return failures == 0;
    } finally {
      key.destroy();
      rkey.destroy();
      ekey.destroy();
    }
  }

  private void show(String what, CosmosMsg msg, CosmosPublicKey pub, SoftwareSigner signer, SignMode mode,
      String chainId, String prefix) {
    CosmosTransaction tx = CosmosTransaction.builder(chainId).message(msg).memo("Hello from Cairn")
        .fee(List.of(Coin.of(prefix.equals("evmos") ? "aevmos" : "uatom", 5000)), 200_000)
        .signer(TxSigner.of(pub, prefix, 7, 0, mode)).build();
    SignedCosmosTransaction signed = tx.sign(List.of(signer));
    byte[] wire = signed.encoded();
    TxRaw back = TxRaw.decode(wire);
    CosmosMsg decoded = back.body().messages().get(0);
    boolean equal = back.body().messages().size() == 1
        && Json.write(Messages.toJson(decoded)).equals(Json.write(Messages.toJson(msg)))
        && back.hash().equals(signed.id());
    byte[] signBytes = mode == SignMode.DIRECT ? tx.signBytes(0) : tx.aminoSignDoc(0).getBytes(StandardCharsets.UTF_8);
    boolean verifies = back.signatures().size() == 1 && pub.verify(signBytes, back.signatures().get(0));
    out.println("  " + what + ", " + (mode == SignMode.DIRECT ? "SIGN_MODE_DIRECT" : "SIGN_MODE_LEGACY_AMINO_JSON")
        + (pub.type().keccak() ? " (keccak256 sign-doc hash)" : "") + ":");
    out.println("    tx hash            " + signed.id());
    out.println("    TxRaw              " + wire.length + " bytes; decodes back to the same message " + equal
        + ", signature verifies " + verifies);
    if (mode == SignMode.AMINO_JSON) {
      out.println("    amino sign doc     " + tx.aminoSignDoc(0));
    }
    check(equal && verifies);
  }

  private void check(boolean ok) {
    if (!ok) {
      failures++;
    }
  }
}
