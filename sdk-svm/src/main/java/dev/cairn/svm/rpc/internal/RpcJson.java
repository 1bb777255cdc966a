package dev.cairn.svm.rpc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.core.encoding.Base64;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.rpc.AccountFilter;
import dev.cairn.svm.rpc.AccountInfo;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.svm.rpc.KeyedAccount;
import dev.cairn.svm.rpc.LatestBlockhash;
import dev.cairn.svm.rpc.PrioritizationFee;
import dev.cairn.svm.rpc.ReturnData;
import dev.cairn.svm.rpc.SignatureStatus;
import dev.cairn.svm.rpc.SimulationResult;
import dev.cairn.svm.rpc.TokenAmount;
import dev.cairn.svm.rpc.TransactionDetails;
import dev.cairn.svm.rpc.TransactionMeta;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.ResultReader;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Strict readers of Solana JSON-RPC results on Jackson's streaming parser. Every problem is a
 * {@link TransportException} of kind {@code MALFORMED_RESPONSE} naming the JSON pointer of the value
 * (see {@link JsonValues}). Unknown members are skipped; required members must be present.
 */
public final class RpcJson {
  /** The node's limit on account filters (getProgramAccounts, programSubscribe). */
  public static final int MAX_FILTERS = 4;

  /**
   * An unmodifiable copy of {@code filters}, checked: not null, no null entry, at most {@link
   * #MAX_FILTERS}.
   *
   * @throws IllegalArgumentException naming {@code filters} when there are more
   */
  public static List<AccountFilter> checkFilters(List<AccountFilter> filters) {
    java.util.Objects.requireNonNull(filters, "filters");
    if (filters.size() > MAX_FILTERS) {
      throw new IllegalArgumentException("filters: at most " + MAX_FILTERS + " entries, got " + filters.size());
    }
    List<AccountFilter> out = new java.util.ArrayList<>(filters.size());
    for (int i = 0; i < filters.size(); i++) {
      out.add(java.util.Objects.requireNonNull(filters.get(i), "filters[" + i + "]"));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * Writes the {@code "filters"} member of a getProgramAccounts or programSubscribe configuration
   * object (dataSize, or memcmp with offset, bytes and their encoding); nothing when empty.
   */
  public static void writeFilters(com.fasterxml.jackson.core.JsonGenerator g, List<AccountFilter> filters)
      throws java.io.IOException {
    if (filters.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("filters");
    for (AccountFilter f : filters) {
      g.writeStartObject();
      if (f.isDataSize()) {
        g.writeNumberField("dataSize", f.dataSizeValue());
      } else {
        g.writeObjectFieldStart("memcmp");
        g.writeNumberField("offset", f.offset());
        g.writeStringField("bytes", f.encodedBytes());
        g.writeStringField("encoding", f.isBase64() ? "base64" : "base58");
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private RpcJson() {}

  /** A holder of a {@code {"context":{"slot":n},"value":...}} result. */
  public static final class Contextual<T> {
    /** The context slot (-1 when the node gave none). */
    public final long slot;
    /** The value. */
    public final T value;

    Contextual(long slot, T value) {
      this.slot = slot;
      this.value = value;
    }
  }

  /** Reads {@code {"context":{"slot":n},"value":V}}. */
  public static <T> Contextual<T> contextual(JsonParser p, ResultReader<T> value) throws IOException {
    JsonValues.expectObject(p);
    long slot = -1;
    T v = null;
    boolean seen = false;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      if (f.equals("context")) {
        slot = contextSlot(p);
      } else if (f.equals("value")) {
        v = value.read(p);
        seen = true;
      } else {
        JsonValues.skip(p);
      }
    }
    if (!seen) {
      throw JsonValues.missing(p, "value");
    }
    return new Contextual<>(slot, v);
  }

  /** The value of a contextual result. */
  public static <T> ResultReader<T> value(ResultReader<T> value) {
    return p -> contextual(p, value).value;
  }

  private static long contextSlot(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    long slot = -1;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      if (f.equals("slot")) {
        slot = u64(p);
      } else {
        JsonValues.skip(p);
      }
    }
    return slot;
  }

  /** A JSON integer in 0..2^64-1, returned as the bits of a long (unsigned). */
  public static long u64(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw JsonValues.malformed(p, "expected an unsigned integer, found " + JsonValues.describe(p.currentToken()));
    }
    JsonParser.NumberType t = p.getNumberType();
    if (t == JsonParser.NumberType.INT || t == JsonParser.NumberType.LONG) {
      long v = p.getLongValue();
      if (v < 0) {
        throw JsonValues.malformed(p, "expected an unsigned integer, found " + v);
      }
      return v;
    }
    BigInteger b = p.getBigIntegerValue();
    if (b.signum() < 0 || b.compareTo(U64_MAX) > 0) {
      throw JsonValues.malformed(p, "integer out of the u64 range: " + abbreviate(b.toString()));
    }
    return b.longValue();
  }

  /** A JSON integer in 0..Long.MAX_VALUE. */
  public static long nonNegative(JsonParser p) throws IOException {
    long v = u64(p);
    if (v < 0) {
      throw JsonValues.malformed(p, "integer too large: " + Long.toUnsignedString(v));
    }
    return v;
  }

  /** A u64 result (e.g. a balance) as a {@link Long}. */
  public static Long u64Value(JsonParser p) throws IOException {
    return u64(p);
  }

  /** A base58 address. */
  public static Pubkey pubkey(JsonParser p) throws IOException {
    String s = JsonValues.string(p);
    try {
      return Pubkey.fromBase58(s);
    } catch (RuntimeException e) {
      throw JsonValues.malformed(p, "not a base58 address: " + abbreviate(s));
    }
  }

  /** A base58 transaction signature (64 bytes). */
  public static String signature(JsonParser p) throws IOException {
    String s = JsonValues.string(p);
    byte[] b;
    try {
      b = dev.cairn.core.encoding.Base58.decode(s);
    } catch (RuntimeException e) {
      throw JsonValues.malformed(p, "not a base58 signature: " + abbreviate(s));
    }
    if (b.length != 64) {
      throw JsonValues.malformed(p, "a signature is 64 bytes, found " + b.length);
    }
    return s;
  }

  /** A blockhash in base58. */
  public static Blockhash blockhash(JsonParser p) throws IOException {
    String s = JsonValues.string(p);
    try {
      return Blockhash.fromBase58(s);
    } catch (RuntimeException e) {
      throw JsonValues.malformed(p, "not a base58 blockhash: " + abbreviate(s));
    }
  }

  /** {@code ["<base64>","base64"]}. */
  public static byte[] base64Pair(JsonParser p) throws IOException {
    JsonValues.expect(p, JsonToken.START_ARRAY, "an array [data, encoding]");
    p.nextToken();
    String data = JsonValues.string(p);
    String dataPath = JsonValues.path(p);
    p.nextToken();
    String enc = JsonValues.string(p);
    if (!enc.equals("base64")) {
      throw JsonValues.malformed(p, "expected the encoding \"base64\", found \"" + abbreviate(enc) + "\"");
    }
    byte[] bytes;
    try {
      bytes = Base64.decode(data);
    } catch (DecodingException e) {
      throw TransportException.malformed(null, dataPath, "data is not base64");
    }
    if (p.nextToken() != JsonToken.END_ARRAY) {
      throw JsonValues.malformed(p, "expected the end of [data, encoding], found " + JsonValues.describe(p.currentToken()));
    }
    return bytes;
  }

  /** A transaction error value (string or object). */
  public static TransactionError transactionError(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING && t != JsonToken.START_OBJECT) {
      throw JsonValues.malformed(p, "expected a transaction error (a string or an object), found " + JsonValues.describe(t));
    }
    String at = JsonValues.path(p);
    String raw = JsonValues.rawJson(p);
    try {
      return TransactionError.of(Json.parse(raw));
    } catch (RuntimeException e) {
      throw TransportException.malformed(null, at, "not a transaction error: " + e.getMessage());
    }
  }

  /** A transaction error or null. */
  public static TransactionError nullableError(JsonParser p) throws IOException {
    return JsonValues.isNull(p) ? null : transactionError(p);
  }

  /** Any JSON value as an sdk-core value. */
  public static JsonValue jsonValue(JsonParser p) throws IOException {
    String at = JsonValues.path(p);
    String raw = JsonValues.rawJson(p);
    try {
      return Json.parse(raw);
    } catch (RuntimeException e) {
      throw TransportException.malformed(null, at, e.getMessage());
    }
  }

  /** An account object, or null. */
  public static Optional<AccountInfo> nullableAccount(JsonParser p) throws IOException {
    return JsonValues.isNull(p) ? Optional.empty() : Optional.of(account(p));
  }

  /** An account object. */
  public static AccountInfo account(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    Long lamports = null;
    Pubkey owner = null;
    byte[] data = null;
    JsonValue parsed = null;
    Boolean executable = null;
    Long rentEpoch = null;
    long space = -1;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      switch (f) {
        case "lamports":
          lamports = u64(p);
          break;
        case "owner":
          owner = pubkey(p);
          break;
        case "data":
          if (p.currentToken() == JsonToken.START_ARRAY) {
            data = base64Pair(p);
          } else if (p.currentToken() == JsonToken.START_OBJECT) {
            parsed = jsonValue(p);
          } else {
            throw JsonValues.malformed(p, "expected [data, encoding] or parsed data, found " + JsonValues.describe(p.currentToken()));
          }
          break;
        case "executable":
          executable = JsonValues.bool(p);
          break;
        case "rentEpoch":
          rentEpoch = u64(p);
          break;
        case "space":
          space = u64(p);
          break;
        default:
          JsonValues.skip(p);
      }
    }
    if (lamports == null) {
      throw JsonValues.missing(p, "lamports");
    }
    if (owner == null) {
      throw JsonValues.missing(p, "owner");
    }
    if (data == null && parsed == null) {
      throw JsonValues.missing(p, "data");
    }
    if (executable == null) {
      throw JsonValues.missing(p, "executable");
    }
    long re = rentEpoch == null ? 0 : rentEpoch;
    if (parsed != null) {
      return AccountInfo.parsed(lamports, owner, parsed, executable, re, space < 0 ? 0 : space);
    }
    return AccountInfo.of(lamports, owner, data, executable, re);
  }

  /** {@code {"pubkey":..,"account":..}}. */
  public static KeyedAccount keyedAccount(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    Pubkey key = null;
    AccountInfo acc = null;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      if (f.equals("pubkey")) {
        key = pubkey(p);
      } else if (f.equals("account")) {
        acc = account(p);
      } else {
        JsonValues.skip(p);
      }
    }
    if (key == null) {
      throw JsonValues.missing(p, "pubkey");
    }
    if (acc == null) {
      throw JsonValues.missing(p, "account");
    }
    return KeyedAccount.of(key, acc);
  }

