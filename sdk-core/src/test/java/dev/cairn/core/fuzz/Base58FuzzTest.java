package dev.cairn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.DecodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Base58 and Base58Check: typed rejection only, and canonical round trips (Base58 is bijective). */
class Base58FuzzTest {

  @FuzzTest
  void decode(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    byte[] decoded;
    try {
      decoded = Base58.decode(s);
    } catch (DecodingException expected) {
      return;
    }
    assertEquals(s, Base58.encode(decoded));
    assertArrayEquals(decoded, Base58.decode(Base58.encode(decoded)));
  }

  @FuzzTest
  void decodeChecked(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    byte[] payload;
    try {
      payload = Base58.decodeChecked(s);
    } catch (DecodingException expected) {
      return;
    }
    assertEquals(s, Base58.encodeChecked(payload));
  }

  /** Any payload: encodeChecked then decodeChecked gives it back; one flipped character is refused. */
  @FuzzTest
  void checkedRoundTrip(byte[] payload) {
    if (payload.length > 700) {
      return; // stays under MAX_ENCODED_LENGTH
    }
    String s = Base58.encodeChecked(payload);
    assertArrayEquals(payload, Base58.decodeChecked(s));
    char[] c = s.toCharArray();
    int i = payload.length % c.length;
    c[i] = c[i] == '2' ? '3' : '2';
    try {
      byte[] other = Base58.decodeChecked(new String(c));
      // a changed character can only pass the 32-bit checksum by (astronomical) chance
      assertEquals(false, Arrays.equals(other, payload), "a changed string decoded to the same payload");
    } catch (DecodingException expected) {
      // the usual case
    }
  }
}
