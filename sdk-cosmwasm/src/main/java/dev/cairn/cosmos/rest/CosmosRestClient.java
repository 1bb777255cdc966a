package dev.cairn.cosmos.rest;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.encoding.Base64;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.GasEstimate;
import dev.cairn.cosmos.client.TxEvent;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.client.internal.Readers;
import dev.cairn.cosmos.client.internal.Targets;
import dev.cairn.cosmos.errors.CosmosErrors;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.RestCall;
import dev.cairn.transport.RestClient;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Cosmos REST (gRPC-gateway) API of a node, Cosmos SDK 0.47 and 0.50: accounts, bank balances,
 * simulation, synchronous broadcast, transactions by hash and waiting for their inclusion, and the
 * CosmWasm queries. Transactions go in as the bytes of a {@code TxRaw}.
 *
 * <p>Failures: a node's explained refusal (a gRPC-gateway error body {@code {code, message,
 * details}}) is a {@link ChainException} mapped by {@link CosmosErrors#grpc} (the {@link
 * TransportException} is its cause); connection failures, timeouts, HTTP errors without such a
 * body and malformed responses are {@link TransportException}s (a malformed one names the JSON
 * pointer of the offending field); bad arguments are {@link CosmosException}s naming the argument.
 * Non-zero ABCI codes in a broadcast or an included transaction are values ({@link
 * BroadcastResult#error}, {@link TxResult#error}).
 *
 * <pre>{@code
 * try (CosmosRestClient rest = CosmosRestClient.create("https://rest.example", ChainId.cosmos("cosmoshub-4"))) {
 *   CosmosAccount acct = rest.account("cosmos1...").orElseThrow();
 *   byte[] txBytes = sign(acct.accountNumber(), acct.sequence());   // the caller's TxRaw
 *   BroadcastResult r = rest.broadcast(txBytes);
 *   TxResult included = rest.waitForInclusion(r.txHash(), 0, Duration.ofSeconds(60), Duration.ofSeconds(1));
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class CosmosRestClient implements AutoCloseable {
  /** The most pages {@link #balances(String)} follows. */
  public static final int MAX_BALANCE_PAGES = 1000;

  private final RestClient rest;
  private final ChainId chainId;
  private final boolean owns;

  private CosmosRestClient(RestClient rest, ChainId chainId, boolean owns) {
    this.rest = rest;
    this.chainId = chainId;
    this.owns = owns;
  }

  /** A client over a new {@link RestClient} for {@code baseUrl}; {@code chainId} (may be null) labels errors. */
  public static CosmosRestClient create(String baseUrl, ChainId chainId) {
    return new CosmosRestClient(RestClient.create(baseUrl), chainId, true);
  }

  /** A client over the caller's {@link RestClient} (not closed by {@link #close()}). */
  public static CosmosRestClient of(RestClient rest, ChainId chainId) {
    return new CosmosRestClient(Objects.requireNonNull(rest, "rest"), chainId, false);
  }

  /** The chain errors are labelled with, or {@code null}. */
  public ChainId chainId() {
    return chainId;
  }

  // ------------------------------------------------------------------ auth

  /**
   * The account at {@code address}; empty if the chain has none (gRPC NotFound: it never received
   * funds).
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code address} if it is not an address token
   */
  public Optional<CosmosAccount> account(String address) {
    String a = Targets.address("address", address);
    return sendOrNotFound(rest.get("/cosmos/auth/v1beta1/accounts/" + a, p -> {
      CosmosAccount[] out = new CosmosAccount[1];
      Readers.object(p, (f, q) -> {
        if (f.equals("account")) {
          out[0] = readAccount(q);
          return true;
        }
        return false;
      });
      if (out[0] == null) {
        throw Readers.missing(p, "account");
      }
      return out[0];
    }));
  }

  /** The fields of a {@code BaseAccount}, wherever it sits. */
  private static final class Base {
    String address;
    long number = -1;
    long sequence = -1;
    String pubKeyType;
    byte[] pubKey;
    boolean any;
  }

  static CosmosAccount readAccount(JsonParser p) throws IOException {
    String[] type = new String[1];
    Base direct = new Base();
    Base[] nested = new Base[1];
    Base[] vesting = new Base[1];
    Readers.object(p, (f, q) -> {
      switch (f) {
        case "@type":
          type[0] = JsonValues.string(q);
          return true;
        case "base_account":
          nested[0] = readBase(q);
          return true;
        case "base_vesting_account":
          Readers.object(q, (g, r) -> {
            if (g.equals("base_account")) {
              vesting[0] = readBase(r);
              return true;
            }
            return false;
          });
          if (vesting[0] == null) {
            throw JsonValues.missing(q, "base_account");
          }
          return true;
        default:
          return baseField(direct, f, q);
      }
    });
    if (type[0] == null) {
      throw Readers.missing(p, "@type");
    }
    String t = type[0];
    Base b;
    String where;
    if (t.equals("/cosmos.auth.v1beta1.BaseAccount")) {
      b = direct;
      where = "";
    } else if (t.startsWith("/cosmos.vesting.v1beta1.")) {
      b = vesting[0];
      where = "base_vesting_account/base_account";
      if (b == null) {
        throw Readers.missing(p, "base_vesting_account");
      }
    } else if (t.equals("/cosmos.auth.v1beta1.ModuleAccount") || t.endsWith(".EthAccount")) {
      b = nested[0];
      where = "base_account";
      if (b == null) {
        throw Readers.missing(p, "base_account");
      }
    } else if (nested[0] != null) {
      b = nested[0];
      where = "base_account";
    } else if (vesting[0] != null) {
      b = vesting[0];
      where = "base_vesting_account/base_account";
    } else if (direct.any) {
      b = direct;
      where = "";
    } else {
      throw JsonValues.malformed(p, "unsupported account type " + t);
    }
    String prefix = where.isEmpty() ? "" : where + "/";
    if (b.address == null) {
      throw Readers.missing(p, prefix + "address");
    }
    if (b.number < 0) {
      throw Readers.missing(p, prefix + "account_number");
    }
    if (b.sequence < 0) {
      throw Readers.missing(p, prefix + "sequence");
    }
    return CosmosAccount.of(t, b.address, b.number, b.sequence, b.pubKeyType, b.pubKey);
  }

  private static Base readBase(JsonParser p) throws IOException {
    Base b = new Base();
    Readers.object(p, (f, q) -> baseField(b, f, q));
    return b;
  }

  private static boolean baseField(Base b, String f, JsonParser q) throws IOException {
    switch (f) {
      case "address":
        b.address = JsonValues.string(q);
        b.any = true;
        return true;
      case "account_number":
        b.number = Readers.int64(q);
        b.any = true;
        return true;
      case "sequence":
        b.sequence = Readers.int64(q);
        b.any = true;
        return true;
      case "pub_key":
        if (!JsonValues.isNull(q)) {
          String[] kt = new String[1];
          byte[][] key = new byte[1][];
          Readers.object(q, (g, r) -> {
            if (g.equals("@type")) {
              kt[0] = JsonValues.string(r);
              return true;
            }
            if (g.equals("key")) {
              key[0] = Readers.base64(r);
              return true;
            }
            return false;
          });
          if (kt[0] == null) {
            throw JsonValues.missing(q, "@type");
          }
          b.pubKeyType = kt[0];
          // multisig keys have no single key: their type is kept with empty bytes
          b.pubKey = key[0] == null ? new byte[0] : key[0];
        }
        return true;
      default:
        return false;
    }
  }

  // ------------------------------------------------------------------ bank

  /** All balances of {@code address}, following pagination (at most {@link #MAX_BALANCE_PAGES} pages). */
  public List<Coin> balances(String address) {
    List<Coin> all = new ArrayList<>();
    String key = null;
    for (int page = 0; page < MAX_BALANCE_PAGES; page++) {
      BalancePage p = balancesPage(address, key, 0);
      all.addAll(p.balances());
      if (!p.nextKey().isPresent()) {
        return Collections.unmodifiableList(all);
      }
      if (p.nextKey().get().equals(key)) {
        throw TransportException.malformed("GET /cosmos/bank/v1beta1/balances", "/pagination/next_key",
            "the same page key was returned twice");
      }
      key = p.nextKey().get();
    }
    throw TransportException.malformed("GET /cosmos/bank/v1beta1/balances", "/pagination/next_key",
        "more than " + MAX_BALANCE_PAGES + " pages");
  }

  /**
   * One page of balances.
   *
   * @param pageKey the previous page's {@link BalancePage#nextKey()}, or {@code null} for the first
   * @param limit page size, or 0 for the node's default
   */
  public BalancePage balancesPage(String address, String pageKey, int limit) {
    String a = Targets.address("address", address);
    if (limit < 0) {
      throw CosmosException.invalid("limit", "must not be negative");
    }
    StringBuilder t = new StringBuilder("/cosmos/bank/v1beta1/balances/").append(a);
    char sep = '?';
    if (pageKey != null && !pageKey.isEmpty()) {
      t.append(sep).append("pagination.key=").append(Targets.percent(pageKey));
      sep = '&';
    }
    if (limit > 0) {
      t.append(sep).append("pagination.limit=").append(limit);
    }
    return send(rest.get(t.toString(), p -> {
      List<Coin>[] coins = new List[1];
      String[] next = new String[1];
      Readers.object(p, (f, q) -> {
        if (f.equals("balances")) {
          coins[0] = Readers.coins(q);
          return true;
        }
        if (f.equals("pagination") && !JsonValues.isNull(q)) {
          Readers.object(q, (g, r) -> {
            if (g.equals("next_key")) {
              next[0] = JsonValues.isNull(r) ? null : JsonValues.string(r);
              return true;
            }
            return false;
          });
          return true;
        }
        return false;
      });
      if (coins[0] == null) {
        throw Readers.missing(p, "balances");
      }
      return BalancePage.of(coins[0], next[0]);
    }));
  }

  /** The balance of one denom (zero when the account holds none). */
  public Coin balance(String address, String denom) {
    String a = Targets.address("address", address);
    Coin.checkDenom(denom);
    return send(rest.get("/cosmos/bank/v1beta1/balances/" + a + "/by_denom?denom=" + Targets.percent(denom), p -> {
      Coin[] c = new Coin[1];
      Readers.object(p, (f, q) -> {
        if (f.equals("balance")) {
          c[0] = JsonValues.isNull(q) ? null : Readers.coin(q);
          return true;
        }
        return false;
      });
      return c[0] == null ? Coin.of(denom, 0) : c[0];
    }));
  }

  // ------------------------------------------------------------------ tx

  /**
   * Simulates {@code txBytes} (a {@code TxRaw}; signatures may be empty for simulation) and returns
   * the gas wanted and used ({@code gas_wanted} above 2^63-1, as an infinite simulation gas meter
   * reports it, is {@link Long#MAX_VALUE}). A failing simulation is a {@link ChainException} (e.g. NONCE_MISMATCH
   * with the expected sequence in its native message, OUT_OF_GAS, REVERTED with the contract's
   * message).
   */
  public GasEstimate simulate(byte[] txBytes) {
    String b64 = base64Tx(txBytes);
    return send(rest.post("/cosmos/tx/v1beta1/simulate", g -> {
      g.writeStartObject();
      g.writeStringField("tx_bytes", b64);
      g.writeEndObject();
    }, p -> {
      long[] gas = {-1, -1};
      Readers.object(p, (f, q) -> {
        if (f.equals("gas_info")) {
          Readers.object(q, (g, r) -> {
            if (g.equals("gas_wanted")) {
              gas[0] = Readers.uint64Saturated(r);
              return true;
            }
            if (g.equals("gas_used")) {
              gas[1] = Readers.int64(r);
              return true;
            }
            return false;
          });
          if (gas[1] < 0) {
            throw JsonValues.missing(q, "gas_used");
          }
          return true;
        }
        return false;
      });
      if (gas[1] < 0) {
        throw Readers.missing(p, "gas_info");
      }
      return GasEstimate.of(Math.max(gas[0], 0), gas[1]);
    }, false)); // a failed simulation is a deterministic HTTP 500 (gRPC Unknown): not worth retrying
  }

  /**
   * Broadcasts {@code txBytes} with {@code BROADCAST_MODE_SYNC}: returns after {@code CheckTx} with
   * the hash and its code (non-zero: refused, see {@link BroadcastResult#error}). Not retried once
   * it may have reached the node.
   */
  public BroadcastResult broadcast(byte[] txBytes) {
    String b64 = base64Tx(txBytes);
    String localHash = Readers.txHash(txBytes);
    return send(rest.post("/cosmos/tx/v1beta1/txs", g -> {
      g.writeStartObject();
      g.writeStringField("tx_bytes", b64);
      g.writeStringField("mode", "BROADCAST_MODE_SYNC");
      g.writeEndObject();
    }, p -> {
      BroadcastResult[] r = new BroadcastResult[1];
      Readers.object(p, (f, q) -> {
        if (f.equals("tx_response")) {
          r[0] = readBroadcast(q, localHash);
          return true;
        }
        return false;
      });
      if (r[0] == null) {
        throw Readers.missing(p, "tx_response");
      }
      return r[0];
    }, false));
  }

  private static BroadcastResult readBroadcast(JsonParser p, String localHash) throws IOException {
    String[] s = new String[3];
    long[] code = {-1};
    Readers.object(p, (f, q) -> {
      switch (f) {
        case "txhash": s[0] = Readers.hexUpper(q); return true;
        case "codespace": s[1] = Readers.stringOrEmpty(q); return true;
        case "raw_log": s[2] = Readers.stringOrEmpty(q); return true;
        case "code": code[0] = Readers.code(q); return true;
        default: return false;
      }
    });
    if (s[0] == null) {
      throw Readers.missing(p, "txhash");
    }
    if (code[0] < 0) {
      throw Readers.missing(p, "code");
    }
    if (!s[0].equals(localHash)) {
      throw JsonValues.malformed(p, "txhash " + s[0] + " is not the hash of the transaction sent (" + localHash + ")");
    }
    return BroadcastResult.of(s[0], code[0], s[1], s[2]);
  }

  /**
   * The transaction {@code txHash} (64 hex digits) if it is included; empty while it is not
   * (gRPC NotFound).
   */
  public Optional<TxResult> tx(String txHash) {
    String h = Targets.txHash("txHash", txHash);
    return sendOrNotFound(rest.get("/cosmos/tx/v1beta1/txs/" + h, p -> {
      TxResult[] r = new TxResult[1];
      Readers.object(p, (f, q) -> {
        if (f.equals("tx_response")) {
          r[0] = readTxResponse(q);
          return true;
        }
        return false;
      });
      if (r[0] == null) {
        throw Readers.missing(p, "tx_response");
      }
      if (!r[0].txHash().equals(h)) {
        throw JsonValues.malformed(p, "tx_response.txhash " + r[0].txHash() + " is not the hash asked for");
      }
      return r[0];
    }));
  }

  static TxResult readTxResponse(JsonParser p) throws IOException {
    String[] s = new String[4];
    long[] n = {-1, -1, -1, -1};
    List<List<TxEvent>> events = new ArrayList<>(1);
    Readers.object(p, (f, q) -> {
      switch (f) {
        case "txhash": s[0] = Readers.hexUpper(q); return true;
        case "codespace": s[1] = Readers.stringOrEmpty(q); return true;
        case "raw_log": s[2] = Readers.stringOrEmpty(q); return true;
        case "timestamp": s[3] = Readers.stringOrEmpty(q); return true;
        case "height": n[0] = Readers.int64(q); return true;
        case "code": n[1] = Readers.code(q); return true;
        case "gas_wanted": n[2] = Readers.int64(q); return true;
        case "gas_used": n[3] = Readers.int64(q); return true;
        case "events": events.add(Readers.events(q)); return true;
        default: return false;
      }
    });
    String[] names = {"height", "code", "gas_wanted", "gas_used"};
    if (s[0] == null) {
      throw Readers.missing(p, "txhash");
    }
    for (int i = 0; i < 4; i++) {
      if (n[i] < 0) {
        throw Readers.missing(p, names[i]);
      }
    }
    return TxResult.builder(s[0], n[0]).result(n[1], s[1], s[2]).gas(n[2], n[3])
        .events(events.isEmpty() ? Collections.emptyList() : events.get(0)).timestamp(s[3]).build();
  }

  /** The height of the latest block ({@code /cosmos/base/tendermint/v1beta1/blocks/latest}). */
  public long latestHeight() {
    return send(rest.get("/cosmos/base/tendermint/v1beta1/blocks/latest", p -> {
      long[] h = {-1, -1};
      Readers.object(p, (f, q) -> {
        if (f.equals("block") || f.equals("sdk_block")) {
          int slot = f.equals("block") ? 0 : 1;
          if (JsonValues.isNull(q)) {
            return true;
          }
          Readers.object(q, (g, r) -> {
            if (g.equals("header")) {
              Readers.object(r, (k, v) -> {
                if (k.equals("height")) {
                  h[slot] = Readers.int64(v);
                  return true;
                }
                return false;
              });
              return true;
            }
            return false;
          });
          return true;
        }
        return false;
      });
      if (h[0] < 0 && h[1] < 0) {
        throw Readers.missing(p, "block/header/height");
      }
      return h[0] >= 0 ? h[0] : h[1];
    }));
  }

  /**
   * Waits until {@code txHash} is included, polling every {@code pollInterval}.
   *
   * @param timeoutHeight the transaction's timeout height, or 0 if it has none: once the latest
   *     block is past it (and the transaction is still not found) it can never be included and
   *     this throws a {@link ChainException} of kind {@link ErrorKind#EXPIRED}
   * @param timeout the wall-clock limit: then a {@link ChainException} of kind {@link
   *     ErrorKind#TIMEOUT} (the transaction may still land)
   * @return the included transaction (check {@link TxResult#isSuccess()})
   */
  public TxResult waitForInclusion(String txHash, long timeoutHeight, Duration timeout, Duration pollInterval) {
    String h = Targets.txHash("txHash", txHash);
    if (timeoutHeight < 0) {
      throw CosmosException.invalid("timeoutHeight", "must not be negative");
    }
    if (timeout == null || timeout.isNegative() || pollInterval == null || pollInterval.isNegative()
        || pollInterval.isZero()) {
      throw CosmosException.invalid(timeout == null || timeout.isNegative() ? "timeout" : "pollInterval",
          "must be positive");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TxResult> r = tx(h);
      if (r.isPresent()) {
        return r.get();
      }
      if (timeoutHeight > 0) {
        long latest = latestHeight();
        if (latest > timeoutHeight) {
          // it may have been included between the two queries
          r = tx(h);
          if (r.isPresent()) {
            return r.get();
          }
          throw new ChainException(ChainError.builder(ErrorKind.EXPIRED, chainId, "transaction " + h
              + " was not included by its timeout height " + timeoutHeight + " (latest block " + latest + ")")
              .nativeCode("sdk:30").transactionId(h).build());
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new ChainException(ChainError.builder(ErrorKind.TIMEOUT, chainId, "transaction " + h
            + " not included within " + timeout.toMillis() + " ms; it may still be").transactionId(h).build());
      }
      try {
        Thread.sleep(Math.max(1, Math.min(pollInterval.toMillis(), left / 1_000_000 + 1)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChainException(ChainError.builder(ErrorKind.TIMEOUT, chainId, "interrupted while waiting for "
            + h).transactionId(h).build(), e);
      }
    }
  }

  // ------------------------------------------------------------------ wasm

  /**
   * A CosmWasm smart query: {@code queryJson} (a JSON object, sent as its UTF-8 bytes) to contract
   * {@code contract}; returns the contract's answer as compact JSON text. A contract error is a
   * {@link ChainException} of kind REVERTED with the contract's message as its reason.
   */
  public String smartQuery(String contract, String queryJson) {
    String a = Targets.address("contract", contract);
    if (queryJson == null || queryJson.isEmpty()) {
      throw CosmosException.invalid("queryJson", "must not be empty");
    }
    String q64 = Base64.encodeUrl(queryJson.getBytes(StandardCharsets.UTF_8));
    return send(rest.get("/cosmwasm/wasm/v1/contract/" + a + "/smart/" + q64, p -> {
      String[] data = new String[1];
      Readers.object(p, (f, q) -> {
        if (f.equals("data")) {
          data[0] = JsonValues.rawJson(q);
          return true;
        }
        return false;
      });
      if (data[0] == null) {
        throw Readers.missing(p, "data");
      }
      return data[0];
    }));
  }

  /** A CosmWasm raw query of one storage key; empty when the key is not set. */
  public Optional<byte[]> rawQuery(String contract, byte[] key) {
    String a = Targets.address("contract", contract);
    if (key == null || key.length == 0) {
      throw CosmosException.invalid("key", "must not be empty");
    }
    String k64 = Base64.encodeUrl(key);
    return send(rest.get("/cosmwasm/wasm/v1/contract/" + a + "/raw/" + k64, p -> {
      byte[][] data = new byte[1][];
      Readers.object(p, (f, q) -> {
        if (f.equals("data")) {
          data[0] = Readers.base64(q);
          return true;
        }
        return false;
      });
      return data[0] == null || data[0].length == 0 ? Optional.<byte[]>empty() : Optional.of(data[0]);
    }));
  }

  /** A contract's info; empty if there is no contract at {@code contract}. */
  public Optional<ContractInfo> contractInfo(String contract) {
    String a = Targets.address("contract", contract);
    return sendOrNotFound(rest.get("/cosmwasm/wasm/v1/contract/" + a, p -> {
      String[] addr = new String[1];
      ContractInfo[] info = new ContractInfo[1];
      Readers.object(p, (f, q) -> {
        if (f.equals("address")) {
          addr[0] = JsonValues.string(q);
          return true;
        }
        if (f.equals("contract_info")) {
          String[] s = new String[3];
          long[] n = {-1, -1};
          Readers.object(q, (g, r) -> {
            switch (g) {
              case "code_id": n[0] = Readers.int64(r); return true;
              case "creator": s[0] = JsonValues.string(r); return true;
              case "admin": s[1] = Readers.stringOrEmpty(r); return true;
              case "label": s[2] = Readers.stringOrEmpty(r); return true;
              case "created":
                if (!JsonValues.isNull(r)) {
                  Readers.object(r, (k, v) -> {
                    if (k.equals("block_height")) {
                      n[1] = Readers.int64(v);
                      return true;
                    }
                    return false;
                  });
                }
                return true;
              default: return false;
            }
          });
          if (n[0] < 0) {
            throw JsonValues.missing(q, "code_id");
          }
          if (s[0] == null) {
            throw JsonValues.missing(q, "creator");
          }
          info[0] = ContractInfo.of(a, n[0], s[0], s[1], s[2], n[1]);
          return true;
        }
        return false;
      });
      if (info[0] == null) {
        throw Readers.missing(p, "contract_info");
      }
      if (addr[0] != null && !addr[0].equals(a)) {
        throw JsonValues.malformed(p, "address " + addr[0] + " is not the contract asked for");
      }
      return info[0];
    }));
  }

  /** A stored code's info (its byte code is skipped); empty if there is no such code. */
  public Optional<CodeInfo> codeInfo(long codeId) {
    if (codeId <= 0) {
      throw CosmosException.invalid("codeId", "must be positive");
    }
    return sendOrNotFound(rest.get("/cosmwasm/wasm/v1/code/" + codeId, p -> {
      CodeInfo[] info = new CodeInfo[1];
      Readers.object(p, (f, q) -> {
        if (!f.equals("code_info")) {
          return false;
        }
        String[] s = new String[3];
        long[] id = {-1};
        Readers.object(q, (g, r) -> {
          switch (g) {
            case "code_id": id[0] = Readers.int64(r); return true;
            case "creator": s[0] = JsonValues.string(r); return true;
            case "data_hash": s[1] = checksum(r); return true;
            case "instantiate_permission":
              if (!JsonValues.isNull(r)) {
                Readers.object(r, (k, v) -> {
                  if (k.equals("permission")) {
                    s[2] = Readers.stringOrEmpty(v);
                    return true;
                  }
                  return false;
                });
              }
              return true;
            default: return false;
          }
        });
        if (id[0] < 0) {
          throw JsonValues.missing(q, "code_id");
        }
        if (s[0] == null) {
          throw JsonValues.missing(q, "creator");
        }
        if (s[1] == null) {
          throw JsonValues.missing(q, "data_hash");
        }
        info[0] = CodeInfo.of(id[0], s[0], s[1], s[2]);
        return true;
      });
      if (info[0] == null) {
        throw Readers.missing(p, "code_info");
      }
      if (info[0].codeId() != codeId) {
        throw JsonValues.malformed(p, "code_info.code_id " + info[0].codeId() + " is not the code asked for");
      }
      return info[0];
    }));
  }

  /** {@code data_hash}: 64 hex digits (HexBytes) or the base64 of 32 bytes; returned as upper-case hex. */
  private static String checksum(JsonParser p) throws IOException {
    String s = JsonValues.string(p);
    if (s.length() == 64) {
      return Readers.hexUpper(p);
    }
    byte[] b = Readers.base64(p);
    if (b.length != 32) {
      throw JsonValues.malformed(p, "expected a 32-byte checksum, found " + b.length + " bytes");
    }
    return dev.cairn.core.encoding.Hex.encode(b).toUpperCase(java.util.Locale.ROOT);
  }

  // ------------------------------------------------------------------ plumbing

  private static String base64Tx(byte[] txBytes) {
    if (txBytes == null || txBytes.length == 0) {
      throw CosmosException.invalid("txBytes", "must not be empty");
    }
    return Base64.encode(txBytes);
  }

  private <T> T send(RestCall<T> call) {
    try {
      return call.send();
    } catch (TransportException e) {
      throw CosmosErrors.translate(chainId, e);
    }
  }

  private <T> Optional<T> sendOrNotFound(RestCall<T> call) {
    try {
      return Optional.of(call.send());
    } catch (TransportException e) {
      OptionalLong code = CosmosErrors.gatewayCode(e);
      if (code.isPresent() && code.getAsLong() == 5) {
        return Optional.empty();
      }
      throw CosmosErrors.translate(chainId, e);
    }
  }

  /** Closes the REST client if this client created it. */
  @Override
  public void close() {
    if (owns) {
      rest.close();
    }
  }

  @Override
  public String toString() {
    return "CosmosRestClient{" + rest + "}";
  }
}
