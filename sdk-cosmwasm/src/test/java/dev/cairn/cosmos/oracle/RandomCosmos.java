package dev.cairn.cosmos.oracle;

import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonBoolean;
import dev.cairn.core.json.JsonNull;
import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.msg.AccessConfig;
import dev.cairn.cosmos.msg.BasicAllowance;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.GenericAuthorization;
import dev.cairn.cosmos.msg.MsgBeginRedelegate;
import dev.cairn.cosmos.msg.MsgClearAdmin;
import dev.cairn.cosmos.msg.MsgDelegate;
import dev.cairn.cosmos.msg.MsgExec;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgGrant;
import dev.cairn.cosmos.msg.MsgGrantAllowance;
import dev.cairn.cosmos.msg.MsgInstantiateContract;
import dev.cairn.cosmos.msg.MsgInstantiateContract2;
import dev.cairn.cosmos.msg.MsgMigrateContract;
import dev.cairn.cosmos.msg.MsgMultiSend;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.msg.MsgStoreCode;
import dev.cairn.cosmos.msg.MsgTransfer;
import dev.cairn.cosmos.msg.MsgUndelegate;
import dev.cairn.cosmos.msg.MsgUpdateAdmin;
import dev.cairn.cosmos.msg.MsgWithdrawDelegatorReward;
import dev.cairn.cosmos.msg.PeriodicAllowance;
import dev.cairn.cosmos.msg.SendAuthorization;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random Cosmos messages for the differential and property tests. */
public final class RandomCosmos {
  /** Every message type the library models, as the differential suite iterates them. */
  public static final List<String> TYPES = List.of(
      MsgSend.TYPE_URL, MsgMultiSend.TYPE_URL, MsgExecuteContract.TYPE_URL, MsgInstantiateContract.TYPE_URL,
      MsgInstantiateContract2.TYPE_URL, MsgMigrateContract.TYPE_URL, MsgStoreCode.TYPE_URL, MsgUpdateAdmin.TYPE_URL,
      MsgClearAdmin.TYPE_URL, MsgDelegate.TYPE_URL, MsgUndelegate.TYPE_URL, MsgBeginRedelegate.TYPE_URL,
      MsgWithdrawDelegatorReward.TYPE_URL, MsgTransfer.TYPE_URL, MsgExec.TYPE_URL, MsgGrant.TYPE_URL,
      MsgGrantAllowance.TYPE_URL);

  private static final String[] PREFIXES = {"cosmos", "osmo", "juno", "wasm", "neutron", "stars"};
  private static final String[] DENOMS = {"uatom", "uosmo", "ujuno", "stake", "aevmos", "factory/osmo1abc/token", "gamm/pool/1"};
  private static final String TEXT = "abcXYZ 019_-.:/&<>\"'\\\u00e9\u00fc\u4e2d\u6587\u2028\n\t\u0001\u007f\ud83d\ude00";

  private final Random r;
  public final String prefix;

  public RandomCosmos(long seed) {
    this.r = new Random(seed);
    this.prefix = PREFIXES[r.nextInt(PREFIXES.length)];
  }

  public Random random() {
    return r;
  }

  public byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  public String account() {
    return CosmosAddress.of(prefix, bytes(20)).toString();
  }

  public String validator() {
    return CosmosAddress.of(prefix + "valoper", bytes(20)).toString();
  }

  public String contract() {
    return CosmosAddress.of(prefix, bytes(32)).toString();
  }

