package dev.cairn.abi.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.AbiResources;
import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedCall;
import dev.cairn.abi.DecodedLog;
import dev.cairn.abi.DecodedRevert;
import dev.cairn.abi.EncodedLog;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.core.chain.ChainId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ContractRegistryTest {
  static final ChainId MAIN = ChainId.ETHEREUM_MAINNET;
  static final ChainId SEPOLIA = ChainId.ETHEREUM_SEPOLIA;
  static final Address TOKEN = Address.parse("0x00000000000000000000000000000000000000aa");
  static final Address NFT = Address.parse("0x00000000000000000000000000000000000000bb");
  static final ContractAbi ERC20 = ContractAbi.parseJson(AbiResources.read("erc20.json"));
  static final ContractAbi ERC721 = ContractAbi.parseJson(AbiResources.read("erc721.json"));

  @Test
  void versionsAndHistory() {
    ContractRegistry r = new ContractRegistry(2);
    assertEquals(0, r.currentVersion(MAIN, TOKEN));
    assertTrue(r.get(MAIN, TOKEN).isEmpty());
    assertEquals(1, r.put(MAIN, TOKEN, ERC20));
    assertEquals(2, r.put(MAIN, TOKEN, ERC721));
    assertEquals(3, r.put(MAIN, TOKEN, ERC20));
    assertEquals(3, r.currentVersion(MAIN, TOKEN));
    assertSame(ERC20, r.get(MAIN, TOKEN).orElseThrow().abi());
    assertSame(ERC721, r.get(MAIN, TOKEN, 2).orElseThrow().abi());
    assertTrue(r.get(MAIN, TOKEN, 1).isEmpty(), "only 2 versions are retained");
    assertEquals(2, r.history(MAIN, TOKEN).size());
    assertEquals(0, r.currentVersion(SEPOLIA, TOKEN), "keys include the chain");
    assertEquals(1, r.put(SEPOLIA, TOKEN, ERC721));
    assertTrue(r.remove(MAIN, TOKEN));
    assertFalse(r.remove(MAIN, TOKEN));
    assertEquals(0, r.currentVersion(MAIN, TOKEN));
    assertTrue(r.get(MAIN, TOKEN, 3).isPresent(), "old versions stay retrievable");
    assertEquals(4, r.put(MAIN, TOKEN, ERC20), "numbering continues after a removal");
    assertEquals(6, r.version());
    RegisteredAbi reg = r.get(MAIN, TOKEN).orElseThrow();
    assertEquals(ContractKey.of(MAIN, TOKEN), reg.key());
    assertEquals(4, reg.version());
    assertEquals(2, r.snapshot().contracts().size());
    assertThrows(IllegalArgumentException.class, () -> new ContractRegistry(0));
  }

  @Test
  void selectorIndexAcrossAbis() {
    ContractRegistry r = new ContractRegistry();
    Map<ContractKey, ContractAbi> batch = new HashMap<>();
    batch.put(ContractKey.of(MAIN, TOKEN), ERC20);
    batch.put(ContractKey.of(MAIN, NFT), ERC721);
    batch.put(ContractKey.of(SEPOLIA, TOKEN), ERC20);
    assertEquals(1, r.putAll(batch));
    Function erc20Transfer = ERC20.function("transferFrom").orElseThrow();
    // transferFrom(address,address,uint256) is in both ABIs with different outputs
    List<Function> candidates = r.functionsBySelector(erc20Transfer.selector());
    assertEquals(2, candidates.size());
    byte[] call = erc20Transfer.encodeCall(TOKEN, NFT, BigInteger.TEN);
    List<DecodedCall> decoded = r.decodeCall(call);
    assertEquals(2, decoded.size());
    assertEquals(BigInteger.TEN, decoded.get(0).args().get(2));
    DecodedCall own = r.decodeCall(MAIN, TOKEN, call).orElseThrow();
    assertEquals(erc20Transfer, own.function());
    assertTrue(r.decodeCall(MAIN, Address.ZERO, call).isEmpty());
    assertTrue(r.decodeCall(new byte[] {1, 2, 3, 4}).isEmpty());
    // malformed arguments decode with no candidate
    byte[] truncated = java.util.Arrays.copyOf(call, call.length - 1);
    assertTrue(r.decodeCall(truncated).isEmpty());
    // removing one of the two ERC-20 registrations keeps the functions indexed
    r.remove(SEPOLIA, TOKEN);
    assertEquals(2, r.functionsBySelector(erc20Transfer.selector()).size());
    r.remove(MAIN, TOKEN);
    assertEquals(1, r.functionsBySelector(erc20Transfer.selector()).size());
  }

  @Test
  void logsDecodeWithEveryMatchingEvent() {
    ContractRegistry r = new ContractRegistry();
    r.put(MAIN, TOKEN, ERC20);
    r.put(MAIN, NFT, ERC721);
    Event erc20 = ERC20.event("Transfer").orElseThrow();
    Event erc721 = ERC721.event("Transfer").orElseThrow();
    assertEquals(2, r.eventsByTopic(erc20.topic0()).size());
    EncodedLog fungible = erc20.encodeLog(TOKEN, NFT, BigInteger.ONE);
    List<DecodedLog> logs = r.decodeLog(fungible.topics(), fungible.data());
    assertEquals(1, logs.size(), "the ERC-721 layout has one more topic");
    assertEquals(erc20, logs.get(0).event());
    EncodedLog nft = erc721.encodeLog(TOKEN, NFT, BigInteger.TWO);
    assertEquals(erc721, r.decodeLog(nft.topics(), nft.data()).get(0).event());
    assertEquals(BigInteger.TWO, r.decodeLog(MAIN, NFT, nft.topics(), nft.data()).orElseThrow().get(2));
    assertTrue(r.decodeLog(MAIN, TOKEN, nft.topics(), nft.data()).isEmpty());
    assertTrue(r.decodeLog(List.of(), new byte[0]).isEmpty());
  }

  @Test
  void revertsWithRegisteredErrors() {
    ContractRegistry r = new ContractRegistry();
    byte[] data = ERC20.error("ERC20InvalidReceiver").orElseThrow().encode(TOKEN);
    assertEquals(DecodedRevert.Kind.UNKNOWN, r.decodeRevert(data).kind());
    r.put(MAIN, TOKEN, ERC20);
    assertEquals(DecodedRevert.Kind.CUSTOM_ERROR, r.decodeRevert(data).kind());
    assertEquals(1, r.errorsBySelector(data).size());
  }

  /**
   * Readers run while a writer keeps replacing ABIs. Every write puts the same ABI under two
   * addresses in one batch; a reader must always see both with the same version (no torn reads)
   * and versions must never go backwards.
   */
  @Test
  void readersDuringWritesSeeConsistentSnapshots() throws Exception {
    ContractRegistry r = new ContractRegistry(4);
    ContractAbi[] abis = {ERC20, ERC721};
    Function transfer = ERC20.function("transfer").orElseThrow();
    byte[] call = transfer.encodeCall(TOKEN, BigInteger.ONE);
    int writes = 2000;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                  long lastVersion = 0;
                  while (!done.get()) {
                    RegistrySnapshot s = r.snapshot();
                    assertTrue(s.version() >= lastVersion, "versions went backwards");
                    lastVersion = s.version();
                    var a = s.get(ContractKey.of(MAIN, TOKEN));
                    var b = s.get(ContractKey.of(MAIN, NFT));
                    assertEquals(a.isPresent(), b.isPresent());
                    if (a.isPresent()) {
                      assertSame(a.get().abi(), b.get().abi(), "torn read");
                      assertEquals(a.get().version(), b.get().version());
                      boolean erc20 = a.get().abi() == ERC20;
                      // the indexes belong to the same snapshot as the entries
                      assertEquals(erc20 ? 1 : 0, s.decodeCall(call).size());
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      th.start();
      readers.add(th);
    }
    start.countDown();
    for (int i = 0; i < writes; i++) {
      Map<ContractKey, ContractAbi> batch = new HashMap<>();
      batch.put(ContractKey.of(MAIN, TOKEN), abis[i % 2]);
      batch.put(ContractKey.of(MAIN, NFT), abis[i % 2]);
      r.putAll(batch);
    }
    done.set(true);
    for (Thread th : readers) {
      th.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    assertEquals(writes, r.currentVersion(MAIN, TOKEN));
    assertEquals(4, r.history(MAIN, NFT).size());
  }

  @Test
  void concurrentWritersGetDistinctVersions() throws Exception {
    ContractRegistry r = new ContractRegistry(1000);
    int threads = 4;
    int each = 200;
    List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < each; i++) {
                  seen.add(r.put(MAIN, TOKEN, ERC20));
                }
              });
      th.start();
      ts.add(th);
    }
    for (Thread th : ts) {
      th.join();
    }
    assertEquals(threads * each, new java.util.HashSet<>(seen).size());
    assertEquals(threads * each, r.currentVersion(MAIN, TOKEN));
    // the ABI is indexed once however often it was replaced
    assertEquals(1, r.functionsBySelector(ERC20.function("transfer").orElseThrow().selector()).size());
  }
}
