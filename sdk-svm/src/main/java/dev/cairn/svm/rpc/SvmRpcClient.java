package dev.cairn.svm.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Base64;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.AddressLookupTableProgram;
import dev.cairn.svm.rpc.internal.RpcJson;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.transport.HttpChannelKind;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.ParamsWriter;
import dev.cairn.transport.ResultReader;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.RpcBatch;
import dev.cairn.transport.RpcCall;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.OkHttpClient;

/**
 * A Solana JSON-RPC client: the Solana layer (method names, parameter encodings, typed immutable
 * results) over sdk-transport's {@link JsonRpcClient}, which does the HTTP, batching, retries,
 * size limits and typed failures. Needs {@code dev.cairn:sdk-transport} on the class path (an
 * optional dependency of sdk-svm: offline building and signing does not need it). Each method
 * returns an {@link RpcCall}: {@code send()} blocks, {@code sendAsync()} returns a future, and calls
 * can be grouped in an {@link #newBatch() explicit batch} or coalesced ({@link Builder#autoBatch}).
 * Reads are retried per the {@link RetryPolicy}; {@code sendTransaction} and {@code requestAirdrop}
 * only when nothing was sent.
 *
 * <p>Every failure is a {@link TransportException} (one hierarchy, as for the EVM client): the
 * node's JSON-RPC errors are {@code RPC_ERROR} with the code and the raw {@code data} ({@link
 * SvmRpcErrors} reads a preflight failure's transaction error and logs and maps it to a {@code
 * ChainError}); a response of the wrong shape is {@code MALFORMED_RESPONSE} naming the JSON
 * pointer of the offending value (e.g. {@code /value/lamports}).
 *
 * <p>Commitment: methods without a {@link Commitment} use the client's ({@link
 * Builder#commitment}; when none is set the parameter is omitted and the node's default,
 * finalized, applies). The channel is chosen by endpoint as for every Cairn JSON-RPC client: plain
 * {@code http://} to a loopback, private or link-local host gets the pipelined HTTP/1.1 channel,
 * other endpoints OkHttp.
 *
 * <pre>{@code
 * try (SvmRpcClient rpc = SvmRpcClient.builder("http://127.0.0.1:8899").commitment(Commitment.CONFIRMED).build()) {
 *   LatestBlockhash bh = rpc.getLatestBlockhash().send();
 *   long lamports = rpc.getBalance(owner).send();
 *   String signature = rpc.sendTransaction(signedTx).send();
 * }
 * }</pre>
 *
 * Thread-safe; share one instance per endpoint.
 */
public final class SvmRpcClient implements AutoCloseable {
  /** The most addresses {@code getMultipleAccounts} takes. */
  public static final int MAX_MULTIPLE_ACCOUNTS = 100;
  /** The most signatures {@code getSignatureStatuses} takes. */
  public static final int MAX_SIGNATURE_STATUSES = 256;
  /** The most addresses {@code getRecentPrioritizationFees} takes. */
  public static final int MAX_PRIORITIZATION_ADDRESSES = 128;

  private final JsonRpcClient rpc;
  private final Commitment commitment;

  private SvmRpcClient(Builder b) {
    this.rpc = b.rpc.build();
    this.commitment = b.commitment;
  }

  /** A client for {@code url} with the defaults. */
  public static SvmRpcClient create(String url) {
    return builder(url).build();
  }

  /**
   * A builder for a client of {@code url} ({@code http://} or {@code https://}).
   *
   * @throws IllegalArgumentException if the URL is not a valid HTTP(S) URL
   */
  public static Builder builder(String url) {
    return new Builder(JsonRpcClient.builder(url));
  }

  /** The endpoint. */
  public String url() {
    return rpc.url();
  }

  /** The default timeout of a call (retries included). */
  public Duration timeout() {
    return rpc.timeout();
  }

  /** The channel in use. */
  public HttpChannelKind channel() {
    return rpc.channel();
  }

