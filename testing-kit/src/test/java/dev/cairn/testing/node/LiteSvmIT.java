package dev.cairn.testing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LiteSVM launcher, its extension and the server's test-control methods. */
@ExtendWith(LiteSvmExtension.class)
class LiteSvmIT {
  private static final String ADDRESS = "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin";

  @Test
  void airdropsAndAdvancesSlots(LiteSvm svm) {
    assertEquals("ok", svm.rpc("getHealth"));
    long before = svm.balance(ADDRESS);
    String sig = svm.airdrop(ADDRESS, 1_234_567L);
    assertTrue(sig.length() > 80, sig);
    assertEquals(before + 1_234_567L, svm.balance(ADDRESS));
    long slot = svm.slot();
    assertEquals(slot + 151, svm.advanceSlots(151));
    assertEquals(slot + 151, svm.slot());
  }

  @Test
  void blockhashesExpireAfter150Blocks(LiteSvm svm) {
    Map<?, ?> bh = (Map<?, ?>) ((Map<?, ?>) svm.rpc("getLatestBlockhash")).get("value");
    String hash = (String) bh.get("blockhash");
    long lastValid = ((Number) bh.get("lastValidBlockHeight")).longValue();
    assertEquals(svm.slot() + LiteSvm.BLOCKHASH_VALIDITY, lastValid);
    assertEquals(Boolean.TRUE, ((Map<?, ?>) svm.rpc("isBlockhashValid", hash)).get("value"));
    svm.advanceSlots((int) (lastValid - svm.slot()));
    assertEquals(Boolean.TRUE, ((Map<?, ?>) svm.rpc("isBlockhashValid", hash)).get("value"));
    svm.advanceSlots(1);
    assertEquals(Boolean.FALSE, ((Map<?, ?>) svm.rpc("isBlockhashValid", hash)).get("value"));
  }

  @Test
  void errorsAreJsonRpcErrors(LiteSvm svm) {
    JsonRpcException e = assertThrows(JsonRpcException.class, () -> svm.rpc("getBalance", "not-base58-0OIl"));
    assertEquals(-32602, e.code());
    assertThrows(JsonRpcException.class, () -> svm.rpc("noSuchMethod"));
  }
}
