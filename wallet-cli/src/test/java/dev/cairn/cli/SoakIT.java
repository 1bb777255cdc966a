package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.cosmos.testsupport.ScriptedCosmosNode;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.CallRequest;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.LogFilter;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.evm.rpc.ws.EvmWsClient;
import dev.cairn.evm.rpc.ws.Subscription;
import dev.cairn.evm.rpc.ws.SubscriptionListener;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.abi.Address;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.ws.SvmSubscriptions;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.LiteSvm;
import dev.cairn.transport.ws.WsSubscription;
import dev.cairn.transport.ws.WsSubscriptionListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The soak test (issue 13, "bounded resources"): mixed calls on all three chains for a bounded
 * time, with heap after GC, live threads and open file descriptors measured at the start (after a
 * warm-up), the middle and the end; it fails if any grows beyond its bound.
 *
 * <p>Each cycle: EVM against anvil (block number, balance, nonce, an EIP-1559 transfer sent and its
 * receipt awaited, {@code eth_call}, {@code eth_getLogs}, and every few cycles a WebSocket
 * {@code newHeads} subscription opened, fed by the next transfer and closed); Solana against the
 * LiteSVM node (slot, balance, latest blockhash, a transfer sent and confirmed, an
 * {@code accountSubscribe} opened and closed every few cycles); Cosmos against the scripted node
 * (balances, account, node status, and every few cycles {@code wallet cosmos send}, which builds,
 * signs, broadcasts and waits with its own short-lived clients). The long-lived clients are shared
 * across cycles, as a service would hold them; the short-lived ones check that closing releases
 * everything.
 *
 * <p>Parameters (system properties): {@code cairn.soak.seconds} (default 40), {@code
 * cairn.soak.heapSlackMiB} (default 32), {@code cairn.soak.threadSlack} (default 4), {@code
 * cairn.soak.fdSlack} (default 16). {@code scripts/soak.sh} runs it for minutes and prints the
 * figures, which are also written to {@code target/soak-figures.txt}.
 */
class SoakIT {
  static final String ABANDON =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  static final String COSMOS_CHAIN = "cairn-soak-1";

  record Sample(String label, long cycles, long heapBytes, int threads, long fds, long elapsedMillis) {
    String line() {
      return String.format(Locale.ROOT, "%-6s cycles=%6d  heapAfterGc=%7.1f MiB  threads=%3d  fds=%4d  t=%6.1f s",
          label, cycles, heapBytes / 1048576.0, threads, fds, elapsedMillis / 1000.0);
    }
  }