  /** The client's commitment, if set. */
  public Optional<Commitment> commitment() {
    return Optional.ofNullable(commitment);
  }

  /** The chain-neutral JSON-RPC client underneath (for methods this class does not wrap). */
  public JsonRpcClient transport() {
    return rpc;
  }

  /** The OkHttp client in use (e.g. to open WebSockets with the same pool). */
  public OkHttpClient okHttpClient() {
    return rpc.okHttpClient();
  }

  // ------------------------------------------------------------------ generic

  /** A call of any method; see {@link JsonRpcClient#call}. */
  public <T> RpcCall<T> call(String method, ParamsWriter params, ResultReader<T> reader, boolean idempotent) {
    return rpc.call(method, params, reader, idempotent);
  }

  /** A call with the parameters as JSON text, returning the result as compact JSON text. */
  public RpcCall<String> rawCall(String method, String paramsJsonArray, boolean idempotent) {
    return rpc.rawCall(method, paramsJsonArray, idempotent);
  }

  /** A new, empty explicit batch. */
  public RpcBatch newBatch() {
    return rpc.newBatch();
  }

  // ------------------------------------------------------------------ cluster

  /** {@code getLatestBlockhash} at the client's commitment. */
  public RpcCall<LatestBlockhash> getLatestBlockhash() {
    return getLatestBlockhash(commitment);
  }

  /** {@code getLatestBlockhash}: a blockhash and its {@code lastValidBlockHeight}. */
  public RpcCall<LatestBlockhash> getLatestBlockhash(Commitment c) {
    return call("getLatestBlockhash", g -> config(g, c), RpcJson::latestBlockhash, true);
  }

  /** {@code isBlockhashValid}. */
  public RpcCall<Boolean> isBlockhashValid(Blockhash blockhash, Commitment c) {
    Objects.requireNonNull(blockhash, "blockhash");
    return call("isBlockhashValid", g -> {
      g.writeString(blockhash.toBase58());
      config(g, c);
    }, RpcJson.value(p -> JsonValues.bool(p)), true);
  }

  /** {@code getBlockHeight} at the client's commitment. */
  public RpcCall<Long> getBlockHeight() {
    return getBlockHeight(commitment);
  }

  /** {@code getBlockHeight}. */
  public RpcCall<Long> getBlockHeight(Commitment c) {
    return call("getBlockHeight", g -> config(g, c), RpcJson::u64Value, true);
  }

  /** {@code getSlot} at the client's commitment. */
  public RpcCall<Long> getSlot() {
    return getSlot(commitment);
  }

  /** {@code getSlot}. */
  public RpcCall<Long> getSlot(Commitment c) {
    return call("getSlot", g -> config(g, c), RpcJson::u64Value, true);
  }

  /** {@code getVersion}: the node's {@code solana-core} version. */
  public RpcCall<String> getVersion() {
    return call("getVersion", ParamsWriter.NONE, p -> {
      JsonValues.expectObject(p);
      String v = null;
      for (String f; (f = JsonValues.nextField(p)) != null; ) {
        if (f.equals("solana-core")) {
          v = JsonValues.string(p);
        } else {
          JsonValues.skip(p);
        }
      }
      if (v == null) {
        throw JsonValues.missing(p, "solana-core");
      }
      return v;
    }, true);
  }

  /** {@code getHealth}: {@code "ok"} when healthy (an unhealthy node answers with error -32005). */
  public RpcCall<String> getHealth() {
    return call("getHealth", ParamsWriter.NONE, RpcJson::string, true);
  }

  /** {@code getGenesisHash}: the cluster's genesis hash (base58), which identifies it. */
  public RpcCall<String> getGenesisHash() {
    return call("getGenesisHash", ParamsWriter.NONE, RpcJson::string, true);
  }

