package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import dev.cairn.evm.tx.Authorization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Authorization lists and withdrawals: JSON written from random values decodes to the same values;
 * one corrupted or missing field is refused with an {@link TransportException} naming its JSON path.
 */
class PragueResultTypesPropertiesTest {
  private static final String[] AUTH_FIELDS = {"chainId", "address", "nonce", "yParity", "r", "s"};
  private static final String[] WITHDRAWAL_FIELDS = {"index", "validatorIndex", "address", "amount"};

  // ------------------------------------------------------------------ random values and their JSON

  private static BigInteger u256(Random rnd) {
    // small values too, so that short and zero quantities are exercised
    return new BigInteger(rnd.nextInt(257), rnd);
  }

  private static Address address(Random rnd) {
    byte[] b = new byte[20];
    rnd.nextBytes(b);
    return Address.of(b);
  }

  private static Authorization authorization(Random rnd) {
    long nonce = rnd.nextInt(4) == 0 ? -1L - rnd.nextInt(3) : rnd.nextLong() >>> rnd.nextInt(64);
    int yParity = rnd.nextInt(3) == 0 ? rnd.nextInt(256) : rnd.nextInt(2);
    return Authorization.of(u256(rnd), address(rnd), nonce, yParity, u256(rnd), u256(rnd));
  }

  private static Withdrawal withdrawal(Random rnd) {
    return Withdrawal.of(rnd.nextLong() >>> 1 + rnd.nextInt(63), rnd.nextLong() >>> 1 + rnd.nextInt(63), address(rnd),
        rnd.nextInt(8) == 0 ? u256(rnd) : BigInteger.valueOf(rnd.nextLong() >>> 30));
  }