  @Test
  void mixedCallsOnThreeChainsKeepHeapThreadsAndFilesFlat() throws Exception {
    long seconds = Long.getLong("cairn.soak.seconds", 40);
    long heapSlack = Long.getLong("cairn.soak.heapSlackMiB", 32) * 1048576L;
    int threadSlack = Integer.getInteger("cairn.soak.threadSlack", 4);
    long fdSlack = Long.getLong("cairn.soak.fdSlack", 16);
    List<Sample> samples = new ArrayList<>();
    Map<String, AtomicLong> counts = new HashMap<>();
    try (Anvil anvil = Anvil.start();
        LiteSvm svm = LiteSvm.start();
        ScriptedCosmosNode cosmos = new ScriptedCosmosNode(COSMOS_CHAIN, "cosmos", "ustake", new BigDecimal("0.025"), 50)) {
      Chains c = new Chains(anvil, svm, cosmos, counts);
      try {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        long warmup = start + TimeUnit.SECONDS.toNanos(Math.max(5, seconds / 8));
        long middle = start + TimeUnit.SECONDS.toNanos(seconds / 2);
        long cycles = 0;
        boolean tookMiddle = false;
        while (System.nanoTime() < deadline || samples.size() < 3) {
          c.cycle(cycles);
          cycles++;
          long now = System.nanoTime();
          if (samples.isEmpty() && now >= warmup && cycles >= 5) {
            samples.add(sample("start", cycles, start));
          } else if (samples.size() == 1 && !tookMiddle && now >= middle) {
            samples.add(sample("middle", cycles, start));
            tookMiddle = true;
          } else if (samples.size() == 2 && now >= deadline) {
            samples.add(sample("end", cycles, start));
          }
        }
      } finally {
        c.close();
      }
    }
    StringBuilder report = new StringBuilder("soak: " + seconds + " s of mixed calls on EVM (anvil), Solana (LiteSVM)"
        + " and Cosmos (scripted node)\n");
    for (Sample s : samples) {
      report.append(s.line()).append('\n');
    }
    report.append("calls: ").append(new java.util.TreeMap<>(counts)).append('\n');
    System.out.print(report);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("soak-figures.txt"), report.toString());
    }
    Sample first = samples.get(0);
    Sample end = samples.get(2);
    assertTrue(end.cycles > first.cycles, "no cycle between the start and the end sample:\n" + report);
    assertTrue(end.heapBytes <= first.heapBytes + heapSlack,
        "heap after GC grew by more than " + heapSlack / 1048576 + " MiB:\n" + report);
    assertTrue(end.threads <= first.threads + threadSlack, "live threads grew by more than " + threadSlack + ":\n" + report);
    assertTrue(end.fds <= first.fds + fdSlack, "open file descriptors grew by more than " + fdSlack + ":\n" + report);
  }

  static Sample sample(String label, long cycles, long startNanos) throws InterruptedException {
    long heap = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    histogram(label);
    return new Sample(label, cycles, heap, ManagementFactory.getThreadMXBean().getThreadCount(), fds(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
  }

  /**
   * With {@code -Dcairn.soak.histogram=true}: the live-object class histogram of this JVM ({@code
   * jcmd <pid> GC.class_histogram}, top 60 lines) into {@code target/soak-histogram-<label>.txt}, to
   * attribute heap growth.
   */
  static void histogram(String label) {
    if (!Boolean.getBoolean("cairn.soak.histogram")) {
      return;
    }
    try {
      Process p = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
          .redirectErrorStream(true).start();
      List<String> lines;
      try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
          java.nio.charset.StandardCharsets.UTF_8))) {
        lines = r.lines().toList();
      }
      p.waitFor(60, TimeUnit.SECONDS);
      p.getOutputStream().close();
      lines = lines.subList(0, Math.min(60, lines.size()));
      Files.write(Path.of("target", "soak-histogram-" + label + ".txt"), lines);
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.out.println("soak: no histogram (" + e + ")");
    }
  }

  static long fds() {
    Path fd = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fd)) {
      return -1;
    }
    try (Stream<Path> s = Files.list(fd)) {
      return s.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The clients and keys of the three chains, and one cycle of calls. */
  static final class Chains implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    final Anvil anvil;
    final LiteSvm svm;
    final ScriptedCosmosNode cosmos;
    final Map<String, AtomicLong> counts;
    final EvmRpcClient evm;
    final SvmRpcClient sol;
    final CosmosRestClient rest;
    final CometRpcClient comet;
    final Secp256k1PrivateKey evmKey;
    final Address evmFrom;
    final Address evmTo = Address.parse("0x00000000000000000000000000000000000050a6");
    final Keypair payer;
    final Pubkey solTo;
    final String cosmosWallet;
    final Map<String, String> cliEnv = new HashMap<>();
    long evmNonce;
    long solSends;

    Chains(Anvil anvil, LiteSvm svm, ScriptedCosmosNode cosmos, Map<String, AtomicLong> counts) {
      this.anvil = anvil;
      this.svm = svm;
      this.cosmos = cosmos;
      this.counts = counts;
      evm = EvmRpcClient.create(anvil.url());
      sol = SvmRpcClient.create(svm.url());
      rest = CosmosRestClient.create(cosmos.restUrl(), ChainId.parse("cosmos:" + COSMOS_CHAIN));
      comet = CometRpcClient.create(cosmos.rpcUrl(), ChainId.parse("cosmos:" + COSMOS_CHAIN));
      evmKey = Secp256k1PrivateKey.of(Anvil.devKey(3));
      evmFrom = Address.fromPublicKey(evmKey.publicKey());
      evmNonce = evm.getTransactionCount(evmFrom, BlockId.PENDING).send();
      payer = Keypair.generate(new SecureRandom());
      solTo = Keypair.generate(new SecureRandom()).publicKey();
      svm.airdrop(payer.publicKey().toBase58(), 1_000_000_000_000L);
      Mnemonic m = Mnemonic.parse(ABANDON);
      Bip32Key k = HdWallets.secp256k1(m, "", DerivationPath.COSMOS);
      cosmosWallet = CosmosAddress.ofSecp256k1("cosmos", k.publicKey().compressed()).toString();
      k.destroy();
      m.destroy();
      cosmos.fund(cosmosWallet, "ustake", BigInteger.valueOf(1_000_000_000_000L));
      cliEnv.put("WALLET_COSMOS_REST_URL", cosmos.restUrl());
      cliEnv.put("WALLET_MNEMONIC", ABANDON);
    }

    void count(String what) {
      counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    void cycle(long i) throws Exception {
      evmCycle(i);
      svmCycle(i);
      cosmosCycle(i);
    }

    void evmCycle(long i) throws Exception {
      evm.blockNumber().send();
      evm.getBalance(evmTo, BlockId.LATEST).send();
      count("evm reads");
      EvmWsClient ws = null;
      Subscription sub = null;
      CountDownLatch head = new CountDownLatch(1);
      if (i % 5 == 0) {
        ws = EvmWsClient.connect(anvil.wsUrl());
        sub = ws.subscribeNewHeads(new SubscriptionListener<>() {
          @Override
          public void onEvent(dev.cairn.evm.rpc.BlockHeader event) {
            head.countDown();
          }
        });
        count("evm subscriptions");
        Thread.sleep(50); // let the subscription reach the node before the block it should see
      }
      Transaction tx = Transaction.eip1559().chainId(Anvil.CHAIN_ID).nonce(evmNonce).to(evmTo).value(1 + i)
          .gasLimit(21_000).maxFeePerGas(20_000_000_000L).maxPriorityFeePerGas(1_000_000_000L).build();
      var hash = evm.sendRawTransaction(tx.sign(evmKey).encoded()).send();
      evmNonce++;
      count("evm sends");
      Optional<Receipt> r = Optional.empty();
      for (int k = 0; k < 300 && r.isEmpty(); k++) {
        r = evm.getTransactionReceipt(hash).send();
        if (r.isEmpty()) {
          Thread.sleep(10);
        }
      }
      assertTrue(r.isPresent() && r.get().isSuccess(), "receipt of " + hash);
      evm.call(CallRequest.call(evmTo, new byte[0]), BlockId.LATEST).send();
      long n = evm.blockNumber().send();
      evm.getLogs(LogFilter.builder().fromBlock(BlockId.number(Math.max(0, n - 5))).toBlock(BlockId.LATEST).build()).send();
      count("evm calls+logs");
      if (ws != null) {
        // the subscription is made asynchronously: if it reached the node after the block above,
        // mine empty blocks until an event arrives
        long until = System.nanoTime() + WAIT.toNanos();
        while (!head.await(300, TimeUnit.MILLISECONDS)) {
          assertTrue(System.nanoTime() < until, "no newHeads event");
          anvil.mine(1);
        }
        sub.close();
        ws.close();
        count("evm subscription events");
      }
    }

    void svmCycle(long i) throws Exception {
      sol.getSlot().send();
      sol.getBalance(payer.publicKey()).send();
      count("svm reads");
      SvmSubscriptions subs = null;
      WsSubscription sub = null;
      CountDownLatch changed = new CountDownLatch(1);
      if (i % 5 == 0) {
        subs = SvmSubscriptions.connect(svm.wsUrl());
        sub = subs.accountSubscribe(solTo, dev.cairn.svm.rpc.AccountEncoding.BASE64, new WsSubscriptionListener<>() {
          @Override
          public void onEvent(dev.cairn.svm.ws.AccountNotification event) {
            changed.countDown();
          }
        });
        count("svm subscriptions");
        Thread.sleep(50);
      }
      solTransfer();
      if (subs != null) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!changed.await(300, TimeUnit.MILLISECONDS)) {
          assertTrue(System.nanoTime() < until, "no account notification");
          solTransfer(); // the subscription reached the node after the transfer above
        }
        sub.close();
        subs.close();
        count("svm subscription events");
      }
    }

    void solTransfer() throws Exception {
      long lamports = 1_000_000 + solSends++; // unique, so no two transfers are the same transaction
      var bh = sol.getLatestBlockhash().send();
      Message msg = Message.compileLegacy(payer.publicKey(),
          List.of(SystemProgram.transfer(payer.publicKey(), solTo, lamports)), bh.blockhash());
      String sig = sol.sendTransaction(dev.cairn.svm.tx.Transaction.unsigned(msg).sign(payer)).send();
      count("svm sends");
      boolean confirmed = false;
      for (int k = 0; k < 300 && !confirmed; k++) {
        var st = sol.getSignatureStatuses(List.of(sig)).send();
        confirmed = st.get(0).isPresent();
        if (!confirmed) {
          Thread.sleep(10);
        }
      }
      assertTrue(confirmed, "no status for " + sig);
    }

    void cosmosCycle(long i) {
      rest.balances(cosmosWallet);
      rest.account(cosmosWallet);
      comet.status();
      count("cosmos reads");
      if (i % 4 == 0) {
        String to = CosmosAddress.of("cosmos", new byte[20]).toString();
        Cli.Result r = Cli.run(new byte[0], cliEnv, "cosmos", "send", to, (1000 + i) + "ustake", "--chain-id",
            COSMOS_CHAIN, "--gas-price", "0.025ustake");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        count("cosmos sends (CLI)");
      }
    }

    @Override
    public void close() {
      evm.close();
      sol.close();
      rest.close();
      comet.close();
      evmKey.destroy();
      payer.destroy();
    }
  }
}
