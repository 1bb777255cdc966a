package dev.cairn.evm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;

/** The harness itself: anvil answers, the dev keys are its funded accounts, reorgs work as the ITs assume. */
@ExtendWith(AnvilExtension.class)
class AnvilHarnessIT {

  @Test
  void devAccountsAreFundedAndMatchTheKeys(Anvil anvil) {
    assertEquals(Anvil.CHAIN_ID, Long.decode(anvil.rpc("eth_chainId").asText()));
    JsonNode accounts = anvil.rpc("eth_accounts");
    for (int i = 0; i < 10; i++) {
      // web3j as the oracle for key -> address
      assertEquals(Credentials.create(Anvil.DEV_KEYS.get(i)).getAddress(), Anvil.DEV_ADDRESSES.get(i));
      assertEquals(Anvil.DEV_ADDRESSES.get(i), accounts.get(i).asText().toLowerCase());
      BigInteger balance = new BigInteger(anvil.rpc("eth_getBalance", Anvil.DEV_ADDRESSES.get(i), "latest").asText().substring(2), 16);
      assertTrue(balance.signum() > 0);
    }
  }

  @Test
  void reorgReplacesTheTip(Anvil anvil) {
    anvil.mine(3);
    long tip = anvil.blockNumber();
    String before = anvil.rpc("eth_getBlockByNumber", "0x" + Long.toHexString(tip), false).get("hash").asText();
    anvil.rpc("anvil_reorg", 1, java.util.List.of());
    assertEquals(tip, anvil.blockNumber());
    String after = anvil.rpc("eth_getBlockByNumber", "0x" + Long.toHexString(tip), false).get("hash").asText();
    assertNotEquals(before, after);
  }
}