  /** {@code getMinimumBalanceForRentExemption}: lamports for an account of {@code dataLength} bytes to be rent-exempt. */
  public RpcCall<Long> getMinimumBalanceForRentExemption(long dataLength) {
    if (dataLength < 0) {
      throw new IllegalArgumentException("dataLength: must not be negative, got " + dataLength);
    }
    return call("getMinimumBalanceForRentExemption", g -> {
      g.writeNumber(dataLength);
      config(g, commitment);
    }, RpcJson::u64Value, true);
  }

  /**
   * {@code getRecentPrioritizationFees}: the lowest compute-unit price per recent slot among
   * transactions that write-lock all of {@code writableAccounts} (every transaction when empty).
   */
  public RpcCall<List<PrioritizationFee>> getRecentPrioritizationFees(List<Pubkey> writableAccounts) {
    List<Pubkey> keys = copy("writableAccounts", writableAccounts, MAX_PRIORITIZATION_ADDRESSES);
    return call("getRecentPrioritizationFees", g -> {
      if (!keys.isEmpty()) {
        writeKeys(g, keys);
      }
    }, RpcJson::prioritizationFees, true);
  }

  /** {@code getFeeForMessage} at the client's commitment. */
  public RpcCall<OptionalLong> getFeeForMessage(Message message) {
    return getFeeForMessage(message, commitment);
  }

  /** {@code getFeeForMessage}: the fee in lamports, empty when the message's blockhash has expired. */
  public RpcCall<OptionalLong> getFeeForMessage(Message message, Commitment c) {
    Objects.requireNonNull(message, "message");
    String b64 = Base64.encode(message.serialize());
    return call("getFeeForMessage", g -> {
      g.writeString(b64);
      config(g, c);
    }, RpcJson.value(p -> {
      Long v = RpcJson.nullableU64(p);
      return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }), true);
  }

  // ------------------------------------------------------------------ accounts

  /** {@code getBalance} at the client's commitment. */
  public RpcCall<Long> getBalance(Pubkey address) {
    return getBalance(address, commitment);
  }

  /** {@code getBalance}: lamports. */
  public RpcCall<Long> getBalance(Pubkey address, Commitment c) {
    Objects.requireNonNull(address, "address");
    return call("getBalance", g -> {
      g.writeString(address.toBase58());
      config(g, c);
    }, RpcJson.value(RpcJson::u64Value), true);
  }

  /** {@code getAccountInfo} (base64) at the client's commitment; empty when the account does not exist. */
  public RpcCall<Optional<AccountInfo>> getAccountInfo(Pubkey address) {
    return getAccountInfo(address, AccountEncoding.BASE64, commitment);
  }

