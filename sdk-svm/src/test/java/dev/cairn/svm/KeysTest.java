package dev.cairn.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeysTest {
  private static final Pubkey SYSTEM = Pubkey.fromBase58("11111111111111111111111111111111");

  @Test
  void base58RoundTripAndStrictDecoding() {
    Pubkey p = Pubkey.fromBase58("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
    assertEquals("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", p.toBase58());
    assertEquals(p, Pubkey.of(p.bytes()));
    assertArrayEquals(new byte[32], SYSTEM.bytes());
    DecodingException e = assertThrows(DecodingException.class, () -> Pubkey.fromBase58("owner", "0OIl"));
    assertEquals("owner", e.field());
    assertEquals(0, e.offset());
    assertThrows(DecodingException.class, () -> Pubkey.fromBase58("2")); // 1 byte
    assertThrows(DecodingException.class, () -> Pubkey.fromBase58("1".repeat(45)));
    assertThrows(DecodingException.class, () -> Pubkey.fromBase58(null));
    assertThrows(SvmException.class, () -> Pubkey.of(new byte[31]));
  }

  @Test
  void knownProgramAddress() {
    // @solana/web3.js PublicKey.findProgramAddressSync([0x01], SystemProgram.programId)
    ProgramAddress pa = Pubkey.findProgramAddress(List.of(new byte[] {1}), SYSTEM);
    assertEquals("CPafwPwks5mwDvrsQ2eyvexBnmBTBmrVKmVNRCpzLcRx", pa.address().toBase58());
    assertEquals(255, pa.bump());
    assertEquals(pa.address(), Pubkey.createProgramAddress(List.of(new byte[] {1}, new byte[] {(byte) 255}), SYSTEM));
  }

  @Test
  void seedLimits() {
    List<byte[]> sixteen = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      sixteen.add(new byte[] {(byte) i});
    }
    try {
      Pubkey.createProgramAddress(sixteen, SYSTEM); // 16 seeds are allowed
    } catch (SvmException e) {
      assertEquals(SvmException.Reason.INVALID_SEEDS, e.reason());
    }
    assertThrows(SvmException.class, () -> Pubkey.findProgramAddress(sixteen, SYSTEM));
    List<byte[]> seventeen = new ArrayList<>(sixteen);
    seventeen.add(new byte[0]);
    SvmException e = assertThrows(SvmException.class, () -> Pubkey.createProgramAddress(seventeen, SYSTEM));
    assertEquals(SvmException.Reason.INVALID_INPUT, e.reason());
    e = assertThrows(SvmException.class, () -> Pubkey.findProgramAddress(List.of(new byte[33]), SYSTEM));
    assertTrue(e.getMessage().startsWith("seeds[0]"), e.getMessage());
    Pubkey.findProgramAddress(List.of(new byte[32]), SYSTEM);
  }

  @Test
  void onCurveFollowsTheRuntime() {
    BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    assertTrue(SYSTEM.isOnCurve()); // y = 0: x^2 = -1, a square
    assertTrue(Pubkey.isOnCurve(le(BigInteger.ONE, false))); // identity
    assertTrue(Pubkey.isOnCurve(le(BigInteger.ONE, true))); // x = 0 with the sign bit: dalek accepts
    assertTrue(Pubkey.isOnCurve(le(p.subtract(BigInteger.ONE), false))); // y = -1
    assertTrue(Pubkey.isOnCurve(le(p.add(BigInteger.ONE), false))); // non-canonical y = p + 1 = 1
    assertTrue(Keypair.fromSeed(new byte[32]).publicKey().isOnCurve());
    assertFalse(Pubkey.findProgramAddress(List.of(), SYSTEM).address().isOnCurve());
    // y = 2: (4 - 1) / (4d + 1) is not a square
    assertFalse(Pubkey.isOnCurve(le(BigInteger.TWO, false)));
  }

  private static byte[] le(BigInteger v, boolean sign) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    if (sign) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  @Test
  void createWithSeedRejectsLongSeedsAndProgramAddressOwners() {
    Pubkey base = Keypair.fromSeed(new byte[32]).publicKey();
    assertThrows(SvmException.class, () -> Pubkey.createWithSeed(base, "x".repeat(33), SYSTEM));
    byte[] owner = new byte[32];
    System.arraycopy("ProgramDerivedAddress".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, owner, 11, 21);
    assertThrows(SvmException.class, () -> Pubkey.createWithSeed(base, "a", Pubkey.of(owner)));
  }

  @Test
  void keypairForms() {
    byte[] seed = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    Keypair kp = Keypair.fromSeed(seed);
    // RFC 8032 test 1 public key
    assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Hex.encode(kp.publicKey().bytes()));
    byte[] secret = kp.secretKey();
    assertEquals(kp.publicKey(), Keypair.fromSecretKey(secret).publicKey());
    char[] json = kp.toJson();
    assertEquals(kp.publicKey(), Keypair.fromJson(new String(json)).publicKey());
    assertEquals(kp.publicKey(), Keypair.fromJson(" " + new String(json).replace(",", " ,\n ").replace("]", " ]\n")).publicKey());
    byte[] wrong = secret.clone();
    wrong[40] ^= 1;
    SvmException e = assertThrows(SvmException.class, () -> Keypair.fromSecretKey(wrong));
    assertTrue(e.getMessage().startsWith("secretKey"));
    assertFalse(kp.toString().contains(Hex.encode(seed).substring(0, 8)));
    kp.destroy();
    assertTrue(kp.isDestroyed());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[", "[]", "[1,2", "[1,,2]", "[256]", "[01]", "[-1]", "[1.5]", "{}", "[1]x", "[1 2]", "[1000]"})
  void malformedKeypairFilesAreTyped(String s) {
    assertThrows(DecodingException.class, () -> Keypair.fromJson(s));
  }

  @Test
  void keypairFileWithWrongCountsIsTyped() {
    String[] nums = new String[63];
    Arrays.fill(nums, "7");
    assertThrows(DecodingException.class, () -> Keypair.fromJson("[" + String.join(",", nums) + "]"));
    String[] many = new String[65];
    Arrays.fill(many, "7");
    DecodingException e = assertThrows(DecodingException.class, () -> Keypair.fromJson("[" + String.join(",", many) + "]"));
    assertFalse(e.getMessage().contains("7,7"));
  }
}
