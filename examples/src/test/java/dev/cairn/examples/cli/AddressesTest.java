package dev.cairn.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AddressesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> eip55Vectors() throws IOException {
    JsonNode v = JSON.readTree(TestData.read("eip/eip55_checksum.json"));
    List<String> all = new ArrayList<>();
    for (String group : new String[] {"allCaps", "allLower", "normal"}) {
      v.get(group).forEach(n -> all.add(n.textValue()));
    }
    return all;
  }

  @Test
  void eip55MatchesTheErcTestCases() throws IOException {
    List<String> all = eip55Vectors();
    assertEquals(8, all.size());
    for (String addr : all) {
      byte[] bytes = Hex.decode(addr.substring(2));
      assertEquals(addr, Addresses.eip55(bytes));
      assertArrayEquals(bytes, Addresses.parseEvm("to", addr));
      assertArrayEquals(bytes, Addresses.parseEvm("to", addr.toLowerCase(Locale.ROOT)));
      assertArrayEquals(
          bytes, Addresses.parseEvm("to", "0x" + addr.substring(2).toUpperCase(Locale.ROOT)));
    }
  }

  @Test
  void mixedCaseWithABadChecksumIsRejectedNamingTheField() throws IOException {
    for (String addr : eip55Vectors().subList(4, 8)) {
      // flip the case of the first letter
      char[] c = addr.toCharArray();
      for (int i = 2; i < c.length; i++) {
        if (Character.isLetter(c[i])) {
          c[i] = Character.isUpperCase(c[i]) ? Character.toLowerCase(c[i]) : Character.toUpperCase(c[i]);
          break;
        }
      }
      InvalidAddressException e =
          assertThrows(InvalidAddressException.class, () -> Addresses.parseEvm("to", new String(c)));
      assertTrue(e.getMessage().startsWith("to:"), e.getMessage());
      assertTrue(e.getMessage().contains("EIP-55"));
    }
  }

  @Test
  void malformedEvmAddressesAreDecodingErrors() {
    for (String bad :
        new String[] {"", "0x", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"}) {
      DecodingException e =
          assertThrows(DecodingException.class, () -> Addresses.parseEvm("to", bad), bad);
      assertTrue(e.getMessage().startsWith("to"), e.getMessage());
    }
  }

  @Test
  void evmAddressOfAKnownKey() {
    // EIP-191 personal_sign vector key (eth-sig-util) and its address
    Secp256k1PrivateKey k =
        Secp256k1PrivateKey.of(
            Hex.decode("4af1bceebf7f3634ec3cff8a2c38e51178d5d4ce585c52d6043e5e2cc3418bb0"));
    assertEquals("0x29C76e6aD8f28BB1004902578Fb108c507Be341b", Addresses.evm(k.publicKey()));
  }

  @Property
  void eip55RoundTrips(@ForAll @Size(20) byte[] address) {
    String s = Addresses.eip55(address);
    assertEquals(42, s.length());
    assertArrayEquals(address, Addresses.parseEvm("a", s));
    assertEquals(s, Addresses.eip55(Addresses.parseEvm("a", s.toLowerCase(Locale.ROOT))));
  }

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
