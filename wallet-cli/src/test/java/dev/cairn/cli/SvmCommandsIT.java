package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.adapter.SvmChainAdapter;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.testing.node.LiteSvm;
import dev.cairn.testing.node.LiteSvmExtension;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code wallet svm ...} and the demo's Solana part against LiteSVM. */
@ExtendWith(LiteSvmExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SvmCommandsIT {
  static final String ABANDON =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  private LiteSvm svm;
  private Keypair wallet; // m/44'/501'/0'/0' of ABANDON
  private String walletJson;

  @BeforeAll
  void start(LiteSvm node) {
    svm = node;
    Mnemonic m = Mnemonic.parse(ABANDON);
    wallet = SvmDemo.keypair(m, "m/44'/501'/0'/0'");
    m.destroy();
    walletJson = new String(wallet.toJson());
    svm.airdrop(wallet.publicKey().toBase58(), 5_000_000_000L);
  }

  private Map<String, String> env(String... more) {
    java.util.HashMap<String, String> e = new java.util.HashMap<>();
    e.put("WALLET_SVM_RPC_URL", svm.url());
    e.put("WALLET_RPC_URL", "http://127.0.0.1:1");
    for (int i = 0; i < more.length; i += 2) {
      e.put(more[i], more[i + 1]);
    }
    return e;
  }

  private static Cli.Result ok(Cli.Result r) {
    assertEquals(0, r.exitCode(), r.out() + r.err());
    return r;
  }

  private Cli.Result run(Map<String, String> env, String... args) {
    return Cli.run(new byte[0], env, args);
  }

  @Test
  void balanceAndAccount() {
    Pubkey fresh = Pubkey.of(Keypair.generate(new SecureRandom()).publicKey().bytes());
    svm.airdrop(fresh.toBase58(), 1_500_000_000L);
    assertEquals("1.5 SOL", ok(run(env(), "svm", "balance", fresh.toBase58())).out().strip());
    assertEquals("1500000000", ok(run(env(), "svm", "balance", "--lamports", fresh.toBase58())).out().strip());
    String acct = ok(run(env(), "svm", "account", "--rpc", svm.url(), fresh.toBase58())).out();
    assertTrue(acct.contains("owner        11111111111111111111111111111111"), acct);
    assertTrue(acct.contains("1500000000 lamports"), acct);
    assertEquals(ExitCodes.INVALID_INPUT, run(env(), "svm", "balance", "not-an-address").exitCode());
    assertEquals(ExitCodes.USAGE_OR_IO, run(env(), "svm", "balance", "--rpc", "http://127.0.0.1:1", fresh.toBase58()).exitCode());
  }

  @Test
  void transferFromTheMnemonicAndFromAKeypairFile(@TempDir Path dir) throws Exception {
    Pubkey to = Pubkey.of(Keypair.generate(new SecureRandom()).publicKey().bytes());
    Cli.Result r = ok(run(env("WALLET_MNEMONIC", ABANDON), "svm", "transfer", to.toBase58(), "0.25", "--memo", "rent"));
    assertTrue(r.out().contains("status       success"), r.out());
    assertEquals(250_000_000L, svm.balance(to.toBase58()));
    Path file = dir.resolve("id.json");
    Files.writeString(file, walletJson, StandardCharsets.UTF_8);
    ok(run(env(), "svm", "transfer", "--keypair", file.toString(), "--lamports", to.toBase58(), "1000000"));
    assertEquals(251_000_000L, svm.balance(to.toBase58()));
    // more than the balance: the node's preflight refuses it, named, exit 1
    Cli.Result poor = run(env("WALLET_MNEMONIC", ABANDON), "svm", "transfer", to.toBase58(), "900");
    assertEquals(ExitCodes.INVALID_INPUT, poor.exitCode(), poor.out() + poor.err());
    assertTrue(poor.err().contains("failed"), poor.err());
    assertEquals(ExitCodes.INVALID_INPUT, run(env(), "svm", "transfer", to.toBase58(), "0.1", "--keypair",
        dir.resolve("missing.json").toString()).exitCode());
  }

  @Test
  void transferSignedByTheEmulatedLedger() {
    // the emulator's test mnemonic is ABANDON: its Solana app key at m/44'/501'/0'/0' is the funded wallet
    Pubkey to = Pubkey.of(Keypair.generate(new SecureRandom()).publicKey().bytes());
    Cli.Result r = ok(run(env(), "svm", "transfer", to.toBase58(), "0.125", "--signer", "ledger", "--ledger-emulator"));
    assertTrue(r.out().contains("status       success"), r.out());
    assertEquals(125_000_000L, svm.balance(to.toBase58()));
    // another path: an unfunded key, refused by the node's preflight (exit 1), nothing moved
    Cli.Result poor = run(env(), "svm", "transfer", to.toBase58(), "0.125", "--signer", "ledger", "--ledger-emulator",
        "--ledger-path", "m/44'/501'/7'/0'");
    assertEquals(ExitCodes.INVALID_INPUT, poor.exitCode(), poor.out() + poor.err());
    assertEquals(125_000_000L, svm.balance(to.toBase58()));
  }

  @Test
  void tokenTransferCreatesTheRecipientsAccount() throws Exception {
    try (SvmChainAdapter a = SvmChainAdapter.builder(SvmRpcClient.create(svm.url())).pollInterval(Duration.ofMillis(100)).build();
        SoftwareSigner owner = Signers.software(Keypair.fromJson(walletJson).privateKey());
        SoftwareSigner mintKey = Signers.software(dev.cairn.core.crypto.Ed25519PrivateKey.generate(new SecureRandom()))) {
      Pubkey mint = Pubkey.of(mintKey.publicKey());
      TokenProgram t = TokenProgram.TOKEN_2022;
      Pubkey ownerAta = AssociatedTokenProgram.address(wallet.publicKey(), mint, t.programId());
      long rent = a.rpc().getMinimumBalanceForRentExemption(82).send();
      TxReceipt r = a.build(a.callRequest(wallet.publicKey(), List.of(
              SystemProgram.createAccount(wallet.publicKey(), mint, rent, 82, t.programId()),
              t.initializeMint2(mint, 2, wallet.publicKey(), null),
              AssociatedTokenProgram.create(wallet.publicKey(), ownerAta, wallet.publicKey(), mint, t.programId()),
              t.mintTo(mint, ownerAta, wallet.publicKey(), 10_000)))
              .withSigners(owner.descriptor(), List.of(mintKey.descriptor())))
          .thenCompose(u -> a.sign(u, List.of(owner, mintKey)))
          .thenCompose(s -> a.sendAndConfirm(s, Finality.confirmed(), Duration.ofSeconds(60))).join();
      assertTrue(r.isSuccess(), r.toString());
      Pubkey to = Pubkey.of(Keypair.generate(new SecureRandom()).publicKey().bytes());
      Cli.Result c = ok(run(env("WALLET_MNEMONIC", ABANDON), "svm", "token-transfer", mint.toBase58(), to.toBase58(), "12.34"));
      assertTrue(c.out().contains("success"), c.out());
      Pubkey toAta = AssociatedTokenProgram.address(to, mint, t.programId());
      assertEquals(BigInteger.valueOf(1234), a.rpc().getTokenAccountBalance(toAta).send().amount());
      assertEquals(BigInteger.valueOf(10_000 - 1234), a.rpc().getTokenAccountBalance(ownerAta).send().amount());
      // more decimals than the mint has
      assertEquals(ExitCodes.INVALID_INPUT, run(env("WALLET_MNEMONIC", ABANDON), "svm", "token-transfer",
          mint.toBase58(), to.toBase58(), "0.001").exitCode());
    }
  }

  @Test
  void demoRunsItsSolanaFlow() {
    Cli.Result r = ok(run(env(), "demo"));
    String out = r.out();
    assertTrue(out.contains("Solana node at " + svm.url()), out);
    assertTrue(out.contains("message    v0, 1 table lookup(s)"), out);
    assertEquals(3, out.split("status       success", -1).length - 1, out);
    assertTrue(out.contains("recipient  ") && out.contains("  0.02 SOL"), out);
  }
}