  /** {@code getAccountInfo}; empty when the account does not exist. */
  public RpcCall<Optional<AccountInfo>> getAccountInfo(Pubkey address, AccountEncoding encoding, Commitment c) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(encoding, "encoding");
    return call("getAccountInfo", g -> {
      g.writeString(address.toBase58());
      accountConfig(g, encoding, c);
    }, RpcJson.value(RpcJson::nullableAccount), true);
  }

  /** {@code getMultipleAccounts} (base64) at the client's commitment. */
  public RpcCall<List<Optional<AccountInfo>>> getMultipleAccounts(List<Pubkey> addresses) {
    return getMultipleAccounts(addresses, AccountEncoding.BASE64, commitment);
  }

  /** {@code getMultipleAccounts}: up to {@value #MAX_MULTIPLE_ACCOUNTS} accounts, in request order. */
  public RpcCall<List<Optional<AccountInfo>>> getMultipleAccounts(List<Pubkey> addresses, AccountEncoding encoding,
      Commitment c) {
    List<Pubkey> keys = copy("addresses", addresses, MAX_MULTIPLE_ACCOUNTS);
    Objects.requireNonNull(encoding, "encoding");
    return call("getMultipleAccounts", g -> {
      writeKeys(g, keys);
      accountConfig(g, encoding, c);
    }, RpcJson.value(p -> {
      List<Optional<AccountInfo>> list = JsonValues.list(p, RpcJson::nullableAccount);
      if (list.size() != keys.size()) {
        throw JsonValues.malformed(p, "expected " + keys.size() + " accounts, found " + list.size());
      }
      return list;
    }), true);
  }

  /** {@code getProgramAccounts} (base64) at the client's commitment. */
  public RpcCall<List<KeyedAccount>> getProgramAccounts(Pubkey programId, List<AccountFilter> filters) {
    return getProgramAccounts(programId, filters, AccountEncoding.BASE64, commitment);
  }

  /** {@code getProgramAccounts}: the accounts owned by {@code programId} that pass every filter. */
  public RpcCall<List<KeyedAccount>> getProgramAccounts(Pubkey programId, List<AccountFilter> filters, AccountEncoding encoding,
      Commitment c) {
    Objects.requireNonNull(programId, "programId");
    Objects.requireNonNull(encoding, "encoding");
    List<AccountFilter> fs = RpcJson.checkFilters(filters);
    return call("getProgramAccounts", g -> {
      g.writeString(programId.toBase58());
      g.writeStartObject();
      g.writeStringField("encoding", encoding.wireName());
      if (c != null) {
        g.writeStringField("commitment", c.wireName());
      }
      RpcJson.writeFilters(g, fs);
      g.writeEndObject();
    }, RpcJson::keyedAccounts, true);
  }

  /** {@code getTokenAccountsByOwner} (base64) at the client's commitment. */
  public RpcCall<List<KeyedAccount>> getTokenAccountsByOwner(Pubkey owner, TokenAccountsFilter filter) {
    return getTokenAccountsByOwner(owner, filter, AccountEncoding.BASE64, commitment);
  }

  /** {@code getTokenAccountsByOwner}: the owner's token accounts of one mint or one token program. */
  public RpcCall<List<KeyedAccount>> getTokenAccountsByOwner(Pubkey owner, TokenAccountsFilter filter, AccountEncoding encoding,
      Commitment c) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(encoding, "encoding");
    return call("getTokenAccountsByOwner", g -> {
      g.writeString(owner.toBase58());
      g.writeStartObject();
      g.writeStringField(filter.isMint() ? "mint" : "programId", filter.key().toBase58());
      g.writeEndObject();
      accountConfig(g, encoding, c);
    }, RpcJson.value(p -> JsonValues.list(p, RpcJson::keyedAccount)), true);
  }

  /** {@code getTokenAccountBalance} at the client's commitment. */
  public RpcCall<TokenAmount> getTokenAccountBalance(Pubkey tokenAccount) {
    return getTokenAccountBalance(tokenAccount, commitment);
  }

  /** {@code getTokenAccountBalance}: the raw amount and the mint's decimals. */
  public RpcCall<TokenAmount> getTokenAccountBalance(Pubkey tokenAccount, Commitment c) {
    Objects.requireNonNull(tokenAccount, "tokenAccount");
    return call("getTokenAccountBalance", g -> {
      g.writeString(tokenAccount.toBase58());
      config(g, c);
    }, RpcJson.value(RpcJson::tokenAmount), true);
  }

  /** An address lookup table at the client's commitment; see {@link #getAddressLookupTable(Pubkey, Commitment)}. */
  public RpcCall<Optional<LookupTableAccount>> getAddressLookupTable(Pubkey table) {
    return getAddressLookupTable(table, commitment);
  }

  /**
   * An address lookup table's state ({@code getAccountInfo} of the table, decoded); empty when the
   * account does not exist. An account not owned by the Address Lookup Table program, or whose data
   * is not a table, fails as {@code MALFORMED_RESPONSE} naming {@code /value}.
   */
  public RpcCall<Optional<LookupTableAccount>> getAddressLookupTable(Pubkey table, Commitment c) {
    Objects.requireNonNull(table, "table");
    return call("getAccountInfo", g -> {
      g.writeString(table.toBase58());
      accountConfig(g, AccountEncoding.BASE64, c);
    }, RpcJson.value(p -> {
      Optional<AccountInfo> a = RpcJson.nullableAccount(p);
      if (a.isEmpty()) {
        return Optional.<LookupTableAccount>empty();
      }
      if (!a.get().owner().equals(AddressLookupTableProgram.PROGRAM_ID)) {
        throw JsonValues.malformed(p, "account " + table + " is owned by " + a.get().owner() + ", not the Address Lookup Table program");
      }
      try {
        return Optional.of(LookupTableAccount.decode(table, a.get().data()));
      } catch (RuntimeException e) {
        throw JsonValues.malformed(p, e.getMessage());
      }
    }), true);
  }

  // ------------------------------------------------------------------ transactions

  /** {@code getSignatureStatuses} from the node's recent status cache. */
  public RpcCall<List<Optional<SignatureStatus>>> getSignatureStatuses(List<String> signatures) {
    return getSignatureStatuses(signatures, false);
  }

  /**
   * {@code getSignatureStatuses}: up to {@value #MAX_SIGNATURE_STATUSES} base58 signatures, in
   * request order; empty entries are unknown to the node.
   *
   * @param searchTransactionHistory also search the ledger beyond the recent status cache
   */
  public RpcCall<List<Optional<SignatureStatus>>> getSignatureStatuses(List<String> signatures, boolean searchTransactionHistory) {
    Objects.requireNonNull(signatures, "signatures");
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURE_STATUSES) {
      throw new IllegalArgumentException("signatures: 1.." + MAX_SIGNATURE_STATUSES + " signatures, got " + signatures.size());
    }
    List<String> sigs = new ArrayList<>(signatures.size());
    for (int i = 0; i < signatures.size(); i++) {
      sigs.add(checkSignature("signatures[" + i + "]", signatures.get(i)));
    }
    return call("getSignatureStatuses", g -> {
      g.writeStartArray();
      for (String s : sigs) {
        g.writeString(s);
      }
      g.writeEndArray();
      if (searchTransactionHistory) {
        g.writeStartObject();
        g.writeBooleanField("searchTransactionHistory", true);
        g.writeEndObject();
      }
    }, RpcJson.value(p -> {
      List<Optional<SignatureStatus>> list = JsonValues.list(p, RpcJson::signatureStatus);
      if (list.size() != sigs.size()) {
        throw JsonValues.malformed(p, "expected " + sigs.size() + " statuses, found " + list.size());
      }
      return list;
    }), true);
  }

  /** {@code getTransaction} at the client's commitment. */
  public RpcCall<Optional<TransactionDetails>> getTransaction(String signature) {
    return getTransaction(signature, commitment);
  }

  /**
   * {@code getTransaction} (base64, legacy and v0); empty when the node does not know it. The
   * commitment must be confirmed or finalized (the node refuses processed).
   */
  public RpcCall<Optional<TransactionDetails>> getTransaction(String signature, Commitment c) {
    String sig = checkSignature("signature", signature);
    if (c == Commitment.PROCESSED) {
      throw new IllegalArgumentException("commitment: getTransaction takes confirmed or finalized, not processed");
    }
    return call("getTransaction", g -> {
      g.writeString(sig);
      g.writeStartObject();
      g.writeStringField("encoding", "base64");
      g.writeNumberField("maxSupportedTransactionVersion", 0);
      if (c != null) {
        g.writeStringField("commitment", c.wireName());
      }
      g.writeEndObject();
    }, RpcJson::transaction, true);
  }

  /** {@code sendTransaction} with the default options (preflight on). */
  public RpcCall<String> sendTransaction(Transaction transaction) {
    return sendTransaction(transaction, SendOptions.defaults());
  }

  /**
   * {@code sendTransaction} of a fully signed transaction (base64): returns its signature, checked to
   * be the transaction's id. The node's preflight failure is a {@code RPC_ERROR} -32002 whose data
   * holds the transaction error and logs ({@link SvmRpcErrors}).
   *
   * @throws dev.cairn.svm.SvmException (MISSING_SIGNATURE) when a signature is missing
   */
  public RpcCall<String> sendTransaction(Transaction transaction, SendOptions options) {
    Objects.requireNonNull(transaction, "transaction");
    transaction.requireFullySigned();
    String id = transaction.id();
    byte[] wire = transaction.serialize();
    return send(wire, options, id);
  }

  /** {@code sendTransaction} of wire bytes as they are (e.g. signed elsewhere); returns the node's signature. */
  public RpcCall<String> sendRawTransaction(byte[] wire, SendOptions options) {
    Objects.requireNonNull(wire, "wire");
    return send(wire.clone(), options, null);
  }

  private RpcCall<String> send(byte[] wire, SendOptions options, String expected) {
    Objects.requireNonNull(options, "options");
    String b64 = Base64.encode(wire);
    Commitment preflight = options.preflightCommitment().orElse(commitment);
    return call("sendTransaction", g -> {
      g.writeString(b64);
      g.writeStartObject();
      g.writeStringField("encoding", "base64");
      g.writeBooleanField("skipPreflight", options.isSkipPreflight());
      if (preflight != null) {
        g.writeStringField("preflightCommitment", preflight.wireName());
      }
      if (options.maxRetries().isPresent()) {
        g.writeNumberField("maxRetries", options.maxRetries().getAsInt());
      }
      if (options.minContextSlot().isPresent()) {
        g.writeNumberField("minContextSlot", options.minContextSlot().getAsLong());
      }
      g.writeEndObject();
    }, p -> {
      String sig = RpcJson.signature(p);
      if (expected != null && !expected.equals(sig)) {
        throw JsonValues.malformed(p, "the node returned signature " + sig + " for transaction " + expected);
      }
      return sig;
    }, false);
  }

  /** {@code simulateTransaction} with the default options. */
  public RpcCall<SimulationResult> simulateTransaction(Transaction transaction) {
    return simulateTransaction(transaction, SimulateOptions.defaults());
  }

  /**
   * {@code simulateTransaction} (signatures may be missing unless {@link SimulateOptions#sigVerify});
   * the logs, compute units, return data and error it would end with.
   */
  public RpcCall<SimulationResult> simulateTransaction(Transaction transaction, SimulateOptions options) {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(options, "options");
    if (options.isSigVerify() && options.isReplaceRecentBlockhash()) {
      throw new IllegalArgumentException("options: sigVerify and replaceRecentBlockhash exclude each other");
    }
    String b64 = Base64.encode(transaction.serialize());
    Commitment c = options.commitment().orElse(commitment);
    int accountCount = options.accounts().size();
    return call("simulateTransaction", g -> {
      g.writeString(b64);
      g.writeStartObject();
      g.writeStringField("encoding", "base64");
      g.writeBooleanField("sigVerify", options.isSigVerify());
      g.writeBooleanField("replaceRecentBlockhash", options.isReplaceRecentBlockhash());
      if (c != null) {
        g.writeStringField("commitment", c.wireName());
      }
      if (options.isInnerInstructions()) {
        g.writeBooleanField("innerInstructions", true);
      }
      if (accountCount > 0) {
        g.writeObjectFieldStart("accounts");
        g.writeStringField("encoding", "base64");
        g.writeArrayFieldStart("addresses");
        for (Pubkey k : options.accounts()) {
          g.writeString(k.toBase58());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    }, p -> {
      SimulationResult r = RpcJson.simulation(p);
      if (accountCount > 0 && r.accounts().size() != accountCount) {
        throw JsonValues.malformed(p, "expected " + accountCount + " accounts, found " + r.accounts().size());
      }
      return r;
    }, true);
  }

  /** {@code requestAirdrop} (test clusters only): returns the airdrop transaction's signature. */
  public RpcCall<String> requestAirdrop(Pubkey to, long lamports) {
    Objects.requireNonNull(to, "to");
    if (lamports <= 0) {
      throw new IllegalArgumentException("lamports: must be positive, got " + lamports);
    }
    return call("requestAirdrop", g -> {
      g.writeString(to.toBase58());
      g.writeNumber(lamports);
      config(g, commitment);
    }, RpcJson::signature, false);
  }

  @Override
  public void close() {
    rpc.close();
  }

  @Override
  public String toString() {
    return "SvmRpcClient[" + url() + (commitment == null ? "" : ", " + commitment.wireName()) + "]";
  }

  // ------------------------------------------------------------------ helpers

  private static void config(JsonGenerator g, Commitment c) throws IOException {
    if (c != null) {
      g.writeStartObject();
      g.writeStringField("commitment", c.wireName());
      g.writeEndObject();
    }
  }

  private static void accountConfig(JsonGenerator g, AccountEncoding encoding, Commitment c) throws IOException {
    g.writeStartObject();
    g.writeStringField("encoding", encoding.wireName());
    if (c != null) {
      g.writeStringField("commitment", c.wireName());
    }
    g.writeEndObject();
  }

  private static void writeKeys(JsonGenerator g, List<Pubkey> keys) throws IOException {
    g.writeStartArray();
    for (Pubkey k : keys) {
      g.writeString(k.toBase58());
    }
    g.writeEndArray();
  }

  private static <T> List<T> copy(String field, List<T> list, int max) {
    Objects.requireNonNull(list, field);
    if (list.size() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " entries, got " + list.size());
    }
    List<T> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(Objects.requireNonNull(list.get(i), field + "[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  private static String checkSignature(String field, String signature) {
    Objects.requireNonNull(signature, field);
    byte[] b;
    try {
      b = Base58.decode(field, signature);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + ": not base58: " + e.getMessage(), e);
    }
    if (b.length != Transaction.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException(field + ": a signature is 64 bytes, got " + b.length);
    }
    return signature;
  }

  /** Options of a {@link SvmRpcClient}. */
  public static final class Builder {
    private final JsonRpcClient.Builder rpc;
    private Commitment commitment;

    private Builder(JsonRpcClient.Builder rpc) {
      this.rpc = rpc;
    }

    /** The commitment of calls that take none (default: omitted, the node's default, finalized). */
    public Builder commitment(Commitment c) {
      this.commitment = Objects.requireNonNull(c, "commitment");
      return this;
    }

    /** Uses this OkHttp client (and OkHttp as the channel). */
    public Builder okHttpClient(OkHttpClient client) {
      rpc.okHttpClient(client);
      return this;
    }

    /** Uses OkHttp whatever the endpoint. */
    public Builder okHttp() {
      rpc.okHttp();
      return this;
    }

    /** Uses the pipelined HTTP/1.1 channel with {@code connections} connections whatever the endpoint. */
    public Builder pipelinedHttp1(int connections) {
      rpc.pipelinedHttp1(connections);
      return this;
    }

    /** Adds a header to every request (e.g. an API key). */
    public Builder header(String name, String value) {
      rpc.header(name, value);
      return this;
    }

    /** The default timeout of a call, retries included (default 30 s). */
    public Builder timeout(Duration timeout) {
      rpc.timeout(timeout);
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy policy) {
      rpc.retryPolicy(policy);
      return this;
    }

    /** The largest response body accepted (default 256 MiB); larger ones fail as malformed. */
    public Builder maxResponseBytes(long bytes) {
      rpc.maxResponseBytes(bytes);
      return this;
    }

    /** Coalesces calls made within {@code window} into batches of at most {@code maxSize}. */
    public Builder autoBatch(Duration window, int maxSize) {
      rpc.autoBatch(window, maxSize);
      return this;
    }

    /** The channel {@link #build()} will use with the settings so far. */
    public HttpChannelKind channel() {
      return rpc.channel();
    }

    /** The client. */
    public SvmRpcClient build() {
      return new SvmRpcClient(this);
    }
  }

}
