package dev.cairn.cosmos.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.core.encoding.Base64;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.client.TxEvent;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Strict readers for the JSON of the Cosmos REST gateway and CometBFT RPC. Every problem is a
 * {@link TransportException} of kind {@code MALFORMED_RESPONSE} whose path is the JSON pointer of
 * the offending value.
 */
public final class Readers {
  private Readers() {}

  /**
   * A 64-bit integer rendered as a decimal string (proto3 JSON and CometBFT render int64 and
   * uint64 as strings); a JSON integer is accepted too. Must be non-negative.
   */
  public static long int64(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      long v = JsonValues.longValue(p);
      if (v < 0) {
        throw JsonValues.malformed(p, "must not be negative");
      }
      return v;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw JsonValues.malformed(p, "expected a decimal integer string, found " + JsonValues.describe(t));
    }
    String s = p.getText();
    if (s.isEmpty() || s.length() > 19) {
      throw JsonValues.malformed(p, "expected 1 to 19 decimal digits");
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw JsonValues.malformed(p, "not a decimal digit at offset " + i);
      }
      v = v * 10 + (c - '0');
      if (v < 0) {
        throw JsonValues.malformed(p, "exceeds 2^63-1");
      }
    }
    return v;
  }

  /** A uint64 decimal string; values above 2^63-1 give {@link Long#MAX_VALUE}. */
  public static long uint64Saturated(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      String s = p.getText();
      if (s.length() >= 19 && s.length() <= 20) {
        boolean digits = true;
        for (int i = 0; i < s.length() && digits; i++) {
          digits = s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }
        if (digits && new java.math.BigInteger(s).compareTo(BigInteger64.MAX_UINT64) <= 0
            && new java.math.BigInteger(s).compareTo(BigInteger64.MAX_INT64) > 0) {
          return Long.MAX_VALUE;
        }
      }
    }
    return int64(p);
  }

  private static final class BigInteger64 {
    static final java.math.BigInteger MAX_INT64 = java.math.BigInteger.valueOf(Long.MAX_VALUE);
    static final java.math.BigInteger MAX_UINT64 = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
  }

  /** An ABCI code: a JSON integer (or a decimal string) in 0..2^32-1. */
  public static long code(JsonParser p) throws IOException {
    long v = int64(p);
    if (v > 0xFFFFFFFFL) {
      throw JsonValues.malformed(p, "code exceeds 2^32-1");
    }
    return v;
  }

  /** A string, or {@code ""} for JSON null. */
  public static String stringOrEmpty(JsonParser p) throws IOException {
    return JsonValues.isNull(p) ? "" : JsonValues.string(p);
  }

  /** Standard base64 (padding required, as Go renders {@code []byte}); {@code null}/empty give empty bytes. */
  public static byte[] base64(JsonParser p) throws IOException {
    if (JsonValues.isNull(p)) {
      return new byte[0];
    }
    String s = JsonValues.string(p);
    try {
      return Base64.decode(s);
    } catch (DecodingException e) {
      throw JsonValues.malformed(p, "invalid base64: " + e.getMessage());
    }
  }

  /** Upper-case hex of even length ({@code ""} allowed). */
  public static String hexUpper(JsonParser p) throws IOException {
    String s = JsonValues.string(p);
    if ((s.length() & 1) != 0) {
      throw JsonValues.malformed(p, "hex of odd length");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        throw JsonValues.malformed(p, "not a hex digit at offset " + i);
      }
    }
    return s.toUpperCase(java.util.Locale.ROOT);
  }

  /** A {@code {denom, amount}} coin. */
  public static Coin coin(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    String denom = null;
    String amount = null;
    String f;
    while ((f = JsonValues.nextField(p)) != null) {
      if (f.equals("denom")) {
        denom = JsonValues.string(p);
      } else if (f.equals("amount")) {
        amount = JsonValues.string(p);
      } else {
        JsonValues.skip(p);
      }
    }
    if (denom == null) {
      throw JsonValues.missing(p, "denom");
    }
    if (amount == null) {
      throw JsonValues.missing(p, "amount");
    }
    try {
      return Coin.parse(denom, amount);
    } catch (CosmosException e) {
      throw JsonValues.malformed(p, e.getMessage());
    }
  }

  /** A list of coins ({@code null} is empty). */
  public static List<Coin> coins(JsonParser p) throws IOException {
    if (JsonValues.isNull(p)) {
      return Collections.emptyList();
    }
    return JsonValues.list(p, Readers::coin);
  }

  /** ABCI events: {@code [{type, attributes: [{key, value, index}]}]}; {@code null} is empty. */
  public static List<TxEvent> events(JsonParser p) throws IOException {
    if (JsonValues.isNull(p)) {
      return Collections.emptyList();
    }
    return JsonValues.list(p, Readers::event);
  }

  static TxEvent event(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    String type = null;
    List<TxEvent.Attribute> attrs = Collections.emptyList();
    String f;
    while ((f = JsonValues.nextField(p)) != null) {
      if (f.equals("type")) {
        type = JsonValues.string(p);
      } else if (f.equals("attributes")) {
        attrs = JsonValues.isNull(p) ? Collections.emptyList() : JsonValues.list(p, Readers::attribute);
      } else {
        JsonValues.skip(p);
      }
    }
    if (type == null) {
      throw JsonValues.missing(p, "type");
    }
    return TxEvent.of(type, attrs);
  }

  static TxEvent.Attribute attribute(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    String key = null;
    String value = "";
    boolean index = false;
    String f;
    while ((f = JsonValues.nextField(p)) != null) {
      if (f.equals("key")) {
        key = stringOrEmpty(p);
      } else if (f.equals("value")) {
        value = stringOrEmpty(p);
      } else if (f.equals("index")) {
        index = JsonValues.bool(p);
      } else {
        JsonValues.skip(p);
      }
    }
    if (key == null) {
      throw JsonValues.missing(p, "key");
    }
    return TxEvent.Attribute.of(key, value, index);
  }

  /** Reads the member list of an object into the given handler; see {@link FieldHandler}. */
  public interface FieldHandler {
    /** Reads the value of field {@code name} (the parser is on its first token); return false to skip it. */
    boolean read(String name, JsonParser p) throws IOException;
  }

  /** Walks an object, giving each member to {@code h} and skipping the ones it does not take. */
  public static void object(JsonParser p, FieldHandler h) throws IOException {
    JsonValues.expectObject(p);
    String f;
    while ((f = JsonValues.nextField(p)) != null) {
      if (!h.read(f, p)) {
        JsonValues.skip(p);
      }
    }
  }

  /** A malformed-response error for a missing member {@code field} of the object the parser just closed. */
  public static TransportException missing(JsonParser p, String field) {
    return JsonValues.missing(p, field);
  }

  /** Upper-case hex SHA-256 of {@code tx}: the Cosmos transaction hash. */
  public static String txHash(byte[] tx) {
    try {
      return dev.cairn.core.encoding.Hex.encode(MessageDigest.getInstance("SHA-256").digest(tx))
          .toUpperCase(java.util.Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** A list of things read with {@code r}, or empty for null. */
  public static <T> List<T> listOrEmpty(JsonParser p, dev.cairn.transport.ResultReader<T> r) throws IOException {
    if (JsonValues.isNull(p)) {
      return Collections.emptyList();
    }
    return JsonValues.list(p, r);
  }

  /** A mutable list for accumulating. */
  public static <T> List<T> newList() {
    return new ArrayList<>();
  }
}
