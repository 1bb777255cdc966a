package dev.cairn.apicheck.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.Inspectors;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.spi.TransactionInspector;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.signer.Signer;
import dev.cairn.evm.fill.TxFiller;
import dev.cairn.testing.conformance.ChainAdapterConformance;
import dev.cairn.testing.conformance.SignerConformance;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleProcess;
import dev.cairn.testing.oracle.OracleScript;
import dev.cairn.testing.server.ScriptedHttpServer;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import dev.cairn.transport.ws.WsGap;
import dev.cairn.transport.ws.WsRpcClient;
import dev.cairn.transport.ws.WsSubscription;
import dev.cairn.transport.ws.WsSubscriptionListener;
import dev.cairn.transport.ws.WsSubscriptionSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.Function;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.codegen.AbiCodegen;
import dev.cairn.abi.codegen.GeneratedSource;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.abi.registry.ContractRegistry;
import dev.cairn.abi.type.IntType;
import dev.cairn.core.CairnException;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ChainRegistry;
import dev.cairn.core.chain.VmDispatcher;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.spi.Secp256k1Backend;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.contract.Erc20Token;
import dev.cairn.evm.contract.erc.Erc20;
import dev.cairn.evm.nonce.NonceManager;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.ws.EvmWsClient;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.trie.MerklePatriciaTrie;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.nativeimpl.secp256k1.LibSecp256k1Backend;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The usage examples of every API package's package-info.java, compiled against the real
 * modules. PackageSnippetsTest checks that each package-info example equals the region named after
 * its package. Variables an example uses without declaring come from the method's parameters.
 */
@SuppressWarnings({"unused", "UnusedVariable"})
final class PackageSnippets {
  private PackageSnippets() {}

  static void core(Runnable operation) {
    // region:dev.cairn.core
    try {
      operation.run();
    } catch (CairnException e) { // every Cairn failure: DecodingException, CryptoException, ...
      System.err.println(e.getMessage()); // names the field or offset, never a secret
    }
    // endregion
  }

  static void chain(dev.cairn.core.chain.ChainAdapter evmAdapter) {
    // region:dev.cairn.core.chain
    ChainId chain = ChainId.parse("eip155:1");                  // CAIP-2
    AccountId account = AccountId.of(chain, "0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb");
    ChainRegistry registry = ChainRegistry.create().register(evmAdapter);
    VmDispatcher dispatcher = VmDispatcher.over(registry);       // routes by chain id to the adapter
    // endregion
  }

  static void crypto(byte[] message) {
    // region:dev.cairn.core.crypto
    Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(new SecureRandom());
    byte[] digest = Keccak256.hash(message);
    EcdsaSignature sig = key.sign(digest);                        // RFC 6979, low s, recovery id
    boolean ok = key.publicKey().verifyStrict(digest, sig);
    String backend = Secp256k1.backendName();                     // "libsecp256k1" or "java"
    // endregion
  }

  static void spi(byte[] digest, byte[] privateKey) {
    // region:dev.cairn.core.crypto.spi
    Secp256k1Backend java = Secp256k1.backend("java");            // any backend, by name
    byte[] rsv = java.signRecoverable(digest, privateKey);        // r || s || recovery id
    Secp256k1Backend inUse = Secp256k1.backend();                 // the one the key types use
    // endregion
  }

  static void encoding(String base58) {
    // region:dev.cairn.core.encoding
    byte[] raw = Hex.decode("0xdeadbeef");                        // strict: DecodingException names the offset
    String hex = Hex.encode(raw);                                 // "deadbeef"
    byte[] decoded = Base58.decode(base58);
    // endregion
  }

  static void hash(byte[] data) {
    // region:dev.cairn.core.hash
    byte[] keccak = Keccak256.hash(data);
    byte[] sha = Hashes.sha256(data);
    byte[] bitcoinId = Hashes.hash160(data);                      // RIPEMD-160(SHA-256(data))
    // endregion
  }

  static void hd() {
    // region:dev.cairn.core.hd
    Mnemonic mnemonic = Mnemonic.generate(12, new SecureRandom());
    Bip32Key account = Bip32Key.fromSeed(mnemonic.toSeed("")).derive(DerivationPath.EVM);
    String xpub = account.neuter().serialize();
    mnemonic.destroy();
    // endregion
  }

