package dev.cairn.testing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The anvil launcher and its extension against the pinned anvil. */
@ExtendWith(AnvilExtension.class)
class AnvilIT {

  @Test
  void answersWithItsFundedDevAccounts(Anvil anvil) {
    assertEquals(Anvil.CHAIN_ID, anvil.chainId());
    assertEquals("0x7a69", anvil.rpcText("eth_chainId"));
    assertEquals("\"0x7a69\"", anvil.rpcRaw("eth_chainId"));
    List<?> accounts = (List<?>) anvil.rpc("eth_accounts");
    for (int i = 0; i < 10; i++) {
      // anvil is the oracle for the keys: its accounts are the addresses of DEV_KEYS
      byte[] pub = Secp256k1PrivateKey.of(Anvil.devKey(i)).publicKey().uncompressed();
      byte[] hash = Keccak256.hash(Arrays.copyOfRange(pub, 1, 65));
      String address = "0x" + Hex.encode(Arrays.copyOfRange(hash, 12, 32));
      assertEquals(address, Anvil.DEV_ADDRESSES.get(i));
      assertEquals(Anvil.DEV_ADDRESSES.get(i), ((String) accounts.get(i)).toLowerCase());
      assertTrue(anvil.balance(Anvil.DEV_ADDRESSES.get(i)).signum() > 0);
    }
  }

  @Test
  void controlsTheChain(Anvil anvil) {
    long start = anvil.blockNumber();
    anvil.mine(3);
    assertEquals(start + 3, anvil.blockNumber());
    String snap = anvil.snapshot();
    anvil.mine(2);
    assertTrue(anvil.revert(snap));
    assertEquals(start + 3, anvil.blockNumber());
    long tip = anvil.blockNumber();
    String before = (String) ((Map<?, ?>) anvil.rpc("eth_getBlockByNumber", "0x" + Long.toHexString(tip), false)).get("hash");
    anvil.rpc("anvil_reorg", 1, List.of());
    assertEquals(tip, anvil.blockNumber());
    String after = (String) ((Map<?, ?>) anvil.rpc("eth_getBlockByNumber", "0x" + Long.toHexString(tip), false)).get("hash");
    assertNotEquals(before, after);
  }

  @Test
  void errorAnswersAreTyped(Anvil anvil) {
    JsonRpcException e = assertThrows(JsonRpcException.class, () -> anvil.rpc("eth_noSuchMethod"));
    assertEquals(-32601, e.code());
    assertTrue(e.getMessage().startsWith("eth_noSuchMethod: [-32601]"), e.getMessage());
  }

  @Test
  void theExtensionGivesEveryTestOfAClassTheSameNode(Anvil anvil) {
    assertTrue(anvil.isAlive());
    assertTrue(anvil.log().contains("Listening on 127.0.0.1:" + anvil.port()), anvil.log());
  }

  @Test
  void startsWithArgumentsAndStopsCleanly() {
    Anvil a = Anvil.builder().args("--chain-id", "4242", "--no-mining").start();
    long pid = a.pid();
    try {
      assertEquals(4242, a.chainId());
      assertTrue(a.command().contains("--no-mining"));
    } finally {
      a.close();
    }
    assertFalse(a.isAlive());
    assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "anvil must be gone after close");
    a.close();
  }

  @Test
  void quietAnvilGetsItsPortFromTheKit() {
    try (Anvil a = Anvil.builder().args("--quiet", "--block-time", "1").start()) {
      assertEquals(Anvil.CHAIN_ID, a.chainId());
      assertTrue(a.command().contains(Integer.toString(a.port())), a.command().toString());
    }
  }

  @Test
  void aFailedStartSaysWhyWithAnvilsOutput() {
    NodeLaunchException e = assertThrows(NodeLaunchException.class,
        () -> Anvil.builder().args("--cairn-no-such-flag").start());
    assertTrue(e.getMessage().contains("anvil"), e.getMessage());
    assertTrue(e.getMessage().contains("exited before it reported its port"), e.getMessage());
    assertTrue(e.log().contains("--cairn-no-such-flag"), "anvil's complaint is quoted: " + e.log());
    assertThrows(IllegalArgumentException.class, () -> Anvil.builder().args("--port", "8545"));
  }
}
