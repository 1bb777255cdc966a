package dev.cairn.examples.gateway;

import dev.cairn.abi.Address;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxRaw;
import dev.cairn.cosmos.tx.TxSigner;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Message;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * An IoT gateway's signer: offline, pure Java, no network stack on the class path. It holds one
 * mnemonic and signs what the gateway produces:
 *
 * <ul>
 *   <li>an EIP-712 attestation of a sensor reading (what a contract verifies on chain),
 *   <li>an EIP-1559 transaction with a nonce the gateway tracks itself (relayed later by a backend),
 *   <li>a Solana transfer with a memo against a blockhash handed to it (a durable nonce in practice),
 *   <li>a Cosmos MsgSend with the account number and sequence it was given.
 * </ul>
 *
 * <p>Each signature is checked the way its chain would check it (the signer recovered or the
 * signature verified from the decoded wire bytes). The secp256k1 backend is forced to pure Java:
 * the same program runs on RISC-V and in an emulated arm64 JVM without libsecp256k1.
 *
 * <p>Environment: {@code GATEWAY_MNEMONIC} (else a fresh one is generated and only its addresses
 * are printed). Exit status 0 when every signature checks out, 1 otherwise.
 */
public final class GatewaySigner {
  /** The line the program ends with when every check held (CI looks for it). */
  public static final String OK_LINE = "gateway: all 4 signatures verified";

  private static final long EVM_CHAIN_ID = 31337;
  private static final String COSMOS_CHAIN_ID = "cairn-gateway-1";

  private final PrintStream out;
  private int failures;

  GatewaySigner(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    // Pure Java on purpose: a gateway image does not ship libsecp256k1.
    System.setProperty(Secp256k1.BACKEND_PROPERTY, "java");
    String phrase = System.getenv("GATEWAY_MNEMONIC");
    Mnemonic mnemonic = phrase == null || phrase.isEmpty()
        ? Mnemonic.generate(24, new SecureRandom())
        : Mnemonic.parse(phrase);
    boolean ok;
    try {
      ok = new GatewaySigner(System.out).run(mnemonic, "device-17", 2_345);
    } finally {
      mnemonic.destroy();
    }
    System.exit(ok ? 0 : 1);
  }

  /**
   * Signs the four payloads for {@code deviceId}'s reading and checks each; returns whether all
   * held.
   */
  boolean run(Mnemonic mnemonic, String deviceId, long reading) {
    out.println("gateway on " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version")
        + ", secp256k1 backend " + Secp256k1.backendName());
    byte[] seed = mnemonic.toSeed("");
    Bip32Key evmKey = Bip32Key.fromSeed(seed).derive(DerivationPath.EVM);
    Bip32Key cosmosKey = Bip32Key.fromSeed(seed).derive(DerivationPath.COSMOS);
    Slip10.Ed25519Key solKey = Slip10.ed25519(seed).derive(DerivationPath.SOLANA);
    java.util.Arrays.fill(seed, (byte) 0);
    Keypair solana = Keypair.of(solKey.privateKey());
    try (SoftwareSigner evm = Signers.software(evmKey.privateKey());
        SoftwareSigner cosmos = Signers.software(cosmosKey.privateKey())) {
      attestation(evm, deviceId, reading);
      evmTransaction(evm, reading);
      solanaTransfer(solana, deviceId, reading);
      cosmosSend(cosmos);
    } finally {
      evmKey.destroy();
      cosmosKey.destroy();
      solKey.destroy();
      solana.destroy();
    }
    out.println(failures == 0 ? OK_LINE : "gateway: " + failures + " SIGNATURE CHECKS FAILED");
    return failures == 0;
  }