  public String text(int max) {
    int n = r.nextInt(max + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      char c = TEXT.charAt(r.nextInt(TEXT.length()));
      if (Character.isHighSurrogate(c)) {
        sb.append("\ud83d\ude00");
      } else if (!Character.isLowSurrogate(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public String denom() {
    if (r.nextInt(4) == 0) {
      StringBuilder sb = new StringBuilder("ibc/");
      for (int i = 0; i < 64; i++) {
        sb.append("0123456789ABCDEF".charAt(r.nextInt(16)));
      }
      return sb.toString();
    }
    return DENOMS[r.nextInt(DENOMS.length)];
  }

  public BigInteger amount() {
    switch (r.nextInt(5)) {
      case 0:
        return BigInteger.ZERO;
      case 1:
        return new BigInteger(1 + r.nextInt(255), r);
      default:
        return BigInteger.valueOf(r.nextInt(1_000_000_000));
    }
  }

  public Coin coin() {
    return Coin.of(denom(), amount());
  }

  public List<Coin> coins(int max) {
    int n = r.nextInt(max + 1);
    List<Coin> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(coin());
    }
    return out;
  }

  /** A non-negative long below 2^53 (what CosmJS holds exactly), biased to small values and 0. */
  public long u53() {
    switch (r.nextInt(4)) {
      case 0:
        return 0;
      case 1:
        return r.nextInt(100);
      default:
        return r.nextLong() >>> 11;
    }
  }

  public long u64() {
    return r.nextInt(3) == 0 ? r.nextInt(1000) : r.nextLong() >>> 1;
  }

  /** A JSON value for a CosmWasm message: no numeric keys, integers within 2^53 (amino-safe). */
  public JsonValue json(int depth) {
    int k = depth > 3 ? r.nextInt(4) : r.nextInt(7);
    switch (k) {
      case 0:
        return JsonString.of(text(12));
      case 1:
        return JsonNumber.of((r.nextLong() >> 11) / (1L << r.nextInt(50)));
      case 2:
        return JsonBoolean.of(r.nextBoolean());
      case 3:
        return r.nextInt(3) == 0 ? JsonNull.INSTANCE : JsonString.of(account());
      case 4: {
        List<JsonValue> a = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(json(depth + 1));
        }
        return JsonArray.of(a);
      }
      default:
        return object(depth + 1);
    }
  }

  public JsonObject object(int depth) {
    JsonObject.Builder b = JsonObject.builder();
    int n = r.nextInt(4);
    List<String> used = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = "k" + text(6);
      if (!used.contains(key)) {
        used.add(key);
        b.put(key, json(depth));
      }
    }
    return b.build();
  }

  /** A contract message: {@code {"action": {...}}} in compact UTF-8 JSON, key order as generated. */
  public byte[] wasmMsg() {
    JsonObject o = JsonObject.builder().put(text(8).isEmpty() ? "noop" : "do_" + text(6), object(1)).build();
    return Json.write(o).getBytes(StandardCharsets.UTF_8);
  }

  public Instant timestamp() {
    return Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
  }

  /** A random message of the given type; {@code sender} signs it. */
  public CosmosMsg msg(String typeUrl, String sender) {
    switch (typeUrl) {
      case MsgSend.TYPE_URL:
        return MsgSend.of(sender, account(), coins(3));
      case MsgMultiSend.TYPE_URL: {
        List<MsgMultiSend.Entry> in = List.of(MsgMultiSend.Entry.of(sender, coins(3)));
        List<MsgMultiSend.Entry> out = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          out.add(MsgMultiSend.Entry.of(account(), coins(2)));
        }
        return MsgMultiSend.of(in, out);
      }
      case MsgExecuteContract.TYPE_URL:
        return MsgExecuteContract.of(sender, contract(), wasmMsg(), coins(2));
      case MsgInstantiateContract.TYPE_URL:
        return MsgInstantiateContract.of(sender, r.nextBoolean() ? "" : account(), u64(), "label " + text(20), wasmMsg(), coins(2));
      case MsgInstantiateContract2.TYPE_URL:
        return MsgInstantiateContract2.of(sender, r.nextBoolean() ? "" : account(), u64(), "l" + text(20), wasmMsg(), coins(2),
            bytes(1 + r.nextInt(64)), r.nextBoolean());
      case MsgMigrateContract.TYPE_URL:
        return MsgMigrateContract.of(sender, contract(), u64(), wasmMsg());
      case MsgStoreCode.TYPE_URL: {
        AccessConfig perm = null;
        switch (r.nextInt(4)) {
          case 0:
            perm = AccessConfig.of(AccessConfig.Permission.EVERYBODY, List.of());
            break;
          case 1:
            perm = AccessConfig.of(AccessConfig.Permission.NOBODY, List.of());
            break;
          case 2:
            perm = AccessConfig.of(AccessConfig.Permission.ANY_OF_ADDRESSES, List.of(account(), account()));
            break;
          default:
            break;
        }
        byte[] wasm = new byte[8 + r.nextInt(600)];
        wasm[0] = 0;
        wasm[1] = 'a';
        wasm[2] = 's';
        wasm[3] = 'm';
        for (int i = 4; i < wasm.length; i++) {
          wasm[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : 'x');
        }
        return MsgStoreCode.of(sender, wasm, perm);
      }
      case MsgUpdateAdmin.TYPE_URL:
        return MsgUpdateAdmin.of(sender, account(), contract());
      case MsgClearAdmin.TYPE_URL:
        return MsgClearAdmin.of(sender, contract());
      case MsgDelegate.TYPE_URL:
        return MsgDelegate.of(sender, validator(), coin());
      case MsgUndelegate.TYPE_URL:
        return MsgUndelegate.of(sender, validator(), coin());
      case MsgBeginRedelegate.TYPE_URL:
        return MsgBeginRedelegate.of(sender, validator(), validator(), coin());
      case MsgWithdrawDelegatorReward.TYPE_URL:
        return MsgWithdrawDelegatorReward.of(sender, validator());
      case MsgTransfer.TYPE_URL: {
        long rn = r.nextInt(3) == 0 ? 0 : r.nextInt(10);
        long rh = r.nextInt(3) == 0 ? 0 : u53();
        long ts = r.nextInt(3) == 0 ? 0 : u64();
        if (rn == 0 && rh == 0 && ts == 0) {
          ts = 1_700_000_000_000_000_000L;
        }
        return MsgTransfer.of("transfer", "channel-" + r.nextInt(1000), coin(), sender,
            CosmosAddress.of("osmo", bytes(20)).toString(), rn, rh, ts, r.nextBoolean() ? "" : text(40));
      }
      case MsgExec.TYPE_URL: {
        List<CosmosMsg> inner = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        String granter = account();
        for (int i = 0; i < n; i++) {
          String t = List.of(MsgSend.TYPE_URL, MsgDelegate.TYPE_URL, MsgExecuteContract.TYPE_URL,
              MsgWithdrawDelegatorReward.TYPE_URL, MsgTransfer.TYPE_URL).get(r.nextInt(5));
          inner.add(msg(t, granter));
        }
        return MsgExec.of(sender, inner);
      }
      case MsgGrant.TYPE_URL: {
        CosmosMsg auth = r.nextBoolean()
            ? GenericAuthorization.of(TYPES.get(r.nextInt(TYPES.size())))
            : SendAuthorization.of(coins(2), r.nextBoolean() ? List.of() : List.of(account()));
        return MsgGrant.of(sender, account(), auth, r.nextBoolean() ? null : timestamp());
      }
      case MsgGrantAllowance.TYPE_URL: {
        BasicAllowance basic = BasicAllowance.of(coins(2), r.nextBoolean() ? null : timestamp());
        CosmosMsg allowance = r.nextBoolean() ? basic
            : PeriodicAllowance.of(basic, Duration.ofSeconds(r.nextInt(1_000_000), r.nextInt(1_000_000_000)),
                coins(2), coins(2), timestamp());
        return MsgGrantAllowance.of(sender, account(), allowance);
      }
      default:
        throw new IllegalArgumentException(typeUrl);
    }
  }
}
