package dev.cairn.cli.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.cli.Cli;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.ScriptedUser;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.cosmos.CosmosApp;
import dev.cairn.hsm.ledger.cosmos.CosmosLedgerSigner;
import dev.cairn.hsm.ledger.eth.EthApp;
import dev.cairn.hsm.ledger.eth.EthLedgerSigner;
import dev.cairn.hsm.ledger.solana.SolanaApp;
import dev.cairn.hsm.ledger.solana.SolanaLedgerSigner;
import dev.cairn.hsm.pkcs11.Pkcs11Config;
import dev.cairn.hsm.policy.Policy;
import dev.cairn.hsm.policy.PolicySigner;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.testing.server.ScriptedHttpServer;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.RestClient;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.ws.WsRpcClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key safety (issue 13): plants known secrets (private keys, seeds, a mnemonic and passphrase, a
 * PIN, RPC URLs with {@code user:pass@}, an API key in the path and in {@code ?api-key=}) and fails
 * if any of them, in any encoding ({@link Planted#needles()}), shows up in
 *
 * <ul>
 *   <li>{@code toString()} of every public type that can hold one (keys, mnemonics, HD nodes,
 *       every signer kind, RPC clients and their transports, the PKCS#11 configuration);
 *   <li>exception messages, stack traces and causes of error paths driven with the secrets around
 *       (bad lengths and checksums, destroyed keys, rejected Ledger requests, RPC failures at
 *       credential URLs: refused connections, HTTP 401/500 with an HTML page that echoes the URL);
 *   <li>log records ({@code java.util.logging} at every level, hence also {@code System.Logger})
 *       and anything written to {@code System.out}/{@code System.err} meanwhile;
 *   <li>the CLI's output in error paths: {@code wallet batch} requests that carry a key next to a
 *       malformed field, malformed JSON lines carrying a key, human commands with the secrets in
 *       their environment variables.
 * </ul>
 *
 * (The PKCS#11 PIN through a real SoftHSM2 login is covered in sdk-hsm by {@code
 * Pkcs11SignerTest.thePinNeverAppearsInToStringsOrMessages}, which needs that module's per-JVM
 * {@code SOFTHSM2_CONF}; here the PIN reaches the CLI's PKCS#11 error path.)
 */
class SecretLeakTest {
  private final List<String> logs = new CopyOnWriteArrayList<>();
  private final List<String[]> texts = new ArrayList<>();
  private Handler handler;
  private Level rootLevel;
  private PrintStream oldOut;
  private PrintStream oldErr;
  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  @BeforeEach
  void capture() {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    Logger.getLogger("dev.cairn").setLevel(Level.ALL);
    SimpleFormatter f = new SimpleFormatter();
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logs.add(f.format(r) + " params=" + (r.getParameters() == null ? "" : List.of(r.getParameters())));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    oldOut = System.out;
    oldErr = System.err;
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new Tee(oldOut, out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(oldErr, err), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void scan() {
    Logger root = Logger.getLogger("");
    root.removeHandler(handler);
    root.setLevel(rootLevel);
    Logger.getLogger("dev.cairn").setLevel(null);
    System.setOut(oldOut);
    System.setErr(oldErr);
    List<String[]> all = new ArrayList<>(texts);
    all.add(new String[] {"log records", String.join("\n", logs)});
    all.add(new String[] {"System.out", out.toString(StandardCharsets.UTF_8)});
    all.add(new String[] {"System.err", err.toString(StandardCharsets.UTF_8)});
    StringBuilder leaks = new StringBuilder();
    for (String[] t : all) {
      List<String> hits = Planted.find(t[1]);
      if (!hits.isEmpty()) {
        leaks.append("\n").append(t[0]).append(" leaks ").append(hits).append(" in:\n").append(t[1]);
      }
    }
    if (leaks.length() > 0) {
      fail("planted secrets found:" + leaks);
    }
  }

  private void text(String where, Object o) {
    texts.add(new String[] {where, String.valueOf(o)});
  }

  /** Runs {@code r}, which must fail, and records the failure's whole description. */
  private Throwable failure(String where, ThrowingRunnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      text(where, Planted.describe(t));
      return t;
    }
    fail(where + ": expected a failure");
    return null;
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  // ---------------------------------------------------------------- the scanner itself can fail

  @Test
  void theScannerFindsEveryEncodingOfAPlantedSecret() {
    byte[] k = Planted.SECP_KEY;
    String[] leaks = {
      "key=" + Hex.encode(k),
      "0x" + Hex.encode(k).toUpperCase(java.util.Locale.ROOT),
      Base58.encode(k),
      java.util.Base64.getEncoder().encodeToString(k),
      java.util.Base64.getUrlEncoder().encodeToString(k),
      new java.math.BigInteger(1, k).toString(),
      "partial " + Hex.encode(k).substring(30, 52),
      "url http://" + Planted.RPC_USER + ":" + Planted.RPC_PASSWORD + "@host/",
      "mnemonic starts " + String.join(" ", java.util.Arrays.copyOf(Planted.MNEMONIC.split(" "), 3)),
      "pin " + Planted.PIN,
      Base58.encode(Planted.ED_SEED)
    };
    for (String l : leaks) {
      assertFalse(Planted.find(l).isEmpty(), "not found: " + l);
    }
    assertTrue(Planted.find("nothing secret here 0x1234 " + Hex.encode(new byte[32])).isEmpty());
  }

  // ---------------------------------------------------------------- toString of secret holders

  @Test
  void toStringOfEveryTypeHoldingASecret() throws Exception {
    Secp256k1PrivateKey sk = Secp256k1PrivateKey.of(Planted.SECP_KEY);
    Ed25519PrivateKey ek = Ed25519PrivateKey.fromSeed(Planted.ED_SEED);
    Mnemonic m = Mnemonic.parse(Planted.MNEMONIC);
    byte[] seed = m.toSeed(Planted.PASSPHRASE);
    Bip32Key root = Bip32Key.fromSeed(seed);
    Bip32Key child = root.derive(DerivationPath.parse("m/44'/60'/0'/0/0"));
    Slip10.Ed25519Key ed = Slip10.ed25519(seed).derive(DerivationPath.parse("m/44'/501'/0'/0'"));
    SoftwareSigner ss = Signers.software(Secp256k1PrivateKey.of(Planted.SECP_KEY));
    SoftwareSigner es = Signers.software(Ed25519PrivateKey.fromSeed(Planted.ED_SEED));
    Keypair kp = Keypair.fromSeed(Planted.ED_SEED);
    PolicySigner ps = PolicySigner.wrap(Signers.software(Secp256k1PrivateKey.of(Planted.SECP_KEY)), Policy.allowAll());
    Object[] holders = {sk, ek, m, root, child, root.neuter(), ed, ss, es, ss.descriptor(), es.descriptor(), kp,
        kp.privateKey(), ps, ps.descriptor(), ek.publicKey(), sk.publicKey(), Policy.allowAll()};
    for (Object o : holders) {
      text("toString of " + o.getClass().getName(), o);
    }
    try (LedgerEmulator emu = emulator()) {
      List<Signer> ledgers = new ArrayList<>();
      emu.openApp(EthereumEmulatorApp.create().name());
      ledgers.add(EthLedgerSigner.open(EthApp.on(emu.transport()), "m/44'/60'/0'/0/0"));
      emu.openApp(SolanaEmulatorApp.create().name());
      ledgers.add(SolanaLedgerSigner.open(SolanaApp.over(emu.transport()), DerivationPath.parse("m/44'/501'/0'/0'")));
      emu.openApp(CosmosEmulatorApp.create().name());
      ledgers.add(CosmosLedgerSigner.open(CosmosApp.over(emu.transport()), DerivationPath.parse("m/44'/118'/0'/0/0"), "cosmos"));
      text("LedgerEmulator", emu);
      text("LedgerEmulator transport", emu.transport());
      for (Signer s : ledgers) {
        text("toString of " + s.getClass().getName(), s);
        text("descriptor of " + s.getClass().getName(), s.descriptor());
        text("policy over " + s.getClass().getName(), PolicySigner.wrap(s, Policy.allowAll()));
      }
    }
    text("Pkcs11Config", Pkcs11Config.of("/usr/lib/softhsm/libsofthsm2.so", "token-" + Planted.RPC_USER.length()));
    // and after destruction
    for (javax.security.auth.Destroyable d : new javax.security.auth.Destroyable[] {sk, ek, m, root, child, ed, ss, es, kp, ps}) {
      d.destroy();
      text("destroyed " + d.getClass().getName(), d);
    }
    java.util.Arrays.fill(seed, (byte) 0);
  }

  private static LedgerEmulator emulator() {
    return LedgerEmulator.builder()
        .mnemonic(Planted.MNEMONIC)
        .passphrase(Planted.PASSPHRASE)
        .app(EthereumEmulatorApp.create())
        .app(SolanaEmulatorApp.create())
        .app(CosmosEmulatorApp.create())
        .build();
  }

  /** Every URL form with credentials: user:pass@, a key in the path, ?api-key= and &token=. */
  static String secretUrl(String scheme, int port) {
    return scheme + "://" + Planted.RPC_USER + ":" + Planted.RPC_PASSWORD + "@127.0.0.1:" + port + "/v3/"
        + Planted.PATH_KEY + "?api-key=" + Planted.API_KEY + "&token=" + Planted.API_KEY;
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void rpcClientsAndTheirFailuresRedactCredentialUrls() throws Exception {
    int port = closedPort();
    String url = secretUrl("http", port);
    List<Object> clients = new ArrayList<>();
    JsonRpcClient pipelined = JsonRpcClient.builder(url).retryPolicy(RetryPolicy.NONE).build();
    JsonRpcClient okhttp = JsonRpcClient.builder(url).okHttp().retryPolicy(RetryPolicy.NONE).build();
    RestClient rest = RestClient.builder(url).retryPolicy(RetryPolicy.NONE).build();
    RestClient restOk = RestClient.builder(url).okHttp().retryPolicy(RetryPolicy.NONE).build();
    EvmRpcClient evm = EvmRpcClient.create(url);
    SvmRpcClient svm = SvmRpcClient.create(url);
    CosmosRestClient cosmos = CosmosRestClient.create(url, ChainId.parse("cosmos:cosmoshub-4"));
    CometRpcClient comet = CometRpcClient.create(url, ChainId.parse("cosmos:cosmoshub-4"));
    clients.addAll(List.of(pipelined, okhttp, rest, restOk, evm, svm, cosmos, comet));
    for (Object c : clients) {
      text("toString of " + c.getClass().getName(), c);
    }
    failure("pipelined refused", () -> pipelined.rawCall("eth_chainId", "[]", true).send());
    failure("okhttp refused", () -> okhttp.rawCall("eth_chainId", "[]", true).send());
    failure("rest refused", () -> rest.get("/status", dev.cairn.transport.JsonValues::rawJson).send());
    failure("rest okhttp refused", () -> restOk.get("/status", dev.cairn.transport.JsonValues::rawJson).send());
    failure("evm refused", () -> evm.chainId().send());
    failure("svm refused", () -> svm.getSlot().send());
    failure("comet refused", () -> comet.status());
    failure("cosmos rest refused", () -> cosmos.balances("cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu"));
    for (Object c : clients) {
      if (c instanceof AutoCloseable a) {
        a.close();
      }
    }
  }

  @Test
  void httpErrorsThatEchoTheUrlAreNotPassedOn() throws Exception {
    // a provider that rejects the key and echoes the request line and headers in its HTML page
    try (ScriptedHttpServer server = new ScriptedHttpServer(c -> {
      while (true) {
        byte[] req = c.readRequest();
        if (req == null) {
          return;
        }
        String echo = "<html><body><h1>401 Unauthorized</h1><pre>" + c.lastHead() + new String(req, StandardCharsets.ISO_8859_1)
            + "</pre></body></html>";
        int status = c.index % 2 == 0 ? 401 : 500;
        c.write(ScriptedHttpServer.response(status, status == 401 ? "Unauthorized" : "Internal Server Error",
            "Content-Type: text/html\r\n", echo.getBytes(StandardCharsets.ISO_8859_1)));
      }
    })) {
      String url = secretUrl("http", server.port());
      for (JsonRpcClient.Builder b : List.of(JsonRpcClient.builder(url), JsonRpcClient.builder(url).okHttp())) {
        JsonRpcClient client = b.retryPolicy(RetryPolicy.NONE).build();
        failure("JSON-RPC HTTP error " + client, () -> client.rawCall("eth_chainId", "[]", true).send());
        failure("JSON-RPC HTTP error again " + client, () -> client.rawCall("eth_chainId", "[]", true).send());
        client.close();
      }
      RestClient rest = RestClient.builder(url).retryPolicy(RetryPolicy.NONE).build();
      failure("REST HTTP error", () -> rest.get("/cosmos/base/tendermint/v1beta1/node_info?key=" + Planted.API_KEY,
          dev.cairn.transport.JsonValues::rawJson).send());
      rest.close();
    }
  }

  @Test
  void webSocketFailuresRedactCredentialUrls() throws Exception {
    int port = closedPort();
    WsRpcClient.Builder b = WsRpcClient.builder(secretUrl("ws", port)).retryPolicy(RetryPolicy.NONE);
    text("ws builder", b);
    Throwable t = null;
    WsRpcClient ws = null;
    try {
      ws = b.build();
      text("ws client", ws);
      WsRpcClient w = ws;
      t = failure("ws call", () -> w.call("eth_chainId", g -> { g.writeStartArray(); g.writeEndArray(); }, dev.cairn.transport.JsonValues::rawJson).get(5, java.util.concurrent.TimeUnit.SECONDS));
    } catch (RuntimeException e) {
      text("ws build", Planted.describe(e));
    } finally {
      if (ws != null) {
        ws.close();
      }
    }
  }

  // ---------------------------------------------------------------- error paths around secrets

  @Test
  void errorPathsWithSecretsAround() {
    byte[] k = Planted.SECP_KEY;
    byte[] longer = java.util.Arrays.copyOf(k, 33);
    failure("secp256k1 key of 33 bytes", () -> Secp256k1PrivateKey.of(longer));
    failure("secp256k1 key of 31 bytes", () -> Secp256k1PrivateKey.of(java.util.Arrays.copyOf(k, 31)));
    failure("ed25519 seed of 31 bytes", () -> Ed25519PrivateKey.fromSeed(java.util.Arrays.copyOf(Planted.ED_SEED, 31)));
    String[] w = Planted.MNEMONIC.split(" ");
    String swapped = String.join(" ", java.util.Arrays.copyOf(w, 11)) + " " + w[0];
    failure("mnemonic with a bad checksum", () -> Mnemonic.parse(swapped));
    failure("mnemonic with a typo", () -> Mnemonic.parse(Planted.MNEMONIC.replace("pyramid", "pyramd")));
    failure("mnemonic of 11 words", () -> Mnemonic.parse(String.join(" ", java.util.Arrays.copyOf(w, 11))));
    Mnemonic m = Mnemonic.parse(Planted.MNEMONIC);
    byte[] seed = m.toSeed("");
    Bip32Key root = Bip32Key.fromSeed(seed);
    String xprv = root.serialize();
    char last = xprv.charAt(xprv.length() - 1);
    String badXprv = xprv.substring(0, xprv.length() - 1) + (last == 'A' ? 'B' : 'A');
    failure("xprv with a bad checksum", () -> Bip32Key.parse(badXprv));
    failure("xprv truncated", () -> Bip32Key.parse(xprv.substring(0, 100)));
    failure("derive on a bad path", () -> root.derive(DerivationPath.parse("m/44'/60'/x")));
    byte[] wrongPub = new byte[64];
    System.arraycopy(Planted.ED_SEED, 0, wrongPub, 0, 32);
    wrongPub[40] = 1;
    failure("solana secret key with the wrong public half", () -> Keypair.fromSecretKey(wrongPub));
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 64; i++) {
      json.append(i == 0 ? "" : ",").append(i == 63 ? 999 : (wrongPub[i] & 0xff));
    }
    failure("solana keypair JSON out of range", () -> Keypair.fromJson(json.append(']')));
    // destroyed keys and signers
    Secp256k1PrivateKey sk = Secp256k1PrivateKey.of(k);
    SoftwareSigner ss = Signers.software(Secp256k1PrivateKey.of(k));
    sk.destroy();
    ss.destroy();
    root.destroy();
    m.destroy();
    failure("sign with a destroyed key", () -> sk.sign(new byte[32]));
    failure("sign with a destroyed signer", () -> ss.sign(SignRequest.digest(new byte[32])));
    failure("derive from a destroyed xprv", () -> root.deriveChild(0));
    failure("seed of a destroyed mnemonic", () -> m.toSeed(Planted.PASSPHRASE));
    failure("EVM digest signed with a destroyed key", () -> EvmSigning.signDigest(new byte[32], sk));
    java.util.Arrays.fill(seed, (byte) 0);
  }

  @Test
  void ledgerRejectionsAndPolicyDenialsWithAPlantedSeed() {
    try (LedgerEmulator emu = emulator()) {
      emu.openApp(EthereumEmulatorApp.create().name());
      EthLedgerSigner eth = EthLedgerSigner.open(EthApp.on(emu.transport()), "m/44'/60'/0'/0/0");
      emu.user().script(ScriptedUser.Decision.REJECT);
      String address = dev.cairn.abi.Address.fromPublicKey(
          dev.cairn.core.crypto.Secp256k1PublicKey.fromBytes(eth.publicKey())).toString();
      Throwable rejected = failure("ledger rejected", () -> eth.sign(SignRequest.of(SignRequest.Kind.EVM_PERSONAL_MESSAGE,
          AccountId.parse("eip155:1:" + address), Planted.utf8("hello"))));
      assertTrue(Planted.describe(rejected).toLowerCase(java.util.Locale.ROOT).contains("reject"), Planted.describe(rejected));
      PolicySigner denying = PolicySigner.wrap(Signers.software(Secp256k1PrivateKey.of(Planted.SECP_KEY)),
          Policy.builder().allowChains(ChainId.parse("eip155:5")).build());
      failure("policy denial", () -> denying.sign(SignRequest.of(SignRequest.Kind.EVM_PERSONAL_MESSAGE,
          AccountId.parse("eip155:1:0x9858effd232b4033e47d90003d41ec34ecaeda94"), Planted.utf8("hello"))));
      denying.destroy();
    }
  }

  // ---------------------------------------------------------------- the CLI in error paths

  @Test
  void walletBatchErrorsNeverEchoTheKeys() {
    String key = "0x" + Hex.encode(Planted.SECP_KEY);
    String seedHex = "0x" + Hex.encode(Planted.ED_SEED);
    Keypair kp = Keypair.fromSeed(Planted.ED_SEED);
    String solSecret = Base58.encode(kp.secretKey());
    kp.destroy();
    String[] w = Planted.MNEMONIC.split(" ");
    String badChecksum = String.join(" ", java.util.Arrays.copyOf(w, 11)) + " " + w[0];
    String[] lines = {
      "{\"id\":1,\"op\":\"evm.signTx\",\"privateKey\":\"" + key + "\",\"tx\":{\"chainId\":\"zz\"}}",
      "{\"id\":2,\"op\":\"evm.signTx\",\"privateKey\":\"" + key + "00\",\"tx\":{\"chainId\":1,\"nonce\":0,\"gas\":21000,\"gasPrice\":1}}",
      "{\"id\":3,\"op\":\"evm.signMessage\",\"privateKey\":\"" + key + "\",\"message\":\"not hex\"}",
      "{\"id\":4,\"op\":\"evm.signMessage\",\"privateKey\":\"" + key + "\", \"message\": }",
      "{\"id\":5,\"op\":\"evm.signMessage\",\"privateKey\":\"" + key.substring(0, 60) + "zz\",\"message\":\"0x00\"}",
      "{\"id\":6,\"op\":\"mnemonic.toSeed\",\"mnemonic\":\"" + badChecksum + "\"}",
      "{\"id\":7,\"op\":\"hd.address\",\"chain\":\"evm\",\"mnemonic\":\"" + Planted.MNEMONIC + "\",\"passphrase\":\""
          + Planted.PASSPHRASE + "\",\"path\":\"m/bad\"}",
      "{\"id\":8,\"op\":\"hd.privateKey\",\"chain\":\"nope\",\"mnemonic\":\"" + Planted.MNEMONIC + "\"}",
      "{\"id\":9,\"op\":\"svm.signTx\",\"signers\":[\"" + solSecret + "\"],\"message\":{\"version\":7}}",
      "{\"id\":10,\"op\":\"svm.signTx\",\"signers\":[\"" + seedHex + "ff\"],\"message\":{}}",
      "{\"id\":11,\"op\":\"cosmos.signTx\",\"privateKey\":\"" + key + "\",\"chainId\":\"c\",\"msgs\":[{\"typeUrl\":\"/x\"}]}",
      "{\"id\":12,\"op\":\"evm.signTypedData\",\"privateKey\":\"" + key + "\",\"typedData\":{\"types\":7}}",
      "{\"id\":13,\"op\":\"evm.signAuthorization\",\"privateKey\":\"" + key + "\",\"chainId\":-1}",
      "{\"id\":14,\"op\":\"no.such.op\",\"privateKey\":\"" + key + "\",\"mnemonic\":\"" + Planted.MNEMONIC + "\"}",
      "{\"id\":15,\"op\":\"evm.signMessage\",\"privateKey\":[\"" + key + "\"],\"message\":\"0x00\"}",
      "[\"" + key + "\", \"" + Planted.MNEMONIC + "\"]",
      "{\"id\":17,\"op\":\"evm.signMessage\",\"privateKey\":\"" + key + "\",\"message\":\"0x00\",\"privateKey\":\"" + key + "\"}",
      "\"" + key + "\""
    };
    Cli.Result r = Cli.run(String.join("\n", lines) + "\n", "batch");
    text("wallet batch stdout", r.out());
    text("wallet batch stderr", r.err());
    assertEquals(lines.length, r.lines().size(), "one answer per line: " + r.out());
    for (String line : r.lines()) {
      assertTrue(line.contains("\"error\""), "every request above is an error: " + line);
    }
  }

  @Test
  void humanCommandsWithSecretsInTheirEnvironment() throws IOException {
    String key = "0x" + Hex.encode(Planted.SECP_KEY);
    String url = secretUrl("http", closedPort());
    Map<String, String> env = new HashMap<>();
    env.put("WALLET_PRIVATE_KEY", key);
    env.put("WALLET_MNEMONIC", Planted.MNEMONIC.replace("pyramid", "pyramd"));
    env.put("WALLET_PASSPHRASE", Planted.PASSPHRASE);
    env.put("WALLET_PKCS11_PIN", Planted.PIN);
    env.put("WALLET_RPC_URL", url);
    env.put("WALLET_SVM_RPC_URL", url);
    env.put("WALLET_COSMOS_REST_URL", url);
    List<String[]> commands = List.of(
        new String[] {"evm", "chain-id", "--rpc-url", url, "--rpc-timeout", "2"},
        new String[] {"evm", "balance", "0x9858EfFD232B4033E47d90003D41EC34EcaEda94"},
        new String[] {"evm", "send", "--to", "0x9858EfFD232B4033E47d90003D41EC34EcaEda94", "--value", "1"},
        new String[] {"evm", "sign", "--typed-data", "/nonexistent/typed.json"},
        new String[] {"evm", "sign", "--signer", "pkcs11:/nonexistent/libpkcs11.so", "--pkcs11-token", "t",
            "--pkcs11-key", "k", "hello"},
        new String[] {"evm", "sign", "--signer", "pkcs11:/usr/lib/softhsm/libsofthsm2.so", "--pkcs11-token",
            "no-such-token", "--pkcs11-key", "k", "hello"},
        new String[] {"hd", "address", "--chain", "evm"},
        new String[] {"svm", "balance", "11111111111111111111111111111111"});
    for (String[] args : commands) {
      Cli.Result r = Cli.run(new byte[0], env, args);
      text("wallet " + String.join(" ", args) + " stdout", r.out());
      text("wallet " + String.join(" ", args) + " stderr", r.err());
      assertTrue(r.exitCode() != 0, "wallet " + String.join(" ", args) + " should fail: " + r.out() + r.err());
    }
  }

  /** Writes to two streams. */
  static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    Tee(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }

  @SuppressWarnings("unused")
  private static Supplier<char[]> pin() {
    return Planted.PIN::toCharArray;
  }

  @SuppressWarnings("unused")
  private static Duration timeout() {
    return Duration.ofSeconds(5);
  }
}
