package dev.cairn.cosmos.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.AuthInfo;
import dev.cairn.cosmos.tx.Fee;
import dev.cairn.cosmos.tx.ModeInfo;
import dev.cairn.cosmos.tx.SignDocs;
import dev.cairn.cosmos.tx.SignerInfo;
import dev.cairn.cosmos.tx.TxBody;
import dev.cairn.cosmos.tx.TxRaw;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An EMULATOR of the documented Cosmos SDK 0.50 REST (gRPC-gateway) shapes, for tests: not a
 * Cosmos node, no consensus, no IAVL, no real CosmWasm VM. It serves the response shapes the
 * clients parse (the same shapes as the fixtures under {@code src/test/resources/fixtures/sdk-0.50})
 * and really checks what it is sent:
 *
 * <ul>
 *   <li>every broadcast {@code TxRaw} is decoded with sdk-cosmwasm, the signers are derived from
 *       the messages (sender, contract caller) plus a fee payer, and each signature is verified
 *       against the sign document rebuilt from the account number, sequence and chain id (direct
 *       SignDoc or amino JSON, as the signer info's mode says);
 *   <li>sequences are enforced against the CheckTx state (advanced by accepted transactions, as
 *       in a real node) with the SDK's log "account sequence mismatch, expected N, got M: incorrect
 *       account sequence" (code 32);
 *   <li>bank balances: fees are deducted at CheckTx (code 5 when the payer cannot pay, code 13
 *       below the minimum gas price), {@code MsgSend} moves coins at delivery (code 5);
 *   <li>gas: a deterministic schedule (10 per tx byte, a simulated 64-byte signature counted in
 *       simulation as the SDK does, 1000 per signature, 20000 per send, 60000 + 100 per message
 *       byte per contract execution); out of gas is code 11 (at CheckTx for the size/signature
 *       part, at delivery otherwise), with the fee still charged;
 *   <li>blocks: a timer commits the mempool every {@code blockMillis}; a transaction past its
 *       timeout height is refused at CheckTx (code 30) and dropped from the mempool, never
 *       included; {@link #holdMempool} keeps transactions out of blocks while heights advance;
 *   <li>one emulated CosmWasm contract, a counter ({@code {"increment":{}}}, {@code
 *       {"reset":{"count":n}}} owner-only with the contract's "Unauthorized" error in a wasm code 5
 *       log, query {@code {"get_count":{}}}, raw key {@code count}).
 * </ul>
 *
 * <p>CometBFT 0.38 JSON-RPC ({@link #rpcUrl()}: {@code status}, {@code broadcast_tx_sync}, {@code
 * tx}) and the WebSocket ({@link #wsUrl()}: {@code subscribe}/{@code unsubscribe} to {@code
 * tm.event='Tx'}, optionally {@code AND message.sender='…'} or {@code tx.hash='…'}, events sent as
 * responses with id {@code "<id>#event"} at each commit) share the same state.
 *
 * <p>Not emulated: other CometBFT methods (block, block_results, abci_query), other modules (staking, authz, feegrant), the decoded
 * {@code tx} in lookups, events beyond {@code message}/{@code transfer}, gas prices per denom.
 */
public final class ScriptedCosmosNode implements AutoCloseable {
  public static final long ANTE_GAS_PER_BYTE = 10;
  public static final long SIG_GAS = 1000;
  public static final long SEND_GAS = 20_000;
  public static final long EXEC_GAS = 60_000;

  private static final JsonNodeFactory J = JsonNodeFactory.instance;

  /** One account's state. */
  private static final class Acct {
    long number;
    long sequence;
    byte[] pubKey;
    TreeMap<String, BigInteger> coins = new TreeMap<>();

    Acct copy() {
      Acct a = new Acct();
      a.number = number;
      a.sequence = sequence;
      a.pubKey = pubKey;
      a.coins = new TreeMap<>(coins);
      return a;
    }
  }

  private static final class Counter {
    long count;
    String owner;
  }

  private static final class State {
    Map<String, Acct> accounts = new HashMap<>();
    Map<String, Counter> contracts = new HashMap<>();

    State copy() {
      State s = new State();
      for (Map.Entry<String, Acct> e : accounts.entrySet()) {
        s.accounts.put(e.getKey(), e.getValue().copy());
      }
      for (Map.Entry<String, Counter> e : contracts.entrySet()) {
        Counter c = new Counter();
        c.count = e.getValue().count;
        c.owner = e.getValue().owner;
        s.contracts.put(e.getKey(), c);
      }
      return s;
    }
  }

  /** A result: code 0 or an ABCI error. */
  private static final class Result {
    long code;
    String codespace = "";
    String log = "";
    long gasWanted;
    long gasUsed;
    List<ObjectNode> events = new ArrayList<>();

    static Result error(String codespace, long code, String log) {
      Result r = new Result();
      r.code = code;
      r.codespace = codespace;
      r.log = log;
      return r;
    }
  }

  /** A CometBFT {@code subscribe} of one WebSocket connection. */
  private static final class Sub {
    dev.cairn.testing.server.ScriptedWebSocketServer.Conn conn;
    String id;
    String query;
  }

  private static final class Included {
    byte[] bytes;
    String hash;
    long height;
    Result result;
    String time;
  }

  private static final class Pending {
    String hash;
    byte[] bytes;
    long timeoutHeight;
  }

  private final String chainId;
  private final String prefix;
  private final String denom;
  private final BigDecimal minGasPrice;
  private final FixtureServer server;
  private final FixtureServer rpcServer;
  private final dev.cairn.testing.server.ScriptedWebSocketServer wsServer;
  private final List<Sub> subs = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ScheduledExecutorService blocks;
  private State committed = new State();
  private State check = new State();
  private final List<Pending> mempool = new ArrayList<>();
  private final Map<String, Included> included = new HashMap<>();
  private long height = 1;
  private long nextAccountNumber = 1;
  private long nextContract = 1;
  private boolean hold;
  private int broadcasts;

  /**
   * Starts the emulator.
   *
   * @param minGasPrice the minimum gas price in {@code denom} (0 accepts any fee)
   * @param blockMillis how often a block is committed
   */
  public ScriptedCosmosNode(String chainId, String prefix, String denom, BigDecimal minGasPrice, long blockMillis)
      throws IOException {
    this.chainId = chainId;
    this.prefix = prefix;
    this.denom = denom;
    this.minGasPrice = minGasPrice;
    this.server = new FixtureServer(this::answer);
    this.rpcServer = new FixtureServer(this::answerRpc);
    this.wsServer = new dev.cairn.testing.server.ScriptedWebSocketServer(this::serveWs);
    this.blocks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "scripted-cosmos-blocks");
      t.setDaemon(true);
      return t;
    });
    blocks.scheduleAtFixedRate(this::commitBlock, blockMillis, blockMillis, TimeUnit.MILLISECONDS);
  }

  /** The REST base URL. */
  public String restUrl() {
    return server.url();
  }

  public String chainId() {
    return chainId;
  }

  /** The CometBFT JSON-RPC URL (status, broadcast_tx_sync, tx). */
  public String rpcUrl() {
    return rpcServer.url();
  }

  /** The CometBFT WebSocket URL ({@code subscribe} to {@code tm.event='Tx'}, optionally by sender or hash). */
  public String wsUrl() {
    return wsServer.url("/websocket");
  }

  /** Credits {@code amount} of {@code coinDenom} to {@code address} (genesis / faucet), creating the account. */
  public synchronized void fund(String address, String coinDenom, BigInteger amount) {
    for (State s : new State[] {committed, check}) {
      acct(s, address, true).coins.merge(coinDenom, amount, BigInteger::add);
    }
  }

  /** Deploys an emulated counter contract owned by {@code owner}; returns its address. */
  public synchronized String deployCounter(String owner, long count) {
    byte[] b = new byte[32];
    long n = nextContract++;
    for (int i = 0; i < 8; i++) {
      b[31 - i] = (byte) (n >>> (8 * i));
    }
    b[0] = (byte) 0xc0;
    String addr = CosmosAddress.of(prefix, b).toString();
    for (State s : new State[] {committed, check}) {
      Counter c = new Counter();
      c.count = count;
      c.owner = owner;
      s.contracts.put(addr, c);
      acct(s, addr, true);
    }
    return addr;
  }

  /** The committed balance. */
  public synchronized BigInteger balance(String address, String coinDenom) {
    Acct a = committed.accounts.get(address);
    return a == null ? BigInteger.ZERO : a.coins.getOrDefault(coinDenom, BigInteger.ZERO);
  }

  /** The committed counter value. */
  public synchronized long count(String contract) {
    return committed.contracts.get(contract).count;
  }

  /** The latest committed height. */
  public synchronized long height() {
    return height;
  }

  /** Keeps transactions out of blocks (heights still advance) while {@code true}. */
  public synchronized void holdMempool(boolean value) {
    hold = value;
  }

  /** How many broadcasts were received. */
  public synchronized int broadcasts() {
    return broadcasts;
  }

  /** How many WebSocket subscriptions are open. */
  public int subscriptions() {
    return subs.size();
  }

  /** How many transactions wait in the mempool. */
  public synchronized int mempoolSize() {
    return mempool.size();
  }

  /** Commits a block now (the timer does too). */
  public synchronized void commitBlock() {
    height++;
    String time = Instant.ofEpochSecond(1_700_000_000L + height).toString();
    List<Pending> keep = new ArrayList<>();
    for (Pending p : mempool) {
      if (p.timeoutHeight != 0 && height > p.timeoutHeight) {
        continue; // TxTimeoutHeightDecorator: can never be included
      }
      if (hold) {
        keep.add(p);
        continue;
      }
      Included inc = new Included();
      inc.hash = p.hash;
      inc.height = height;
      inc.time = time;
      inc.result = process(committed, p.bytes, Mode.DELIVER);
      inc.bytes = p.bytes;
      included.put(p.hash, inc);
      publish(inc);
    }
    mempool.clear();
    // recheck: the CheckTx state is the committed state plus what stays in the mempool
    check = committed.copy();
    for (Pending p : keep) {
      Result r = process(check, p.bytes, Mode.CHECK);
      if (r.code == 0) {
        mempool.add(p);
      }
    }
  }

  private final Map<String, Long> numbers = new HashMap<>();

  private Acct acct(State s, String address, boolean create) {
    Acct a = s.accounts.get(address);
    if (a == null && create) {
      a = new Acct();
      s.accounts.put(address, a);
      // numbers are global: the first state to create the account assigns it
      a.number = numbers.computeIfAbsent(address, k -> nextAccountNumber++);
    }
    return a;
  }

  private enum Mode { CHECK, SIMULATE, DELIVER }

  // ------------------------------------------------------------------ the state machine

  private Result process(State state, byte[] txBytes, Mode mode) {
    TxRaw raw;
    TxBody body;
    AuthInfo auth;
    try {
      raw = TxRaw.decode(txBytes);
      body = raw.body();
      auth = raw.authInfo();
    } catch (DecodingException e) {
      return Result.error("sdk", 2, e.getMessage() + ": tx parse error");
    }
    Fee fee = auth.fee();
    Result r = new Result();
    r.gasWanted = fee.gasLimit();
    // signers: each message's signer in order of first appearance, then a separate fee payer
    List<String> signers = new ArrayList<>();
    for (CosmosMsg m : body.messages()) {
      String s;
      if (m instanceof MsgSend) {
        s = ((MsgSend) m).fromAddress();
      } else if (m instanceof MsgExecuteContract) {
        s = ((MsgExecuteContract) m).sender();
      } else {
        return Result.error("sdk", 6, "unrecognized message type " + m.typeUrl() + " in this emulator: unknown request");
      }
      if (!signers.contains(s)) {
        signers.add(s);
      }
    }
    String payer = fee.payer().isEmpty() ? signers.get(0) : fee.payer();
    if (!signers.contains(payer)) {
      signers.add(payer);
    }
    if (!fee.granter().isEmpty()) {
      return Result.error("sdk", 4, "fee grants are not emulated: unauthorized");
    }
    List<SignerInfo> infos = auth.signerInfos();
    if (infos.size() != signers.size() || raw.signatures().size() != signers.size()) {
      return Result.error("sdk", 4, "invalid number of signer;  expected: " + signers.size() + ", got "
          + infos.size() + ": unauthorized");
    }
    // TxTimeoutHeightDecorator
    long blockHeight = mode == Mode.DELIVER ? height : height;
    if (body.timeoutHeight() != 0 && blockHeight > body.timeoutHeight()) {
      return Result.error("sdk", 30, "block height: " + blockHeight + ", timeout height: " + body.timeoutHeight()
          + ": tx timeout height");
    }
    // gas: tx size (a simulated signature counted in simulation) and signatures
    long sizeBytes = txBytes.length;
    if (mode == Mode.SIMULATE) {
      for (byte[] sig : raw.signatures()) {
        if (sig.length == 0) {
          sizeBytes += 64 + 2;
        }
      }
    }
    long gas = ANTE_GAS_PER_BYTE * sizeBytes + SIG_GAS * signers.size();
    long limit = mode == Mode.SIMULATE ? Long.MAX_VALUE : fee.gasLimit();
    if (gas > limit) {
      r = Result.error("sdk", 11, "out of gas in location: txSize; gasWanted: " + limit + ", gasUsed: " + gas
          + ": out of gas");
      r.gasWanted = limit;
      r.gasUsed = gas;
      return r;
    }
    // fees: denom and minimum gas price (not in simulation), then deducted from the payer
    BigInteger paid = BigInteger.ZERO;
    for (Coin c : fee.amount()) {
      if (!c.denom().equals(denom)) {
        return Result.error("sdk", 13, "fee denom " + c.denom() + " is not accepted (" + denom + "): insufficient fee");
      }
      paid = paid.add(c.amount());
    }
    if (mode != Mode.SIMULATE) {
      BigInteger required = minGasPrice.multiply(BigDecimal.valueOf(fee.gasLimit())).setScale(0, RoundingMode.CEILING)
          .toBigIntegerExact();
      if (paid.compareTo(required) < 0) {
        return Result.error("sdk", 13, "insufficient fees; got: " + paid + denom + " required: " + required + denom
            + ": insufficient fee");
      }
    }
    Acct payerAcct = state.accounts.get(payer);
    if (payerAcct == null) {
      return Result.error("sdk", 9, "fee payer address: " + payer + " does not exist: unknown address");
    }
    BigInteger have = payerAcct.coins.getOrDefault(denom, BigInteger.ZERO);
    if (have.compareTo(paid) < 0) {
      return Result.error("sdk", 5, "spendable balance " + have + denom + " is smaller than " + paid + denom
          + ": insufficient funds: insufficient funds");
    }
    // sequences and signatures (signatures not checked in simulation)
    for (int i = 0; i < signers.size(); i++) {
      String addr = signers.get(i);
      Acct a = state.accounts.get(addr);
      if (a == null) {
        return Result.error("sdk", 9, "account " + addr + " does not exist: unknown address");
      }
      SignerInfo si = infos.get(i);
      CosmosPublicKey key = si.cosmosPublicKey().orElse(null);
      if (key == null || !key.address(prefix).toString().equals(addr)) {
        return Result.error("sdk", 8, "pubKey does not match signer address " + addr + " with signer index: " + i
            + ": invalid pubkey");
      }
      if (si.sequence() != a.sequence) {
        return Result.error("sdk", 32, "account sequence mismatch, expected " + a.sequence + ", got " + si.sequence()
            + ": incorrect account sequence");
      }
      if (mode != Mode.SIMULATE) {
        byte[] signBytes;
        if (si.modeInfo().isMulti()) {
          return Result.error("sdk", 4, "multisig is not emulated: unauthorized");
        } else if (si.modeInfo().mode() == ModeInfo.DIRECT) {
          signBytes = SignDocs.direct(raw.bodyBytes(), raw.authInfoBytes(), chainId, a.number);
        } else if (si.modeInfo().mode() == ModeInfo.LEGACY_AMINO_JSON) {
          signBytes = SignDocs.amino(chainId, a.number, a.sequence, fee, body.messages(), body.memo(),
              body.timeoutHeight()).getBytes(StandardCharsets.UTF_8);
        } else {
          return Result.error("sdk", 4, "unsupported sign mode " + si.modeInfo().mode() + ": unauthorized");
        }
        byte[] sig = raw.signatures().get(i);
        if (sig.length != 64 || !key.verify(signBytes, sig)) {
          return Result.error("sdk", 4, "signature verification failed; please verify account number (" + a.number
              + "), sequence (" + a.sequence + ") and chain-id (" + chainId + "): unauthorized");
        }
      }
    }
    // ante effects: fee, sequences, public keys
    payerAcct.coins.put(denom, have.subtract(paid));
    for (int i = 0; i < signers.size(); i++) {
      Acct a = state.accounts.get(signers.get(i));
      a.sequence++;
      a.pubKey = infos.get(i).cosmosPublicKey().get().compressed();
    }
    r.events.add(event("tx", "fee", paid + denom, "fee_payer", payer));
    if (mode == Mode.CHECK) {
      r.gasUsed = gas;
      return r;
    }
    // messages, on a branch of the state: all or nothing
    State branch = state.copy();
    List<CosmosMsg> msgs = body.messages();
    for (int i = 0; i < msgs.size(); i++) {
      CosmosMsg m = msgs.get(i);
      if (m instanceof MsgSend) {
        MsgSend s = (MsgSend) m;
        gas += SEND_GAS;
        if (gas > limit) {
          return outOfGas(r, limit, gas, "WriteFlat");
        }
        String err = transfer(branch, s.fromAddress(), s.toAddress(), s.amount());
        if (err != null) {
          return failed(r, gas, "sdk", 5, "failed to execute message; message index: " + i + ": " + err);
        }
        r.events.add(event("message", "action", MsgSend.TYPE_URL, "sender", s.fromAddress(), "module", "bank",
            "msg_index", Integer.toString(i)));
        r.events.add(event("transfer", "recipient", s.toAddress(), "sender", s.fromAddress(), "amount",
            coins(s.amount()), "msg_index", Integer.toString(i)));
      } else {
        MsgExecuteContract x = (MsgExecuteContract) m;
        gas += EXEC_GAS + 100L * x.msg().length;
        if (gas > limit) {
          return outOfGas(r, limit, gas, "wasm contract");
        }
        Counter c = branch.contracts.get(x.contract());
        if (c == null) {
          return failed(r, gas, "wasm", 8, "failed to execute message; message index: " + i + ": no such contract: "
              + x.contract() + ": not found");
        }
        if (!x.funds().isEmpty()) {
          String err = transfer(branch, x.sender(), x.contract(), x.funds());
          if (err != null) {
            return failed(r, gas, "sdk", 5, "failed to execute message; message index: " + i + ": " + err);
          }
        }
        String err = execute(c, x.sender(), new String(x.msg(), StandardCharsets.UTF_8));
        if (err != null) {
          return failed(r, gas, "wasm", 5, "failed to execute message; message index: " + i + ": " + err
              + ": execute wasm contract failed");
        }
        r.events.add(event("message", "action", MsgExecuteContract.TYPE_URL, "sender", x.sender(), "module", "wasm",
            "msg_index", Integer.toString(i)));
        r.events.add(event("wasm", "_contract_address", x.contract(), "count", Long.toString(c.count),
            "msg_index", Integer.toString(i)));
      }
    }
    r.gasUsed = gas;
    state.accounts = branch.accounts;
    state.contracts = branch.contracts;
    return r;
  }

  private static Result outOfGas(Result r, long limit, long gas, String where) {
    r.code = 11;
    r.codespace = "sdk";
    r.log = "out of gas in location: " + where + "; gasWanted: " + limit + ", gasUsed: " + gas + ": out of gas";
    r.gasUsed = gas;
    return r;
  }

  private static Result failed(Result r, long gas, String codespace, long code, String log) {
    r.code = code;
    r.codespace = codespace;
    r.log = log;
    r.gasUsed = gas;
    return r;
  }

  private String transfer(State s, String from, String to, List<Coin> amount) {
    Acct a = s.accounts.get(from);
    for (Coin c : amount) {
      BigInteger have = a == null ? BigInteger.ZERO : a.coins.getOrDefault(c.denom(), BigInteger.ZERO);
      if (have.compareTo(c.amount()) < 0) {
        return "spendable balance " + have + c.denom() + " is smaller than " + c.amount() + c.denom()
            + ": insufficient funds";
      }
    }
    Acct b = acct(s, to, true);
    for (Coin c : amount) {
      a.coins.put(c.denom(), a.coins.get(c.denom()).subtract(c.amount()));
      b.coins.merge(c.denom(), c.amount(), BigInteger::add);
    }
    return null;
  }

  /** The counter contract's execute entry point; returns the contract's error or null. */
  private static String execute(Counter c, String sender, String json) {
    JsonNode msg;
    try {
      msg = FixtureServer.MAPPER.readTree(json);
    } catch (IOException e) {
      return "Error parsing into type counter::msg::ExecuteMsg: expected value";
    }
    if (msg == null || !msg.isObject() || msg.size() != 1) {
      return "Error parsing into type counter::msg::ExecuteMsg: expected an object with one key";
    }
    String key = msg.fieldNames().next();
    switch (key) {
      case "increment":
        c.count++;
        return null;
      case "reset":
        if (!sender.equals(c.owner)) {
          return "Unauthorized";
        }
        c.count = msg.get("reset").path("count").asLong();
        return null;
      default:
        return "Error parsing into type counter::msg::ExecuteMsg: unknown variant `" + key
            + "`, expected `increment` or `reset`";
    }
  }

  private static ObjectNode event(String type, String... kv) {
    ObjectNode e = J.objectNode();
    e.put("type", type);
    ArrayNode attrs = e.putArray("attributes");
    for (int i = 0; i < kv.length; i += 2) {
      ObjectNode a = attrs.addObject();
      a.put("key", kv[i]);
      a.put("value", kv[i + 1]);
      a.put("index", true);
    }
    return e;
  }

  private static String coins(List<Coin> cs) {
    StringBuilder b = new StringBuilder();
    for (Coin c : cs) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(c.amount()).append(c.denom());
    }
    return b.toString();
  }

  private static String hash(byte[] tx) {
    try {
      return Hex.encode(MessageDigest.getInstance("SHA-256").digest(tx)).toUpperCase(java.util.Locale.ROOT);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ REST

  private static byte[] grpcError(int http, int code, String message) {
    ObjectNode o = J.objectNode();
    o.put("code", code);
    o.put("message", message);
    o.putArray("details");
    return FixtureServer.status(http, o.toString());
  }

  private synchronized byte[] answer(FixtureServer.Request req) throws IOException {
    String target = req.target;
    String path = target;
    String query = "";
    int q = target.indexOf('?');
    if (q >= 0) {
      path = target.substring(0, q);
      query = target.substring(q + 1);
    }
    if (req.method.equals("GET") && path.startsWith("/cosmos/auth/v1beta1/accounts/")) {
      String addr = path.substring("/cosmos/auth/v1beta1/accounts/".length());
      Acct a = committed.accounts.get(addr);
      if (a == null || committed.contracts.containsKey(addr)) {
        return grpcError(404, 5, "account " + addr + " not found");
      }
      ObjectNode acc = J.objectNode();
      ObjectNode o = acc.putObject("account");
      o.put("@type", "/cosmos.auth.v1beta1.BaseAccount");
      o.put("address", addr);
      if (a.pubKey == null) {
        o.putNull("pub_key");
      } else {
        ObjectNode pk = o.putObject("pub_key");
        pk.put("@type", "/cosmos.crypto.secp256k1.PubKey");
        pk.put("key", Base64.getEncoder().encodeToString(a.pubKey));
      }
      o.put("account_number", Long.toString(a.number));
      o.put("sequence", Long.toString(a.sequence));
      return FixtureServer.ok(acc.toString());
    }
    if (req.method.equals("GET") && path.startsWith("/cosmos/bank/v1beta1/balances/")) {
      String rest = path.substring("/cosmos/bank/v1beta1/balances/".length());
      if (rest.endsWith("/by_denom")) {
        String addr = rest.substring(0, rest.length() - "/by_denom".length());
        String d = java.net.URLDecoder.decode(query.replaceFirst("^denom=", ""), StandardCharsets.UTF_8);
        Acct a = committed.accounts.get(addr);
        ObjectNode o = J.objectNode();
        ObjectNode b = o.putObject("balance");
        b.put("denom", d);
        b.put("amount", (a == null ? BigInteger.ZERO : a.coins.getOrDefault(d, BigInteger.ZERO)).toString());
        return FixtureServer.ok(o.toString());
      }
      Acct a = committed.accounts.get(rest);
      ObjectNode o = J.objectNode();
      ArrayNode arr = o.putArray("balances");
      if (a != null) {
        for (Map.Entry<String, BigInteger> e : a.coins.entrySet()) {
          if (e.getValue().signum() > 0) {
            ObjectNode c = arr.addObject();
            c.put("denom", e.getKey());
            c.put("amount", e.getValue().toString());
          }
        }
      }
      ObjectNode p = o.putObject("pagination");
      p.putNull("next_key");
      p.put("total", Integer.toString(arr.size()));
      return FixtureServer.ok(o.toString());
    }
    if (req.method.equals("POST") && path.equals("/cosmos/tx/v1beta1/simulate")) {
      byte[] tx = Base64.getDecoder().decode(req.json().path("tx_bytes").asText());
      State scratch = check.copy();
      Result r = process(scratch, tx, Mode.SIMULATE);
      if (r.code != 0) {
        return grpcError(500, 2, r.log + " With gas wanted: '18446744073709551615' and gas used: '" + r.gasUsed + "' ");
      }
      ObjectNode o = J.objectNode();
      ObjectNode g = o.putObject("gas_info");
      g.put("gas_wanted", "18446744073709551615");
      g.put("gas_used", Long.toString(r.gasUsed));
      ObjectNode res = o.putObject("result");
      res.put("data", "");
      res.put("log", "");
      ArrayNode ev = res.putArray("events");
      r.events.forEach(ev::add);
      res.putArray("msg_responses");
      return FixtureServer.ok(o.toString());
    }
    if (req.method.equals("POST") && path.equals("/cosmos/tx/v1beta1/txs")) {
      BroadcastAnswer a = checkAndAdd(Base64.getDecoder().decode(req.json().path("tx_bytes").asText()));
      String h = a.hash;
      Result r = a.result;
      ObjectNode o = J.objectNode();
      ObjectNode t = o.putObject("tx_response");
      t.put("height", "0");
      t.put("txhash", h);
      t.put("codespace", r.codespace);
      t.put("code", r.code);
      t.put("data", "");
      t.put("raw_log", r.log);
      t.putArray("logs");
      t.put("info", "");
      t.put("gas_wanted", "0");
      t.put("gas_used", "0");
      t.putNull("tx");
      t.put("timestamp", "");
      t.putArray("events");
      return FixtureServer.ok(o.toString());
    }
    if (req.method.equals("GET") && path.startsWith("/cosmos/tx/v1beta1/txs/")) {
      String h = path.substring("/cosmos/tx/v1beta1/txs/".length()).toUpperCase(java.util.Locale.ROOT);
      Included inc = included.get(h);
      if (inc == null) {
        return grpcError(404, 5, "tx not found: " + h);
      }
      ObjectNode o = J.objectNode();
      o.putNull("tx");
      ObjectNode t = o.putObject("tx_response");
      t.put("height", Long.toString(inc.height));
      t.put("txhash", h);
      t.put("codespace", inc.result.codespace);
      t.put("code", inc.result.code);
      t.put("data", "");
      t.put("raw_log", inc.result.log);
      t.putArray("logs");
      t.put("info", "");
      t.put("gas_wanted", Long.toString(inc.result.gasWanted));
      t.put("gas_used", Long.toString(inc.result.gasUsed));
      t.putNull("tx");
      t.put("timestamp", inc.time);
      ArrayNode ev = t.putArray("events");
      inc.result.events.forEach(ev::add);
      return FixtureServer.ok(o.toString());
    }
    if (req.method.equals("GET") && path.equals("/cosmos/base/tendermint/v1beta1/blocks/latest")) {
      ObjectNode o = J.objectNode();
      for (String k : new String[] {"block", "sdk_block"}) {
        ObjectNode h = o.putObject(k).putObject("header");
        h.put("chain_id", chainId);
        h.put("height", Long.toString(height));
        h.put("time", Instant.ofEpochSecond(1_700_000_000L + height).toString());
      }
      return FixtureServer.ok(o.toString());
    }
    if (req.method.equals("GET") && path.startsWith("/cosmwasm/wasm/v1/contract/")) {
      String[] parts = path.substring("/cosmwasm/wasm/v1/contract/".length()).split("/");
      String addr = parts[0];
      Counter c = committed.contracts.get(addr);
      if (c == null) {
        return grpcError(404, 5, "address " + addr + ": no such contract: not found");
      }
      if (parts.length == 3 && parts[1].equals("smart")) {
        String json = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        JsonNode msg = FixtureServer.MAPPER.readTree(json);
        String key = msg != null && msg.isObject() && msg.size() == 1 ? msg.fieldNames().next() : "?";
        if (!key.equals("get_count")) {
          return grpcError(500, 2, "Error parsing into type counter::msg::QueryMsg: unknown variant `" + key
              + "`, expected `get_count`: query wasm contract failed: unknown request");
        }
        ObjectNode o = J.objectNode();
        ObjectNode d = o.putObject("data");
        d.put("count", c.count);
        d.put("owner", c.owner);
        return FixtureServer.ok(o.toString());
      }
      if (parts.length == 3 && parts[1].equals("raw")) {
        String key = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        ObjectNode o = J.objectNode();
        if (key.equals("count")) {
          o.put("data", Base64.getEncoder().encodeToString(Long.toString(c.count).getBytes(StandardCharsets.UTF_8)));
        } else {
          o.putNull("data");
        }
        return FixtureServer.ok(o.toString());
      }
    }
    return grpcError(501, 12, "Not Implemented by the scripted node: " + req.method + " " + path);
  }

  // ------------------------------------------------------------------ CometBFT 0.38 RPC and events

  private ObjectNode execResult(Result r) {
    ObjectNode o = J.objectNode();
    o.put("code", r.code);
    o.put("data", "");
    o.put("log", r.log);
    o.put("info", "");
    o.put("gas_wanted", Long.toString(r.gasWanted));
    o.put("gas_used", Long.toString(r.gasUsed));
    ArrayNode ev = o.putArray("events");
    r.events.forEach(ev::add);
    o.put("codespace", r.codespace);
    return o;
  }

  private static String attr(Result r, String type, String key) {
    for (ObjectNode e : r.events) {
      if (e.path("type").asText().equals(type)) {
        for (JsonNode a : e.path("attributes")) {
          if (a.path("key").asText().equals(key)) {
            return a.path("value").asText();
          }
        }
      }
    }
    return null;
  }

  private static boolean matches(String query, Included inc, String sender) {
    if (!query.contains("tm.event='Tx'")) {
      return false;
    }
    int i = query.indexOf("message.sender='");
    if (i >= 0 && !query.substring(i + 16).startsWith(sender + "'")) {
      return false;
    }
    int h = query.indexOf("tx.hash='");
    return h < 0 || query.substring(h + 9).startsWith(inc.hash + "'");
  }

  private void publish(Included inc) {
    String sender = attr(inc.result, "message", "sender");
    if (sender == null) {
      try {
        CosmosMsg m = TxRaw.decode(inc.bytes).body().messages().get(0);
        sender = m instanceof MsgSend ? ((MsgSend) m).fromAddress() : ((MsgExecuteContract) m).sender();
      } catch (RuntimeException e) {
        sender = "";
      }
    }
    for (Sub sub : subs) {
      if (!matches(sub.query, inc, sender)) {
        continue;
      }
      ObjectNode result = J.objectNode();
      result.put("query", sub.query);
      ObjectNode data = result.putObject("data");
      data.put("type", "tendermint/event/Tx");
      ObjectNode txr = data.putObject("value").putObject("TxResult");
      txr.put("height", Long.toString(inc.height));
      txr.put("index", 0);
      txr.put("tx", Base64.getEncoder().encodeToString(inc.bytes));
      txr.set("result", execResult(inc.result));
      ObjectNode events = result.putObject("events");
      events.putArray("tm.event").add("Tx");
      events.putArray("tx.hash").add(inc.hash);
      events.putArray("tx.height").add(Long.toString(inc.height));
      events.putArray("message.sender").add(sender);
      ObjectNode msg = J.objectNode();
      msg.put("jsonrpc", "2.0");
      msg.put("id", sub.id + "#event");
      msg.set("result", result);
      try {
        synchronized (sub.conn) {
          sub.conn.sendText(msg.toString());
        }
      } catch (IOException e) {
        subs.remove(sub);
      }
    }
  }

  private void serveWs(dev.cairn.testing.server.ScriptedWebSocketServer.Conn c) throws Exception {
    String text;
    try {
      while ((text = c.readText()) != null) {
        JsonNode req = FixtureServer.MAPPER.readTree(text);
        String method = req.path("method").asText();
        JsonNode id = req.get("id");
        String query = req.path("params").path(0).asText(req.path("params").path("query").asText());
        if (method.equals("subscribe")) {
          Sub sub = new Sub();
          sub.conn = c;
          sub.id = id.asText();
          sub.query = query;
          subs.add(sub);
        } else if (method.equals("unsubscribe")) {
          subs.removeIf(x -> x.conn == c && x.query.equals(query));
        }
        ObjectNode reply = J.objectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("id", id);
        if (method.equals("subscribe") || method.equals("unsubscribe")) {
          reply.putObject("result");
        } else {
          ObjectNode err = reply.putObject("error");
          err.put("code", -32601);
          err.put("message", "Method not found");
        }
        synchronized (c) {
          c.sendText(reply.toString());
        }
      }
    } finally {
      subs.removeIf(x -> x.conn == c);
    }
  }

  private static byte[] rpcOk(JsonNode id, JsonNode result) {
    ObjectNode o = J.objectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", id);
    o.set("result", result);
    return FixtureServer.ok(o.toString());
  }

  private synchronized byte[] answerRpc(FixtureServer.Request req) throws IOException {
    JsonNode r = req.json();
    JsonNode id = r.get("id");
    JsonNode params = r.path("params");
    switch (r.path("method").asText()) {
      case "status": {
        ObjectNode st = (ObjectNode) FixtureServer.MAPPER.readTree(Fixtures.read("cometbft-0.38", "status.json"));
        ((ObjectNode) st.path("node_info")).put("network", chainId);
        ObjectNode sync = (ObjectNode) st.path("sync_info");
        sync.put("latest_block_height", Long.toString(height));
        sync.put("latest_block_time", Instant.ofEpochSecond(1_700_000_000L + height).toString());
        return rpcOk(id, st);
      }
      case "broadcast_tx_sync": {
        String b64 = params.isArray() ? params.path(0).asText() : params.path("tx").asText();
        BroadcastAnswer a = checkAndAdd(Base64.getDecoder().decode(b64));
        ObjectNode o = J.objectNode();
        o.put("code", a.result.code);
        o.put("data", "");
        o.put("log", a.result.log);
        o.put("codespace", a.result.codespace);
        o.put("hash", a.hash);
        return rpcOk(id, o);
      }
      case "tx": {
        String b64 = params.isArray() ? params.path(0).asText() : params.path("hash").asText();
        String h = Hex.encode(Base64.getDecoder().decode(b64)).toUpperCase(java.util.Locale.ROOT);
        Included inc = included.get(h);
        if (inc == null) {
          ObjectNode o = J.objectNode();
          o.put("jsonrpc", "2.0");
          o.set("id", id);
          ObjectNode err = o.putObject("error");
          err.put("code", -32603);
          err.put("message", "Internal error");
          err.put("data", "tx (" + h + ") not found");
          return FixtureServer.ok(o.toString());
        }
        ObjectNode o = J.objectNode();
        o.put("hash", h);
        o.put("height", Long.toString(inc.height));
        o.put("index", 0);
        o.set("tx_result", execResult(inc.result));
        o.put("tx", Base64.getEncoder().encodeToString(inc.bytes));
        return rpcOk(id, o);
      }
      default: {
        ObjectNode o = J.objectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id);
        ObjectNode err = o.putObject("error");
        err.put("code", -32601);
        err.put("message", "Method not found");
        return FixtureServer.ok(o.toString());
      }
    }
  }

  private static final class BroadcastAnswer {
    String hash;
    Result result;
  }

  /** CheckTx and, when accepted, into the mempool (REST and RPC broadcasts alike). */
  private BroadcastAnswer checkAndAdd(byte[] tx) {
    broadcasts++;
    String h = hash(tx);
    Result r;
    if (included.containsKey(h) || mempool.stream().anyMatch(p -> p.hash.equals(h))) {
      r = Result.error("sdk", 19, "tx already in mempool");
    } else {
      r = process(check, tx, Mode.CHECK);
    }
    if (r.code == 0) {
      Pending p = new Pending();
      p.hash = h;
      p.bytes = tx;
      p.timeoutHeight = TxRaw.decode(tx).body().timeoutHeight();
      mempool.add(p);
    }
    BroadcastAnswer a = new BroadcastAnswer();
    a.hash = h;
    a.result = r;
    return a;
  }

  @Override
  public void close() throws IOException {
    blocks.shutdownNow();
    server.close();
    rpcServer.close();
    wsServer.close();
  }
}
