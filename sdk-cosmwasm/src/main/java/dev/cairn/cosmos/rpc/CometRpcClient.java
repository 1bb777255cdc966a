package dev.cairn.cosmos.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.encoding.Base64;
import dev.cairn.core.encoding.Hex;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.TxEvent;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.client.internal.Readers;
import dev.cairn.cosmos.client.internal.Targets;
import dev.cairn.cosmos.errors.CosmosErrors;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.RpcCall;
import dev.cairn.transport.TransportException;
import dev.cairn.transport.ws.WsGap;
import dev.cairn.transport.ws.WsRpcClient;
import dev.cairn.transport.ws.WsSubscription;
import dev.cairn.transport.ws.WsSubscriptionListener;
import dev.cairn.transport.ws.WsSubscriptionSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CometBFT's JSON-RPC (0.37 and 0.38) over the shared transport: {@code status}, {@code
 * abci_query}, {@code broadcast_tx_sync}, {@code tx}, {@code block}, {@code block_results}, and a
 * WebSocket subscription to {@code tm.event='Tx'} that is renewed after every reconnection with
 * the gap reported. Parameters follow CometBFT's JSON encoding: 64-bit integers as strings, {@code
 * []byte} as base64 (transaction bytes, the {@code tx} hash), {@code HexBytes} as hex ({@code
 * abci_query} data).
 *
 * <p>Failures: a JSON-RPC error the node explains is a {@link dev.cairn.core.chain.ChainException}
 * mapped by {@link CosmosErrors#cometRpc} (e.g. "tx already exists in cache" is REJECTED_BY_NODE);
 * transport failures and malformed responses are {@link TransportException}s naming the JSON
 * pointer of the offending field.
 *
 * <pre>{@code
 * try (CometRpcClient rpc = CometRpcClient.create("http://127.0.0.1:26657", ChainId.cosmos("testing"))) {
 *   NodeStatus s = rpc.status();
 *   BroadcastResult r = rpc.broadcastTxSync(txBytes);
 *   Optional<TxResult> included = rpc.tx(r.txHash());
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class CometRpcClient implements AutoCloseable {
  private final JsonRpcClient rpc;
  private final ChainId chainId;
  private final boolean owns;

  private CometRpcClient(JsonRpcClient rpc, ChainId chainId, boolean owns) {
    this.rpc = rpc;
    this.chainId = chainId;
    this.owns = owns;
  }

  /** A client over a new {@link JsonRpcClient} for {@code url}; {@code chainId} (may be null) labels errors. */
  public static CometRpcClient create(String url, ChainId chainId) {
    return new CometRpcClient(JsonRpcClient.create(url), chainId, true);
  }

  /** A client over the caller's {@link JsonRpcClient} (not closed by {@link #close()}). */
  public static CometRpcClient of(JsonRpcClient rpc, ChainId chainId) {
    return new CometRpcClient(Objects.requireNonNull(rpc, "rpc"), chainId, false);
  }

  /** {@code status}. */
  public NodeStatus status() {
    return send(rpc.call("status", null, p -> {
      String[] s = new String[4];
      long[] h = {-1};
      Boolean[] catching = new Boolean[1];
      Readers.object(p, (f, q) -> {
        if (f.equals("node_info")) {
          Readers.object(q, (g, r) -> {
            if (g.equals("network")) {
              s[0] = JsonValues.string(r);
              return true;
            }
            if (g.equals("version")) {
              s[1] = Readers.stringOrEmpty(r);
              return true;
            }
            return false;
          });
          if (s[0] == null) {
            throw JsonValues.missing(q, "network");
          }
          return true;
        }
        if (f.equals("sync_info")) {
          Readers.object(q, (g, r) -> {
            switch (g) {
              case "latest_block_height": h[0] = Readers.int64(r); return true;
              case "latest_block_hash": s[2] = Readers.hexUpper(r); return true;
              case "latest_block_time": s[3] = Readers.stringOrEmpty(r); return true;
              case "catching_up": catching[0] = JsonValues.bool(r); return true;
              default: return false;
            }
          });
          if (h[0] < 0) {
            throw JsonValues.missing(q, "latest_block_height");
          }
          if (catching[0] == null) {
            throw JsonValues.missing(q, "catching_up");
          }
          return true;
        }
        return false;
      });
      if (s[0] == null) {
        throw Readers.missing(p, "node_info");
      }
      if (h[0] < 0) {
        throw Readers.missing(p, "sync_info");
      }
      return NodeStatus.of(s[0], s[1], h[0], s[2], s[3], catching[0]);
    }, true));
  }

  /**
   * {@code abci_query}.
   *
   * @param path e.g. {@code /cosmos.auth.v1beta1.Query/Account} or {@code /store/bank/key}
   * @param data the query bytes (protobuf request for gRPC paths)
   * @param height the height to read at, 0 for the latest
   * @param prove whether to ask for a Merkle proof (not returned here)
   */
  public AbciQueryResult abciQuery(String path, byte[] data, long height, boolean prove) {
    if (path == null || path.isEmpty() || path.length() > 1024) {
      throw CosmosException.invalid("path", "must be 1 to 1024 characters");
    }
    if (height < 0) {
      throw CosmosException.invalid("height", "must not be negative");
    }
    String hex = Hex.encode(data == null ? new byte[0] : data);
    return send(rpc.call("abci_query", g -> {
      g.writeString(path);
      g.writeString(hex);
      g.writeString(Long.toString(height));
      g.writeBoolean(prove);
    }, p -> {
      AbciQueryResult[] r = new AbciQueryResult[1];
      Readers.object(p, (f, q) -> {
        if (!f.equals("response")) {
          return false;
        }
        long[] n = {0, -1};
        String[] s = new String[2];
        byte[][] value = new byte[1][];
        Readers.object(q, (g, v) -> {
          switch (g) {
            case "code": n[0] = Readers.code(v); return true;
            case "height": n[1] = Readers.int64(v); return true;
            case "log": s[0] = Readers.stringOrEmpty(v); return true;
            case "codespace": s[1] = Readers.stringOrEmpty(v); return true;
            case "value": value[0] = Readers.base64(v); return true;
            default: return false;
          }
        });
        if (n[1] < 0) {
          throw JsonValues.missing(q, "height");
        }
        r[0] = AbciQueryResult.of(n[0], s[1], s[0], value[0], n[1]);
        return true;
      });
      if (r[0] == null) {
        throw Readers.missing(p, "response");
      }
      return r[0];
    }, true));
  }

  /**
   * {@code broadcast_tx_sync}: the hash and {@code CheckTx} result. Not retried once it may have
   * reached the node.
   */
  public BroadcastResult broadcastTxSync(byte[] txBytes) {
    if (txBytes == null || txBytes.length == 0) {
      throw CosmosException.invalid("txBytes", "must not be empty");
    }
    String b64 = Base64.encode(txBytes);
    String localHash = Readers.txHash(txBytes);
    return send(rpc.call("broadcast_tx_sync", g -> g.writeString(b64), p -> {
      String[] s = new String[3];
      long[] code = {-1};
      Readers.object(p, (f, q) -> {
        switch (f) {
          case "hash": s[0] = Readers.hexUpper(q); return true;
          case "code": code[0] = Readers.code(q); return true;
          case "codespace": s[1] = Readers.stringOrEmpty(q); return true;
          case "log": s[2] = Readers.stringOrEmpty(q); return true;
          default: return false;
        }
      });
      if (s[0] == null) {
        throw Readers.missing(p, "hash");
      }
      if (code[0] < 0) {
        throw Readers.missing(p, "code");
      }
      if (!s[0].equals(localHash)) {
        throw JsonValues.malformed(p, "hash " + s[0] + " is not the hash of the transaction sent (" + localHash + ")");
      }
      return BroadcastResult.of(s[0], code[0], s[1], s[2]);
    }, false));
  }

  /** {@code tx}: the included transaction {@code txHash} (64 hex digits); empty while it is not found. */
  public Optional<TxResult> tx(String txHash) {
    String h = Targets.txHash("txHash", txHash);
    String b64 = Base64.encode(Hex.decode(h));
    try {
      return Optional.of(rpc.call("tx", g -> {
        g.writeString(b64);
        g.writeBoolean(false);
      }, p -> {
        TxResult r = readTx(p, null);
        if (!r.txHash().equals(h)) {
          throw JsonValues.malformed(p, "hash " + r.txHash() + " is not the hash asked for");
        }
        return r;
      }, true).send());
    } catch (TransportException e) {
      if (e.kind() == TransportException.Kind.RPC_ERROR && (e.dataJson().orElse("").contains("not found")
          || e.rpcMessage().orElse("").contains("not found"))) {
        return Optional.empty();
      }
      throw CosmosErrors.translate(chainId, e);
    }
  }

  /** {@code {hash, height, index, tx_result: {...}, tx}}; {@code knownHash} is used when the object has no hash. */
  static TxResult readTx(JsonParser p, String knownHash) throws IOException {
    String[] hash = {knownHash};
    long[] height = {-1};
    ExecResult[] res = new ExecResult[1];
    Readers.object(p, (f, q) -> {
      switch (f) {
        case "hash": hash[0] = Readers.hexUpper(q); return true;
        case "height": height[0] = Readers.int64(q); return true;
        case "tx_result": res[0] = readExec(q, true); return true;
        default: return false;
      }
    });
    if (hash[0] == null) {
      throw Readers.missing(p, "hash");
    }
    if (height[0] < 0) {
      throw Readers.missing(p, "height");
    }
    if (res[0] == null) {
      throw Readers.missing(p, "tx_result");
    }
    return toTxResult(hash[0], height[0], res[0]);
  }

  static TxResult toTxResult(String hash, long height, ExecResult r) {
    return TxResult.builder(hash, height).result(r.code(), r.codespace(), r.log()).gas(r.gasWanted(), r.gasUsed())
        .events(r.events()).build();
  }

  /**
   * ABCI {@code ResponseDeliverTx} (0.37) / {@code ExecTxResult} (0.38). Zero values may be left
   * out (gogoproto's omitempty); an included transaction always has gas wanted and used, so those
   * are required when {@code requireGas}.
   */
  static ExecResult readExec(JsonParser p, boolean requireGas) throws IOException {
    long[] n = {0, -1, -1};
    String[] s = new String[2];
    List<List<TxEvent>> events = new ArrayList<>(1);
    Readers.object(p, (f, q) -> {
      switch (f) {
        case "code": n[0] = Readers.code(q); return true;
        case "gas_wanted": n[1] = Readers.int64(q); return true;
        case "gas_used": n[2] = Readers.int64(q); return true;
        case "codespace": s[0] = Readers.stringOrEmpty(q); return true;
        case "log": s[1] = Readers.stringOrEmpty(q); return true;
        case "events": events.add(Readers.events(q)); return true;
        default: return false;
      }
    });
    if (requireGas && n[1] < 0) {
      throw Readers.missing(p, "gas_wanted");
    }
    if (requireGas && n[2] < 0) {
      throw Readers.missing(p, "gas_used");
    }
    return ExecResult.of(n[0], s[0], s[1], Math.max(n[1], 0), Math.max(n[2], 0),
        events.isEmpty() ? Collections.emptyList() : events.get(0));
  }

  /** {@code block} at {@code height}, or the latest for 0. */
  public BlockInfo block(long height) {
    if (height < 0) {
      throw CosmosException.invalid("height", "must not be negative");
    }
    return send(rpc.call("block", g -> {
      if (height > 0) {
        g.writeString(Long.toString(height));
      }
    }, p -> {
      String[] s = new String[5];
      long[] h = {-1};
      List<List<byte[]>> txs = new ArrayList<>(1);
      Readers.object(p, (f, q) -> {
        if (f.equals("block_id")) {
          Readers.object(q, (g, r) -> {
            if (g.equals("hash")) {
              s[0] = Readers.hexUpper(r);
              return true;
            }
            return false;
          });
          return true;
        }
        if (f.equals("block")) {
          Readers.object(q, (g, r) -> {
            if (g.equals("header")) {
              Readers.object(r, (k, v) -> {
                switch (k) {
                  case "chain_id": s[1] = JsonValues.string(v); return true;
                  case "height": h[0] = Readers.int64(v); return true;
                  case "time": s[2] = Readers.stringOrEmpty(v); return true;
                  case "app_hash": s[3] = Readers.hexUpper(v); return true;
                  case "proposer_address": s[4] = Readers.hexUpper(v); return true;
                  default: return false;
                }
              });
              if (s[1] == null) {
                throw JsonValues.missing(r, "chain_id");
              }
              if (h[0] < 0) {
                throw JsonValues.missing(r, "height");
              }
              return true;
            }
            if (g.equals("data")) {
              Readers.object(r, (k, v) -> {
                if (k.equals("txs")) {
                  txs.add(Readers.listOrEmpty(v, Readers::base64));
                  return true;
                }
                return false;
              });
              return true;
            }
            return false;
          });
          if (h[0] < 0) {
            throw JsonValues.missing(q, "header");
          }
          return true;
        }
        return false;
      });
      if (s[0] == null) {
        throw Readers.missing(p, "block_id");
      }
      if (h[0] < 0) {
        throw Readers.missing(p, "block");
      }
      if (height > 0 && h[0] != height) {
        throw JsonValues.malformed(p, "block height " + h[0] + " is not the height asked for");
      }
      return BlockInfo.of(s[0], s[1], h[0], s[2], s[3], s[4], txs.isEmpty() ? Collections.emptyList() : txs.get(0));
    }, true));
  }

  /** {@code block_results} at {@code height}, or the latest for 0 (0.37 and 0.38 shapes). */
  public BlockResults blockResults(long height) {
    if (height < 0) {
      throw CosmosException.invalid("height", "must not be negative");
    }
    return send(rpc.call("block_results", g -> {
      if (height > 0) {
        g.writeString(Long.toString(height));
      }
    }, p -> {
      long[] h = {-1};
      List<ExecResult> txs = new ArrayList<>();
      List<TxEvent> begin = new ArrayList<>();
      List<TxEvent> end = new ArrayList<>();
      List<TxEvent> fin = new ArrayList<>();
      boolean[] finalize = {false};
      Readers.object(p, (f, q) -> {
        switch (f) {
          case "height": h[0] = Readers.int64(q); return true;
          case "txs_results": txs.addAll(Readers.listOrEmpty(q, r -> readExec(r, false))); return true;
          case "begin_block_events": begin.addAll(Readers.events(q)); return true;
          case "end_block_events": end.addAll(Readers.events(q)); return true;
          case "finalize_block_events":
            finalize[0] = true;
            fin.addAll(Readers.events(q));
            return true;
          default: return false;
        }
      });
      if (h[0] < 0) {
        throw Readers.missing(p, "height");
      }
      List<TxEvent> blockEvents = new ArrayList<>(begin);
      blockEvents.addAll(end);
      blockEvents.addAll(fin);
      return BlockResults.of(h[0], txs, blockEvents, finalize[0]);
    }, true));
  }

  // ------------------------------------------------------------------ events

  /** The query for transactions signed by {@code sender}: {@code tm.event='Tx' AND message.sender='<sender>'}. */
  public static String txQueryBySender(String sender) {
    return "tm.event='Tx' AND message.sender='" + Targets.address("sender", sender) + "'";
  }

  /** The query for one transaction: {@code tm.event='Tx' AND tx.hash='<HASH>'}. */
  public static String txQueryByHash(String txHash) {
    return "tm.event='Tx' AND tx.hash='" + Targets.txHash("txHash", txHash) + "'";
  }

  /**
   * Subscribes to the transactions matching {@code query} (which must contain {@code
   * tm.event='Tx'}) over {@code ws} (the node's {@code /websocket} endpoint). CometBFT's shape is
   * not {@code eth_subscribe}'s: {@code subscribe} answers {@code {}} and every event is a response
   * whose id is the request's id followed by {@code #event}; the subscription is renewed on every
   * reconnection and {@link CometTxListener#onGap} reports the height after which events may have
   * been missed.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code query} if it does not select Tx events or is over 512 characters
   */
  public static WsSubscription subscribeTxs(WsRpcClient ws, String query, CometTxListener listener) {
    Objects.requireNonNull(ws, "ws");
    Objects.requireNonNull(listener, "listener");
    if (query == null || !query.contains("tm.event='Tx'") || query.length() > 512) {
      throw CosmosException.invalid("query", "must contain tm.event='Tx' and be at most 512 characters");
    }
    WsSubscriptionSpec<TxResult> spec = WsSubscriptionSpec.ofResponseEvents("tx", "subscribe",
        g -> g.writeString(query), "#event", "unsubscribe", g -> g.writeString(query), CometRpcClient::readTxEvent);
    long[] lastHeight = {-1};
    return ws.subscribe(spec, new WsSubscriptionListener<TxResult>() {
      @Override
      public void onEvent(TxResult event) {
        lastHeight[0] = Math.max(lastHeight[0], event.height());
        listener.onTx(event);
      }

      @Override
      public void onResubscribed(WsGap gap) {
        listener.onGap(lastHeight[0], gap);
      }

      @Override
      public void onError(TransportException error) {
        listener.onError(error);
      }
    });
  }

  /**
   * A Tx event: {@code {query, data: {type: "tendermint/event/Tx", value: {TxResult: {height,
   * index, tx, result}}}, events: {"tx.hash": [...], ...}}}.
   */
  static TxResult readTxEvent(JsonParser p) throws IOException {
    long[] height = {-1};
    byte[][] tx = new byte[1][];
    ExecResult[] res = new ExecResult[1];
    String[] hash = new String[1];
    String[] type = new String[1];
    Readers.object(p, (f, q) -> {
      if (f.equals("data")) {
        Readers.object(q, (g, r) -> {
          if (g.equals("type")) {
            type[0] = JsonValues.string(r);
            return true;
          }
          if (g.equals("value")) {
            Readers.object(r, (k, v) -> {
              if (!k.equals("TxResult")) {
                return false;
              }
              Readers.object(v, (m, w) -> {
                switch (m) {
                  case "height": height[0] = Readers.int64(w); return true;
                  case "tx": tx[0] = Readers.base64(w); return true;
                  case "result": res[0] = readExec(w, true); return true;
                  default: return false;
                }
              });
              if (height[0] < 0) {
                throw JsonValues.missing(v, "height");
              }
              if (tx[0] == null) {
                throw JsonValues.missing(v, "tx");
              }
              if (res[0] == null) {
                throw JsonValues.missing(v, "result");
              }
              return true;
            });
            return true;
          }
          return false;
        });
        if (type[0] == null) {
          throw JsonValues.missing(q, "type");
        }
        if (!type[0].equals("tendermint/event/Tx")) {
          throw JsonValues.malformed(q, "expected a tendermint/event/Tx event, found " + type[0]);
        }
        if (res[0] == null) {
          throw JsonValues.missing(q, "value/TxResult");
        }
        return true;
      }
      if (f.equals("events") && !JsonValues.isNull(q)) {
        Readers.object(q, (g, r) -> {
          if (g.equals("tx.hash")) {
            List<String> hs = JsonValues.list(r, JsonValues::string);
            if (!hs.isEmpty()) {
              hash[0] = hs.get(0).toUpperCase(java.util.Locale.ROOT);
            }
            return true;
          }
          return false;
        });
        return true;
      }
      return false;
    });
    if (res[0] == null) {
      throw Readers.missing(p, "data");
    }
    String computed = Readers.txHash(tx[0]);
    if (hash[0] != null && !hash[0].equals(computed)) {
      throw JsonValues.malformed(p, "events tx.hash " + hash[0] + " is not the hash of the event's tx (" + computed + ")");
    }
    return toTxResult(computed, height[0], res[0]);
  }

  // ------------------------------------------------------------------ plumbing

  private <T> T send(RpcCall<T> call) {
    try {
      return call.send();
    } catch (TransportException e) {
      throw CosmosErrors.translate(chainId, e);
    }
  }

  /** Closes the JSON-RPC client if this client created it. */
  @Override
  public void close() {
    if (owns) {
      rpc.close();
    }
  }

  @Override
  public String toString() {
    return "CometRpcClient{" + rpc + "}";
  }
}