  /** A quantity in either hex case. */
  private static String q(BigInteger v, Random rnd) {
    String hex = v.toString(16);
    return "\"0x" + (rnd.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT)) + "\"";
  }

  private static String a(Address v) {
    return "\"" + v.toHexLowercase() + "\"";
  }

  private static String[] authValues(Authorization x, Random rnd) {
    return new String[] {q(x.chainId(), rnd), a(x.address()), q(new BigInteger(Long.toUnsignedString(x.nonce())), rnd),
        q(BigInteger.valueOf(x.yParity()), rnd), q(x.r(), rnd), q(x.s(), rnd)};
  }

  private static String[] withdrawalValues(Withdrawal w, Random rnd) {
    return new String[] {q(BigInteger.valueOf(w.index()), rnd), q(BigInteger.valueOf(w.validatorIndex()), rnd),
        a(w.address()), q(w.amountGwei(), rnd)};
  }

  /**
   * An object with {@code names[i]: values[i]} in random order; a null value leaves the member out.
   * {@code renameYParity} writes {@code yParity} as {@code v}.
   */
  private static String object(String[] names, String[] values, Random rnd, boolean renameYParity) {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null) {
        String name = renameYParity && names[i].equals("yParity") ? "v" : names[i];
        members.add(rnd.nextInt(members.size() + 1), "\"" + name + "\":" + values[i]);
      }
    }
    if (rnd.nextInt(4) == 0) {
      members.add("\"extra\":{\"ignored\":[1,2,{}]}");
    }
    return "{" + String.join(",", members) + "}";
  }

  private static String transaction(String authorizationListJson) {
    return Fixtures.TX.replace("\"type\":\"0x2\"", "\"type\":\"0x4\",\"authorizationList\":" + authorizationListJson);
  }

  private static String block(String withdrawalsJson) {
    return Fixtures.block("[]").replace("\"withdrawals\":[]", "\"withdrawals\":" + withdrawalsJson);
  }

  private static JsonParser parser(String json) {
    try {
      JsonParser p = JsonLimits.jsonFactory().createParser(json);
      p.nextToken();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RpcTransaction readTx(String json) throws IOException {
    return RpcTransaction.read(parser(json));
  }

  private static Block readBlock(String json) throws IOException {
    return Block.read(parser(json), false);
  }

  // ------------------------------------------------------------------ corruption

  /** Kinds of bad values; {@code null} means "leave the member out". */
  private static String corrupt(String good, int kind, boolean isAddress) {
    String digits = good.substring(3, good.length() - 1); // inside "0x...": the hex digits
    switch (kind) {
      case 0: return null;
      case 1: return "null";
      case 2: return "12";
      case 3: return "true";
      case 4: return "\"0x\"";
      case 5: return "\"" + digits + "\""; // no 0x prefix
      case 6: return "\"0x" + digits.substring(0, digits.length() - 1) + "g\""; // a non-hex digit
      case 7: return isAddress ? "\"0x" + digits + "00\"" : "\"0x1" + "0".repeat(64) + "\""; // too long
      default: return isAddress ? "\"0x" + digits.substring(2) + "\"" : "\"0x0" + digits + "\""; // short / leading zero
    }
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 400)
  void authorizationListsRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int count,
      @ForAll boolean yParityAsV) throws IOException {
    Random rnd = new Random(seed);
    List<Authorization> expected = new ArrayList<>();
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Authorization x = authorization(rnd);
      expected.add(x);
      elements.add(object(AUTH_FIELDS, authValues(x, rnd), rnd, yParityAsV && rnd.nextBoolean()));
    }
    RpcTransaction t = readTx(transaction("[" + String.join(",", elements) + "]"));
    assertEquals(4, t.type());
    assertEquals(expected, t.authorizationList());
  }

  @Property(tries = 400)
  void withdrawalsRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 16) int count) throws IOException {
    Random rnd = new Random(seed);
    List<Withdrawal> expected = new ArrayList<>();
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Withdrawal w = withdrawal(rnd);
      expected.add(w);
      elements.add(object(WITHDRAWAL_FIELDS, withdrawalValues(w, rnd), rnd, false));
    }
    Block b = readBlock(block("[" + String.join(",", elements) + "]"));
    assertEquals(expected, b.withdrawals().orElseThrow());
  }

  @Property(tries = 400)
  void corruptedAuthorizationFieldNamesItsPath(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int count,
      @ForAll @IntRange(min = 0, max = 5) int field, @ForAll @IntRange(min = 0, max = 8) int kind) {
    Random rnd = new Random(seed);
    int bad = rnd.nextInt(count);
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] values = authValues(authorization(rnd), rnd);
      if (i == bad) {
        values[field] = corrupt(values[field], kind, field == 1);
      }
      elements.add(object(AUTH_FIELDS, values, rnd, false));
    }
    String json = transaction("[" + String.join(",", elements) + "]");
    TransportException e = assertThrows(TransportException.class, () -> readTx(json), json);
    String path = "/authorizationList/" + bad + "/" + AUTH_FIELDS[field];
    assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals(path, e.path().orElseThrow(), e.getMessage());
    assertTrue(e.getMessage().contains(path), e.getMessage());
  }

  @Property(tries = 400)
  void corruptedWithdrawalFieldNamesItsPath(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int count,
      @ForAll @IntRange(min = 0, max = 3) int field, @ForAll @IntRange(min = 0, max = 8) int kind) {
    Random rnd = new Random(seed);
    int bad = rnd.nextInt(count);
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] values = withdrawalValues(withdrawal(rnd), rnd);
      if (i == bad) {
        values[field] = corrupt(values[field], kind, field == 2);
      }
      elements.add(object(WITHDRAWAL_FIELDS, values, rnd, false));
    }
    String json = block("[" + String.join(",", elements) + "]");
    TransportException e = assertThrows(TransportException.class, () -> readBlock(json), json);
    String path = "/withdrawals/" + bad + "/" + WITHDRAWAL_FIELDS[field];
    assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals(path, e.path().orElseThrow(), e.getMessage());
  }
}
