package dev.cairn.testing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Classes that ask for a shared anvil with the same arguments get one node; others get their own. */
class SharedAnvilIT {
  static final Set<Long> SHARED = ConcurrentHashMap.newKeySet();
  static final Set<Long> OWN = ConcurrentHashMap.newKeySet();

  @AfterAll
  static void oneSharedNodeAndSeparateOwnNodes() {
    assertEquals(1, SHARED.size(), "shared classes: " + SHARED);
    assertEquals(2, OWN.size(), "own classes: " + OWN);
  }

  @Nested
  @ExtendWith(AnvilExtension.class)
  @AnvilArgs(value = {"--chain-id", "777"}, shared = true)
  class SharedA {
    @Test
    void a(Anvil anvil) {
      assertEquals(777, anvil.chainId());
      SHARED.add(anvil.pid());
    }
  }

  @Nested
  @ExtendWith(AnvilExtension.class)
  @AnvilArgs(value = {"--chain-id", "777"}, shared = true)
  class SharedB {
    @Test
    void b(Anvil anvil) {
      SHARED.add(anvil.pid());
    }
  }

  @Nested
  @ExtendWith(AnvilExtension.class)
  class OwnA {
    @Test
    void a(Anvil anvil) {
      OWN.add(anvil.pid());
    }
  }

  @Nested
  @ExtendWith(AnvilExtension.class)
  class OwnB {
    @Test
    void b(Anvil anvil) {
      OWN.add(anvil.pid());
    }
  }
}