  /** EIP-712: a reading attested by the device key, recoverable by a contract with ecrecover. */
  private void attestation(SoftwareSigner signer, String deviceId, long reading) {
    Address expected = Address.fromPublicKey(Secp256k1PublicKey.fromBytes(signer.publicKey()));
    String json = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"}],"
        + "\"Reading\":[{\"name\":\"device\",\"type\":\"string\"},{\"name\":\"value\",\"type\":\"uint256\"},"
        + "{\"name\":\"at\",\"type\":\"uint64\"}]},\"primaryType\":\"Reading\","
        + "\"domain\":{\"name\":\"Cairn gateway\",\"version\":\"1\",\"chainId\":" + EVM_CHAIN_ID + "},"
        + "\"message\":{\"device\":\"" + deviceId + "\",\"value\":" + reading + ",\"at\":1764720000}}";
    TypedData typed = TypedData.parseJson(json);
    EvmSignature sig = EvmSigning.signTypedData(typed, signer);
    Address recovered = EvmSigning.recoverTypedData(typed, sig);
    out.println("EIP-712 reading attestation by " + expected);
    out.println("  digest     0x" + Hex.encode(typed.digest()));
    out.println("  signature  " + sig.toHex());
    check("recovered signer " + recovered, recovered.equals(expected));
  }

  /** An EIP-1559 transaction, fully offline: the gateway keeps its own nonce. */
  private void evmTransaction(SoftwareSigner signer, long reading) {
    Transaction tx = Transaction.eip1559().chainId(EVM_CHAIN_ID).nonce(reading % 1000).gasLimit(21_000)
        .maxFeePerGas(BigInteger.valueOf(2_000_000_000L)).maxPriorityFeePerGas(BigInteger.valueOf(1_000_000_000L))
        .to(Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")).value(BigInteger.valueOf(reading))
        .build();
    SignedTransaction signed = tx.sign(signer);
    SignedTransaction back = SignedTransaction.decode(signed.encoded());
    out.println("EIP-1559 transaction, nonce " + (reading % 1000) + ", " + signed.encoded().length + " bytes");
    out.println("  hash       " + back.hashHex());
    check("decoded sender " + back.from(),
        back.from().equals(Address.fromPublicKey(Secp256k1PublicKey.fromBytes(signer.publicKey()))) && back.transaction().equals(tx));
  }

  /** A Solana transfer with a memo, against a blockhash the gateway was handed. */
  private void solanaTransfer(Keypair key, String deviceId, long reading) {
    Blockhash blockhash = Blockhash.of(Hashes.sha256(
        ("blockhash handed to " + deviceId).getBytes(StandardCharsets.UTF_8)));
    Pubkey to = Pubkey.createWithSeed(key.publicKey(), "sink", SystemProgram.PROGRAM_ID);
    Message message = Message.compileLegacy(key.publicKey(), List.of(
        SystemProgram.transfer(key.publicKey(), to, reading),
        MemoProgram.memo("reading " + reading + " from " + deviceId, List.of(key.publicKey()))), blockhash);
    dev.cairn.svm.tx.Transaction tx = dev.cairn.svm.tx.Transaction.unsigned(message).sign(key);
    dev.cairn.svm.tx.Transaction back = dev.cairn.svm.tx.Transaction.deserialize(tx.serialize());
    out.println("Solana transfer with memo from " + key.publicKey());
    out.println("  signature  " + back.id());
    check("wire decodes equal and verifies", back.equals(tx) && back.verifySignatures());
  }

  /** A Cosmos bank send, SIGN_MODE_DIRECT, account number and sequence given to the gateway. */
  private void cosmosSend(SoftwareSigner signer) {
    CosmosPublicKey pub = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, signer.publicKey());
    String from = pub.address("cosmos").toString();
    CosmosTransaction tx = CosmosTransaction.builder(COSMOS_CHAIN_ID)
        .message(MsgSend.of(from, from, List.of(Coin.of("uatom", 1))))
        .fee(List.of(Coin.of("uatom", 5000)), 200_000)
        .signer(TxSigner.of(pub, "cosmos", 42, 7, SignMode.DIRECT)).build();
    SignedCosmosTransaction signed = tx.sign(List.of(signer));
    TxRaw back = TxRaw.decode(signed.encoded());
    out.println("Cosmos MsgSend from " + from + " (account 42, sequence 7)");
    out.println("  tx hash    " + signed.id());
    check("TxRaw decodes and the signature verifies",
        back.hash().equals(signed.id()) && back.signatures().size() == 1
            && pub.verify(tx.signBytes(0), back.signatures().get(0)));
  }

  private void check(String what, boolean ok) {
    out.println("  check      " + what + (ok ? ": ok" : ": FAILED"));
    if (!ok) {
      failures++;
    }
  }
}
