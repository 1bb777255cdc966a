package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /cosmos.bank.v1beta1.MsgMultiSend}: coins from inputs to outputs (Cosmos SDK 0.46 and later
 * accept exactly one input; the chain checks that the sums match).
 */
public final class MsgMultiSend extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.bank.v1beta1.MsgMultiSend";

  /** An input or output: an address and its coins. */
  public static final class Entry {
    private final String address;
    private final List<Coin> coins;

    private Entry(String address, List<Coin> coins) {
      this.address = address;
      this.coins = coins;
    }

    /** @throws CosmosException (INVALID_INPUT) naming the field */
    public static Entry of(String address, List<Coin> coins) {
      return new Entry(MsgSupport.address("address", address), MsgSupport.coins("coins", coins));
    }

    public String address() {
      return address;
    }

    public List<Coin> coins() {
      return coins;
    }

    byte[] encode() {
      ProtoWriter w = new ProtoWriter().string(1, address);
      for (Coin c : coins) {
        w.message(2, Wire.coin(c));
      }
      return w.toByteArray();
    }

    static Entry read(ProtoReader parent, byte[] b, String name) {
      ProtoReader r = parent.nested(b, name, parent.payloadOffset(b));
      String address = "";
      List<Coin> coins = new ArrayList<>();
      while (r.next()) {
        switch (r.field()) {
          case 1:
            address = r.string("address");
            break;
          case 2:
            coins.add(readCoin(r, "coins"));
            break;
          default:
            r.skip();
        }
      }
      try {
        return of(address, coins);
      } catch (CosmosException e) {
        throw invalid(r, e);
      }
    }

    JsonObject json() {
      return JsonObject.builder().put("address", address).put("coins", coinsJson(coins)).build();
    }

    static Entry fromJson(JsonValue v) {
      if (!(v instanceof JsonObject)) {
        throw CosmosException.invalid("inputs/outputs", "entry must be an object {address, coins}");
      }
      JsonObject o = (JsonObject) v;
      return of(str(o, "address"), coinsFromJson(o, "coins"));
    }
  }

  private final List<Entry> inputs;
  private final List<Entry> outputs;

  private MsgMultiSend(List<Entry> inputs, List<Entry> outputs) {
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** @throws CosmosException (INVALID_INPUT) naming the field */
  public static MsgMultiSend of(List<Entry> inputs, List<Entry> outputs) {
    return new MsgMultiSend(list("inputs", inputs), list("outputs", outputs));
  }

  public List<Entry> inputs() {
    return inputs;
  }

  public List<Entry> outputs() {
    return outputs;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    for (Entry e : inputs) {
      w.message(1, e.encode());
    }
    for (Entry e : outputs) {
      w.message(2, e.encode());
    }
    return w.toByteArray();
  }

  static MsgMultiSend decode(ProtoReader r) {
    List<Entry> in = new ArrayList<>();
    List<Entry> out = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          in.add(Entry.read(r, r.bytes("inputs"), "Input"));
          break;
        case 2:
          out.add(Entry.read(r, r.bytes("outputs"), "Output"));
          break;
        default:
          r.skip();
      }
    }
    return of(in, out);
  }

  private static JsonArray entries(List<Entry> es) {
    List<JsonValue> out = new ArrayList<>(es.size());
    for (Entry e : es) {
      out.add(e.json());
    }
    return JsonArray.of(out);
  }

  @Override
  public JsonObject toJson() {
    return JsonObject.builder().put("inputs", entries(inputs)).put("outputs", entries(outputs)).build();
  }

  static MsgMultiSend fromJson(JsonObject o) {
    List<Entry> in = new ArrayList<>();
    for (JsonValue v : arr(o, "inputs").elements()) {
      in.add(Entry.fromJson(v));
    }
    List<Entry> out = new ArrayList<>();
    for (JsonValue v : arr(o, "outputs").elements()) {
      out.add(Entry.fromJson(v));
    }
    return of(in, out);
  }

  @Override
  public String aminoType() {
    return "cosmos-sdk/MsgMultiSend";
  }

  @Override
  public JsonObject toAmino() {
    return toJson(); // the same field names: address, coins
  }
}
