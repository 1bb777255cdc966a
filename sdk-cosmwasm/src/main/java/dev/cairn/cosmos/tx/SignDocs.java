package dev.cairn.cosmos.tx;

import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.msg.CosmosMsg;
import java.util.ArrayList;
import java.util.List;

/**
 * The two sign documents: SIGN_MODE_DIRECT's protobuf {@code SignDoc} and
 * SIGN_MODE_LEGACY_AMINO_JSON's {@code StdSignDoc}, byte-identical with CosmJS ({@code makeSignBytes}
 * and {@code serializeSignDoc}).
 */
public final class SignDocs {
  private SignDocs() {}

  /**
   * {@code SignDoc{body_bytes = 1, auth_info_bytes = 2, chain_id = 3, account_number = 4}}.
   */
  public static byte[] direct(byte[] bodyBytes, byte[] authInfoBytes, String chainId, long accountNumber) {
    return new ProtoWriter().bytes(1, bodyBytes).bytes(2, authInfoBytes).string(3, chainId)
        .uint64(4, accountNumber).toByteArray();
  }

  /**
   * The amino {@code StdSignDoc} as CosmJS serialises it: keys sorted, compact, {@code & < >}
   * escaped as {@code \u0026 \u003c \u003e}, account number and sequence as decimal strings,
   * {@code timeout_height} only when non-zero, the fee's payer and granter only when set.
   *
   * @throws CosmosException (INVALID_INPUT) when a message has no amino form
   */
  public static String amino(String chainId, long accountNumber, long sequence, Fee fee, List<CosmosMsg> msgs,
      String memo, long timeoutHeight) {
    List<JsonValue> m = new ArrayList<>(msgs.size());
    for (CosmosMsg msg : msgs) {
      if (!msg.hasAmino()) {
        msg.aminoType(); // throws the explanation
      }
      m.add(JsonObject.builder().put("type", msg.aminoType()).put("value", msg.toAmino()).build());
    }
    List<JsonValue> amount = new ArrayList<>(fee.amount().size());
    for (Coin c : fee.amount()) {
      amount.add(JsonObject.builder().put("amount", c.amount().toString()).put("denom", c.denom()).build());
    }
    JsonObject.Builder f = JsonObject.builder().put("amount", JsonArray.of(amount))
        .put("gas", Long.toUnsignedString(fee.gasLimit()));
    if (!fee.granter().isEmpty()) {
      f.put("granter", fee.granter());
    }
    if (!fee.payer().isEmpty()) {
      f.put("payer", fee.payer());
    }
    JsonObject.Builder doc = JsonObject.builder().put("chain_id", chainId)
        .put("account_number", Long.toUnsignedString(accountNumber)).put("sequence", Long.toUnsignedString(sequence))
        .put("fee", f.build()).put("msgs", JsonArray.of(m)).put("memo", memo == null ? "" : memo);
    if (timeoutHeight != 0) {
      doc.put("timeout_height", Long.toUnsignedString(timeoutHeight));
    }
    return escape(Json.writeCanonical(doc.build()));
  }

  private static String escape(String json) {
    StringBuilder sb = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      String rep = c == '&' ? "\\u0026" : c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : null;
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? json : sb.toString();
  }
}
