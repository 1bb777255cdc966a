package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AddressTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eip55Vectors() throws Exception {
    JsonNode root = JSON.readTree(TestData.read("eip/eip55_checksum.json"));
    int ran = 0;
    for (String group : new String[] {"allCaps", "allLower", "normal"}) {
      for (JsonNode n : root.get(group)) {
        String s = n.asText();
        Address a = Address.parse(s);
        String lower = "0x" + s.substring(2).toLowerCase(Locale.ROOT);
        assertEquals(lower, a.toHexLowercase());
        assertEquals(a, Address.parse(lower));
        assertEquals(a, Address.parse("0x" + s.substring(2).toUpperCase(Locale.ROOT)));
        if (group.equals("normal")) {
          assertEquals(s, a.toChecksumString());
          assertEquals(s, a.toString());
        }
        ran++;
      }
    }
    assertEquals(8, ran);
  }

  @Test
  void badChecksumRejected() {
    // flip the case of one letter of a valid checksummed address
    String good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    String bad = "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    AbiException e = assertThrows(AbiException.class, () -> Address.parse(bad));
    assertEquals(AbiException.Reason.INVALID_VALUE, e.reason());
    assertTrue(e.getMessage().contains("address"), e.getMessage());
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    Address.parse(good);
  }

  @Test
  void malformedRejected() {
    for (String s :
        new String[] {
          null, "", "0x", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd", "0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
          "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae"
        }) {
      AbiException e = assertThrows(AbiException.class, () -> Address.parse("to", s), String.valueOf(s));
      assertEquals(AbiException.Reason.INVALID_VALUE, e.reason());
      assertTrue(e.getMessage().startsWith("to: "), e.getMessage());
    }
    assertThrows(AbiException.class, () -> Address.of(new byte[19]));
    assertThrows(AbiException.class, () -> Address.of(null));
    assertThrows(AbiException.class, () -> Address.of(new byte[30], 11));
  }

  @Test
  void fromPublicKeyMatchesKeyAddrVectors() throws Exception {
    JsonNode root = JSON.readTree(TestData.read("ethereum-tests/keyaddrtest.json"));
    int ran = 0;
    for (JsonNode c : root) {
      Secp256k1PrivateKey k = Secp256k1PrivateKey.of(Hex.decode(c.get("key").asText()));
      Address a = Address.fromPublicKey(k.publicKey());
      assertEquals("0x" + c.get("addr").asText(), a.toHexLowercase());
      ran++;
    }
    assertEquals(root.size(), ran);
    assertTrue(ran >= 2, "ran " + ran);
  }

  @Test
  void valueSemantics() {
    byte[] b = new byte[20];
    b[19] = 1;
    Address one = Address.of(b);
    b[19] = 2;
    assertEquals(1, one.bytes()[19], "of() copies");
    one.bytes()[0] = 9;
    assertEquals(0, one.bytes()[0], "bytes() copies");
    assertEquals(Address.ZERO, Address.of(new byte[20]));
    assertTrue(Address.ZERO.compareTo(one) < 0);
    byte[] hi = new byte[20];
    hi[0] = (byte) 0x80;
    assertTrue(Address.of(hi).compareTo(one) > 0, "unsigned order");
    assertEquals(one.hashCode(), Address.of(one.bytes()).hashCode());
    byte[] buf = new byte[25];
    one.copyTo(buf, 5);
    assertArrayEquals(one.bytes(), java.util.Arrays.copyOfRange(buf, 5, 25));
    assertEquals(one, Address.of(buf, 5));
  }
}
