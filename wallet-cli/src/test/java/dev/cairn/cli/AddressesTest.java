package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

// EVM addresses (EIP-55) are sdk-abi's dev.cairn.abi.Address, tested there against the ERC vectors.
class AddressesTest {
  @Test
  void hrpRules() {
    Addresses.checkHrp("cosmos");
    Addresses.checkHrp("a");
    for (String bad : new String[] {"", "Cosmos", "cos mos", "a".repeat(52), "caf\u00e9"}) {
      InvalidAddressException e =
          assertThrows(InvalidAddressException.class, () -> Addresses.checkHrp(bad), bad);
      assertEquals("hrp", e.field());
    }
  }
}