  /** A list of keyed accounts, bare or wrapped in a context. */
  public static List<KeyedAccount> keyedAccounts(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT) {
      return contextual(p, q -> JsonValues.list(q, RpcJson::keyedAccount)).value;
    }
    return JsonValues.list(p, RpcJson::keyedAccount);
  }

  /** {@code getLatestBlockhash}. */
  public static LatestBlockhash latestBlockhash(JsonParser p) throws IOException {
    Contextual<LatestBlockhash> c = contextual(p, q -> blockhashValue(q, -1));
    return LatestBlockhash.of(c.value.blockhash(), c.value.lastValidBlockHeight(), c.slot);
  }

  private static LatestBlockhash blockhashValue(JsonParser p, long slot) throws IOException {
    JsonValues.expectObject(p);
    Blockhash bh = null;
    long last = -1;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      if (f.equals("blockhash")) {
        bh = blockhash(p);
      } else if (f.equals("lastValidBlockHeight")) {
        last = nonNegative(p);
      } else {
        JsonValues.skip(p);
      }
    }
    if (bh == null) {
      throw JsonValues.missing(p, "blockhash");
    }
    if (last < 0) {
      throw JsonValues.missing(p, "lastValidBlockHeight");
    }
    return LatestBlockhash.of(bh, last, slot);
  }

  /** A token amount object ({@code amount} string, {@code decimals}). */
  public static TokenAmount tokenAmount(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    String amount = null;
    int decimals = -1;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      if (f.equals("amount")) {
        amount = JsonValues.string(p);
        if (amount.isEmpty() || amount.length() > 20 || !digits(amount)) {
          throw JsonValues.malformed(p, "amount is not a decimal u64: " + abbreviate(amount));
        }
      } else if (f.equals("decimals")) {
        long d = u64(p);
        if (d > 255) {
          throw JsonValues.malformed(p, "decimals out of range: " + d);
        }
        decimals = (int) d;
      } else {
        JsonValues.skip(p);
      }
    }
    if (amount == null) {
      throw JsonValues.missing(p, "amount");
    }
    if (decimals < 0) {
      throw JsonValues.missing(p, "decimals");
    }
    BigInteger a = new BigInteger(amount);
    if (a.compareTo(U64_MAX) > 0) {
      throw JsonValues.malformed(p, "amount exceeds u64: " + amount);
    }
    return TokenAmount.of(a, decimals);
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** One entry of {@code getSignatureStatuses}, or null. */
  public static Optional<SignatureStatus> signatureStatus(JsonParser p) throws IOException {
    if (JsonValues.isNull(p)) {
      return Optional.empty();
    }
    JsonValues.expectObject(p);
    long slot = -1;
    long confirmations = -1;
    TransactionError err = null;
    Commitment level = null;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      switch (f) {
        case "slot":
          slot = nonNegative(p);
          break;
        case "confirmations":
          confirmations = JsonValues.isNull(p) ? -1 : nonNegative(p);
          break;
        case "err":
          err = nullableError(p);
          break;
        case "confirmationStatus":
          if (!JsonValues.isNull(p)) {
            String s = JsonValues.string(p);
            level = Commitment.fromWireName(s).orElseThrow(
                () -> JsonValues.malformed(p, "unknown confirmation status \"" + abbreviate(s) + "\""));
          }
          break;
        default:
          JsonValues.skip(p);
      }
    }
    if (slot < 0) {
      throw JsonValues.missing(p, "slot");
    }
    return Optional.of(SignatureStatus.of(slot, confirmations, err, level));
  }

  /** {@code {"programId":..,"data":["..","base64"]}} or null. */
  public static ReturnData returnData(JsonParser p) throws IOException {
    if (JsonValues.isNull(p)) {
      return null;
    }
    JsonValues.expectObject(p);
    Pubkey program = null;
    byte[] data = null;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      if (f.equals("programId")) {
        program = pubkey(p);
      } else if (f.equals("data")) {
        data = base64Pair(p);
      } else {
        JsonValues.skip(p);
      }
    }
    if (program == null) {
      throw JsonValues.missing(p, "programId");
    }
    if (data == null) {
      throw JsonValues.missing(p, "data");
    }
    return ReturnData.of(program, data);
  }

  /** {@code simulateTransaction}. */
  public static SimulationResult simulation(JsonParser p) throws IOException {
    Contextual<SimulationResult> c = contextual(p, RpcJson::simulationValue);
    SimulationResult v = c.value;
    if (v == null) {
      throw TransportException.malformed(null, "/value", "expected an object, found null");
    }
    return SimulationResult.of(c.slot, v.err().orElse(null), v.logs(), v.unitsConsumed().orElse(-1), v.returnData().orElse(null),
        v.accounts(), v.replacementBlockhash().orElse(null));
  }

  private static SimulationResult simulationValue(JsonParser p) throws IOException {
    if (JsonValues.isNull(p)) {
      return null;
    }
    JsonValues.expectObject(p);
    TransactionError err = null;
    boolean errSeen = false;
    List<String> logs = List.of();
    long units = -1;
    ReturnData rd = null;
    List<Optional<AccountInfo>> accounts = List.of();
    LatestBlockhash replacement = null;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      switch (f) {
        case "err":
          err = nullableError(p);
          errSeen = true;
          break;
        case "logs":
          logs = JsonValues.isNull(p) ? List.of() : JsonValues.list(p, JsonValues::string);
          break;
        case "unitsConsumed":
          units = JsonValues.isNull(p) ? -1 : nonNegative(p);
          break;
        case "returnData":
          rd = returnData(p);
          break;
        case "accounts":
          accounts = JsonValues.isNull(p) ? List.of() : JsonValues.list(p, RpcJson::nullableAccount);
          break;
        case "replacementBlockhash":
          replacement = JsonValues.isNull(p) ? null : blockhashValue(p, -1);
          break;
        default:
          JsonValues.skip(p);
      }
    }
    if (!errSeen) {
      throw JsonValues.missing(p, "err");
    }
    return SimulationResult.of(-1, err, logs, units, rd, accounts, replacement);
  }

  /** {@code getRecentPrioritizationFees}. */
  public static List<PrioritizationFee> prioritizationFees(JsonParser p) throws IOException {
    return JsonValues.list(p, q -> {
      JsonValues.expectObject(q);
      long slot = -1;
      long fee = -1;
      for (String f; (f = JsonValues.nextField(q)) != null; ) {
        if (f.equals("slot")) {
          slot = nonNegative(q);
        } else if (f.equals("prioritizationFee")) {
          fee = nonNegative(q);
        } else {
          JsonValues.skip(q);
        }
      }
      if (slot < 0) {
        throw JsonValues.missing(q, "slot");
      }
      if (fee < 0) {
        throw JsonValues.missing(q, "prioritizationFee");
      }
      return PrioritizationFee.of(slot, fee);
    });
  }

  /** {@code getTransaction} with base64 encoding, or null. */
  public static Optional<TransactionDetails> transaction(JsonParser p) throws IOException {
    if (JsonValues.isNull(p)) {
      return Optional.empty();
    }
    JsonValues.expectObject(p);
    long slot = -1;
    Long blockTime = null;
    Transaction tx = null;
    TransactionMeta meta = null;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      switch (f) {
        case "slot":
          slot = nonNegative(p);
          break;
        case "blockTime":
          if (!JsonValues.isNull(p)) {
            blockTime = JsonValues.longValue(p);
          }
          break;
        case "transaction": {
          byte[] bytes = base64Pair(p);
          try {
            tx = Transaction.deserialize(bytes);
          } catch (RuntimeException e) {
            throw JsonValues.malformed(p, "not a valid transaction: " + e.getMessage());
          }
          break;
        }
        case "meta":
          meta = JsonValues.isNull(p) ? null : meta(p);
          break;
        default:
          JsonValues.skip(p);
      }
    }
    if (slot < 0) {
      throw JsonValues.missing(p, "slot");
    }
    if (tx == null) {
      throw JsonValues.missing(p, "transaction");
    }
    return Optional.of(TransactionDetails.of(slot, blockTime, tx, meta));
  }

  private static TransactionMeta meta(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    TransactionMeta.Builder b = TransactionMeta.builder();
    boolean fee = false;
    for (String f; (f = JsonValues.nextField(p)) != null; ) {
      switch (f) {
        case "err":
          b.err(nullableError(p));
          break;
        case "fee":
          b.fee(nonNegative(p));
          fee = true;
          break;
        case "preBalances":
          b.preBalances(JsonValues.list(p, RpcJson::u64Value));
          break;
        case "postBalances":
          b.postBalances(JsonValues.list(p, RpcJson::u64Value));
          break;
        case "logMessages":
          b.logMessages(JsonValues.isNull(p) ? List.of() : JsonValues.list(p, JsonValues::string));
          break;
        case "computeUnitsConsumed":
          b.computeUnitsConsumed(JsonValues.isNull(p) ? -1 : nonNegative(p));
          break;
        case "returnData":
          b.returnData(returnData(p));
          break;
        case "loadedAddresses":
          if (!JsonValues.isNull(p)) {
            JsonValues.expectObject(p);
            for (String g; (g = JsonValues.nextField(p)) != null; ) {
              if (g.equals("writable")) {
                b.loadedWritable(JsonValues.list(p, RpcJson::pubkey));
              } else if (g.equals("readonly")) {
                b.loadedReadonly(JsonValues.list(p, RpcJson::pubkey));
              } else {
                JsonValues.skip(p);
              }
            }
          }
          break;
        default:
          JsonValues.skip(p);
      }
    }
    if (!fee) {
      throw JsonValues.missing(p, "fee");
    }
    return b.build();
  }

  /** A JSON string result. */
  public static String string(JsonParser p) throws IOException {
    return JsonValues.string(p);
  }

  /** A nullable u64 (getFeeForMessage). */
  public static Long nullableU64(JsonParser p) throws IOException {
    return JsonValues.isNull(p) ? null : u64(p);
  }

  /** An immutable list, nulls allowed per element reader. */
  public static <T> List<T> unmodifiable(List<T> l) {
    return Collections.unmodifiableList(new ArrayList<>(l));
  }

  static String abbreviate(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }
}