  static void signer(Secp256k1PrivateKey key, byte[] digest) {
    // region:dev.cairn.core.signer
    try (SoftwareSigner signer = Signers.software(key)) {
      Signature sig = signer.sign(SignRequest.digest(digest));     // devices: signer.signAsync(...)
    }
    // endregion
  }

  static void nativeBackend() {
    // region:dev.cairn.nativeimpl.secp256k1
    // on the class path, libsecp256k1 is chosen automatically when the system has it
    boolean fast = Secp256k1.backendName().equals(LibSecp256k1Backend.NAME);
    LibSecp256k1Backend lib = new LibSecp256k1Backend();
    String why = lib.isAvailable() ? lib.loadedLibrary() : lib.unavailableReason();
    // endregion
  }

  static void abi(byte[] returnData) {
    // region:dev.cairn.abi
    Function transfer = Function.parse("function transfer(address to, uint256 amount) returns (bool)");
    byte[] calldata = transfer.encodeCall(
        Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"), BigInteger.TEN.pow(18));
    Tuple result = transfer.decodeReturn(returnData);             // strict: DecodingException with the offset
    // endregion
  }

  static void eip712(String typedDataJson) {
    // region:dev.cairn.abi.eip712
    TypedData typed = TypedData.parseJson(typedDataJson);         // eth_signTypedData_v4 JSON
    byte[] digest = typed.digest();                               // what the signer signs
    // endregion
  }

  static void registry(ContractAbi tokenAbi, byte[] calldata) {
    // region:dev.cairn.abi.registry
    ContractRegistry registry = new ContractRegistry();
    Address token = Address.parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    registry.put(ChainId.parse("eip155:1"), token, tokenAbi);
    var call = registry.decodeCall(ChainId.parse("eip155:1"), token, calldata); // Optional<DecodedCall>
    // endregion
  }

  static void type() {
    // region:dev.cairn.abi.type
    IntType<?> uint256 = IntType.of(256, false);
    dev.cairn.abi.AbiType<?> parsed = dev.cairn.abi.AbiTypes.parse("(address,uint256[])");
    // endregion
  }

  static void codegen(String abiJson, Path outputDir) throws java.io.IOException {
    // region:dev.cairn.abi.codegen
    GeneratedSource source = AbiCodegen.forPackage("com.example.contracts")
        .generate("Token", abiJson, null);                         // class name, ABI JSON, bytecode
    source.writeTo(outputDir);                                     // com/example/contracts/Token.java
    // endregion
  }

  static void evm() throws Exception {
    // region:dev.cairn.evm
    try (EvmChainAdapter evm = EvmChainAdapter.connect("http://127.0.0.1:8545")) {
      AccountId account = evm.accountOf(Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
      long nonce = evm.nextNonce(account).get();
    }
    // endregion
  }

  static void contract(EvmChainAdapter evm, Address owner) throws Exception {
    // region:dev.cairn.evm.contract
    Erc20Token usdc = Erc20Token.at(evm, Address.parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"));
    BigInteger balance = usdc.balanceOf(owner).get();
    // endregion
  }

  static void erc(Address to) {
    // region:dev.cairn.evm.contract.erc
    byte[] calldata = Erc20.encodeTransfer(to, BigInteger.TEN.pow(6)); // generated by abi:generate
    Address decodedOwner = Erc20.decodeBalanceOfCall(Erc20.encodeBalanceOf(to));
    // endregion
  }

  static void nonce(dev.cairn.evm.nonce.NonceSource source) throws Exception {
    // region:dev.cairn.evm.nonce
    NonceManager nonces = NonceManager.create(source);              // e.g. the chain adapter's RPC
    NonceManager.Lease lease = nonces.reserve("0x9858EfFD232B4033E47d90003D41EC34EcaEda94").get();
    // sign and send with lease.nonce(), then lease.commit() (or lease.release() if it never left)
    // endregion
  }

  static void rpc(byte[] signedTx) throws Exception {
    // region:dev.cairn.evm.rpc
    try (EvmRpcClient rpc = EvmRpcClient.create("http://127.0.0.1:8545")) {
      long chainId = rpc.chainId().send();
      Hash32 hash = rpc.sendRawTransaction(signedTx).send();
      rpc.getTransactionReceipt(hash).sendAsync().thenAccept(r -> System.out.println(r));
    }
    // endregion
  }

  static void ws() throws Exception {
    // region:dev.cairn.evm.rpc.ws
    try (EvmWsClient ws = EvmWsClient.connect("ws://127.0.0.1:8545")) {
      // subscriptions resubscribe after a reconnect and report the gap (see Gap, LogBackfill)
    }
    // endregion
  }

  static void sign(byte[] message, dev.cairn.core.signer.Signer signer) {
    // region:dev.cairn.evm.sign
    EvmSignature sig = EvmSigning.signPersonalMessage(message, signer);   // EIP-191
    Address from = EvmSigning.recoverPersonalMessage(message, sig);
    // endregion
  }

  static void trie(byte[] key, byte[] value) {
    // region:dev.cairn.evm.trie
    MerklePatriciaTrie trie = MerklePatriciaTrie.builder().put(key, value).build();
    byte[] root = trie.rootHash();                                 // e.g. a block's transactionsRoot
    // endregion
  }

  static void tx(dev.cairn.core.signer.Signer signer) {
    // region:dev.cairn.evm.tx
    Transaction tx = Transaction.eip1559().chainId(1).nonce(0).gasLimit(21_000)
        .maxFeePerGas(BigInteger.valueOf(30_000_000_000L)).maxPriorityFeePerGas(BigInteger.ONE)
        .to(Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")).value(BigInteger.TEN.pow(16)).build();
    SignedTransaction signed = tx.sign(signer);
    SignedTransaction parsed = SignedTransaction.decode(signed.encoded()); // parsed.from(), parsed.hash()
    // endregion
  }

  static void chainSpi(SignRequest request) {
    // region:dev.cairn.core.chain.spi
    // in a chain module (as a public top-level class), listed in
    // META-INF/services/dev.cairn.core.chain.spi.TransactionInspector
    final class MyInspector implements TransactionInspector {
      public String name() { return "mychain"; }
      public boolean supports(SignRequest.Kind kind) { return kind == SignRequest.Kind.SOLANA_MESSAGE; }
      public TransactionSummary inspect(SignRequest request) {
        AccountId signer = request.account().orElseThrow();   // SOLANA_MESSAGE requests name it
        return TransactionSummary.builder(request.kind(), signer.chainId()).signer(signer).build();
      }
    }
    // anywhere:
    TransactionSummary s = Inspectors.inspect(request);
    // endregion
  }

  static void json() {
    // region:dev.cairn.core.json
    JsonObject abiEntry = Json.parse("{\"type\":\"function\",\"name\":\"transfer\"}").asObject("abi[0]");
    String name = abiEntry.get("name").asString("abi[0].name");          // "transfer"

    JsonObject doc = JsonObject.builder().put("b", 1).put("a", "x").build();
    Json.write(doc);          // {"b":1,"a":"x"}
    Json.writeCanonical(doc); // {"a":"x","b":1}

    Json.parse("[01]");       // DecodingException: json/0 at offset 1: number with a leading zero
    // endregion
  }

  static void transport() {
    // region:dev.cairn.transport
    try (JsonRpcClient rpc = JsonRpcClient.builder("https://rpc.example")
        .retryPolicy(RetryPolicy.DEFAULT).timeout(Duration.ofSeconds(10)).build()) {
      String head = rpc.rawCall("getHealth", null, true).send();
    } catch (TransportException e) {
      if (e.kind() == TransportException.Kind.RATE_LIMITED) {
        System.err.println("retry after " + e.retryAfter().orElse(Duration.ZERO));
      }
    }
    // endregion
  }

  static void transportWs() {
    // region:dev.cairn.transport.ws
    WsRpcClient ws = WsRpcClient.builder("ws://127.0.0.1:8546").retryPolicy(RetryPolicy.DEFAULT).build();
    WsSubscription heads = ws.subscribe(
        WsSubscriptionSpec.of("newHeads", "eth_subscribe", g -> g.writeString("newHeads"),
            "eth_unsubscribe", JsonValues::rawJson),
        new WsSubscriptionListener<String>() {
          public void onEvent(String head) { System.out.println(head); }
          public void onResubscribed(WsGap gap) { System.out.println("backfill from " + gap.disconnectedAt()); }
        });
    // endregion
  }

  static void fill(Address sender, Address recipient, BigInteger wei, Signer signer) throws Exception {
    // region:dev.cairn.evm.fill
    EvmRpcClient rpc = EvmRpcClient.create("http://127.0.0.1:8545");
    TxFiller filler = TxFiller.builder(rpc).chainId(1).build();
    Transaction tx = filler.fill(sender, Transaction.builder().to(recipient).value(wei))
        .get()          // nonce, gas (estimate + 20%), EIP-1559 or legacy fees filled
        .build();
    SignedTransaction signed = tx.sign(signer);
    // endregion
  }

  static void inspect(UnsignedTransaction unsigned, AccountId sender) {
    // region:dev.cairn.evm.inspect
    SignRequest request = unsigned.signRequest(sender);
    TransactionSummary summary = Inspectors.inspect(request);   // uses EvmInspector
    for (TransactionSummary.Action a : summary.actions()) {
      if (a.type() == TransactionSummary.Action.Type.TOKEN_APPROVAL) {
        System.out.println("approves spender " + a.to());
      }
    }
    summary.feeLimit();   // gasLimit x maxFeePerGas
    // endregion
  }

  static void conformance(ChainAdapter shared, String url, Signer devSigner, AccountId bob) {
    // region:dev.cairn.testing.conformance
    class MySignerConformanceTest extends SignerConformance {
      protected Signer createSigner() { return Signers.software(Secp256k1PrivateKey.generate(new SecureRandom())); }
    }

    class MyChainConformanceIT extends ChainAdapterConformance {
      protected ChainAdapter adapter() { return shared; }
      protected ChainAdapter newAdapter() { return EvmChainAdapter.connect(url); }
      protected Signer fundedSigner() { return devSigner; }
      protected AccountId recipient() { return bob; }
      protected Amount transferAmount() { return Amount.of(1000, Denomination.ETH); }
      protected String unknownTransactionId() { return "0x" + "11".repeat(32); }
      protected byte[] stateKey() { return new byte[32]; }
    }
    // endregion
  }

  static void node() {
    // region:dev.cairn.testing.node
    @ExtendWith(AnvilExtension.class)
    class TransferIT {
      @Test
      void minesOnDemand(Anvil anvil) {
        long before = anvil.blockNumber();
        anvil.mine(3);
        assertEquals(before + 3, anvil.blockNumber());
        // point the client under test at anvil.url(); sign with Anvil.devKey(0)
      }
    }

    // without JUnit, e.g. in a benchmark driver
    try (Anvil anvil = Anvil.builder().args("--block-time", "1").start()) {
      System.out.println(anvil.url() + " " + anvil.chainId());
    }
    // endregion
  }

  static void oracle() {
    // region:dev.cairn.testing.oracle
    class ViemAgreesIT {
      static final LazyOracle VIEM = OracleScript.project("tx.mjs")   // tools/oracle/tx.mjs of the checkout
          .requirePackages("viem")
          .timeout(Duration.ofSeconds(30))
          .lazy();

      @AfterAll
      static void stop() { VIEM.close(); }

      @Test
      void personalSign() {
        List<String> answers = VIEM.get().callAll(List.of(
            "{\"op\":\"personal\",\"privateKey\":\"0x4c08...\",\"message\":\"0x68656c6c6f\"}"));
        // parse answers.get(0) and compare with the SDK's signature
      }
    }

    // a script of your own
    try (OracleProcess mine = OracleScript.of(Path.of("src/test/js/oracle.mjs")).requirePackages("ethers").start()) {
      String answer = mine.call("{\"op\":\"hash\",\"data\":\"0x\"}");
    }
    // endregion
  }

  static void server() throws java.io.IOException {
    // region:dev.cairn.testing.server
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      while (c.readRequest() != null) {
        c.write(ScriptedHttpServer.response(429, "Too Many Requests", "Retry-After: 1\r\n", new byte[0]));
      }
    })) {
      // point a client at s.url("/") and check it waits a second before retrying
    }
    // endregion
  }
}
