package dev.cairn.apicheck.snippets;

import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedLog;
import dev.cairn.abi.DecodedRevert;
import dev.cairn.abi.Function;
import dev.cairn.abi.Reverts;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.encoding.Rlp;
import dev.cairn.core.encoding.RlpItem;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;

/**
 * The java code blocks of README.md, compiled against the real modules: ReadmeSnippetsTest checks
 * that every README block equals one region here. Variables a block uses without declaring them
 * (message, digest, abiJson, signer, ...) are the enclosing method's parameters.
 */
@SuppressWarnings({"unused", "UnusedVariable"})
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  static void hd() throws Exception {
    // region:readme.hd
    Mnemonic mnemonic = Mnemonic.generate(24, new SecureRandom());
    byte[] seed = mnemonic.toSeed("");                                   // passphrase
    Bip32Key evmKey = Bip32Key.fromSeed(seed).derive(DerivationPath.EVM); // m/44'/60'/0'/0/0
    Slip10.Ed25519Key solKey = Slip10.ed25519(seed).derive(DerivationPath.SOLANA);
    String solanaAddress = Base58.encode(solKey.publicKey().bytes());
    String xpub = evmKey.neuter().serialize();
    mnemonic.destroy();                                                   // zero what the JVM lets us zero
    // endregion
  }

  static void keys(byte[] message) throws Exception {
    // region:readme.keys
    Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(new SecureRandom());
    byte[] digest = Keccak256.hash(message);
    EcdsaSignature sig = key.sign(digest);                 // sig.toRecoverable(): r || s || recId
    Secp256k1PublicKey signer = Secp256k1PublicKey.recover(digest, sig);
    boolean ok = key.publicKey().verifyStrict(digest, sig);
    System.out.println(Secp256k1.backendName());           // "libsecp256k1" or "java"; see Secp256k1.backends()

    Ed25519PrivateKey ed = Ed25519PrivateKey.generate(new SecureRandom());
    byte[] edSig = ed.sign(message);
    boolean edOk = ed.publicKey().verify(message, edSig);
    // endregion
  }

  static void encoding(byte[] rawTx) throws Exception {
    // region:readme.encoding
    byte[] raw = Hex.decode("0xdeadbeef");
    Bech32.Decoded d = Bech32.decode("cosmos1...");      // hrp, 8-bit data, variant
    RlpItem tx = Rlp.decode(rawTx);                       // canonical-only
    byte[] enc = Rlp.encode(RlpItem.ofList(RlpItem.ofLong(1), RlpItem.of(raw)));
    // endregion
  }

  static void signer(Secp256k1PrivateKey key, byte[] digest, Consumer<Signature> onSigned) throws Exception {
    // region:readme.signer
    try (SoftwareSigner signer = Signers.software(key)) {
      Signature s = signer.sign(SignRequest.digest(digest));          // blocking
      signer.signAsync(SignRequest.digest(digest)).thenAccept(onSigned);   // devices complete later
    }
    // endregion
  }

  static void chain() throws Exception {
    // region:readme.chain
    ChainId mainnet = ChainId.parse("eip155:1");           // CAIP-2; ChainId.solana(...), ChainId.cosmos("cosmoshub-4")
    AccountId account = AccountId.parse("eip155:1:0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb");
    // failures from any VM arrive as ChainException(ChainError) with an ErrorKind
    // (REVERTED, OUT_OF_GAS, INSUFFICIENT_FUNDS, NONCE_MISMATCH, EXPIRED, ...) plus the VM-native detail
    // endregion
  }

  static void abi(byte[] data, String abiJson, List<byte[]> topics, byte[] logData, byte[] revertData, String typedDataJson) throws Exception {
    // region:readme.abi
    Function transfer = Function.parse("function transfer(address to, uint256 amount) returns (bool)");
    byte[] calldata = transfer.encodeCall(Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"),
        BigInteger.TEN.pow(18));
    Tuple ret = Function.parse("f() returns (uint256,address,bytes,string,(uint8,bool)[])").decodeReturn(data);
    ContractAbi abi = ContractAbi.parseJson(abiJson);                   // solc / Foundry / Hardhat output
    DecodedLog log = abi.decodeLog(topics, logData);                     // log.get("value")
    DecodedRevert why = Reverts.decode(revertData, abi);                 // Error(string), Panic(uint256), custom errors
    byte[] digest = TypedData.parseJson(typedDataJson).digest();         // EIP-712 (eth_signTypedData_v4)
    // endregion
  }

  static void evm(Signer signer, byte[] message) throws Exception {
    // region:readme.evm
    Transaction tx = Transaction.eip1559().chainId(1).nonce(0).gasLimit(21_000)
        .maxFeePerGas(BigInteger.valueOf(30_000_000_000L)).maxPriorityFeePerGas(BigInteger.valueOf(1_000_000_000L))
        .to(Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")).value(BigInteger.TEN.pow(16)).build();
    SignedTransaction signed = tx.sign(signer);                       // any Signer: software, Ledger, HSM
    SignedTransaction parsed = SignedTransaction.decode(signed.encoded()); // parsed.from(), parsed.hash()
    EvmSignature personal = EvmSigning.signPersonalMessage(message, signer);  // EIP-191

    try (EvmRpcClient rpc = EvmRpcClient.create("http://127.0.0.1:8545")) {
      long chainId = rpc.chainId().send();
      Hash32 hash = rpc.sendRawTransaction(tx.sign(signer, chainId).encoded()).send();  // refuses a chain-id mismatch
      rpc.getTransactionReceipt(hash).sendAsync().thenAccept(r -> System.out.println(r));
    }

    // the channel is chosen by endpoint: a node on the same host gets Cairn's pipelined HTTP/1.1
    // channel, a remote one OkHttp (docs/evm.md); a nonce-managed send on the calling thread
    try (EvmChainAdapter evm = EvmChainAdapter.connect("http://127.0.0.1:8545")) {
      Submission sent = evm.submitBlocking(Transaction.eip1559().gasLimit(21_000)
          .maxFeePerGas(BigInteger.valueOf(30_000_000_000L)).maxPriorityFeePerGas(BigInteger.valueOf(1_000_000_000L))
          .to("0x9858EfFD232B4033E47d90003D41EC34EcaEda94").value(1), signer);
    }
    // endregion
  }
}
