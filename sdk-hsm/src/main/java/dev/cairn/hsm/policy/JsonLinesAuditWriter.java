package dev.cairn.hsm.policy;

import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.chain.TransactionSummary.Action;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * An example {@link AuditListener} sink: one compact JSON object per line (JSON Lines), written with
 * sdk-core's JSON writer and flushed after each record. Thread-safe (records are written whole, one
 * at a time). An I/O error is thrown as {@link UncheckedIOException}, which the {@link PolicySigner}
 * counts and reports without failing the signature.
 *
 * <p>Fields: {@code requestId}, {@code time} (ISO-8601), {@code decision}, {@code kind}, {@code
 * chain}, {@code account}, {@code digest}, {@code payloadLength}, {@code signer} ({@code backend},
 * {@code keyType}, {@code publicKey}, {@code keyId}, {@code path}), {@code rule}, {@code reason},
 * and {@code summary} ({@code chain}, {@code signer}, {@code feePayer}, {@code feeLimit}, {@code
 * actions}: {@code type}, {@code from}, {@code to}, {@code amount}, {@code token}, {@code units},
 * {@code method}, {@code funds}); absent values are omitted. Amounts are {@code "<units> <denom>"}.
 */
public final class JsonLinesAuditWriter implements AuditListener, Closeable {
  private final Writer out;

  private JsonLinesAuditWriter(Writer out) {
    this.out = out;
  }

  /**
   * A writer appending to {@code out} (which it closes on {@link #close()}).
   *
   * @throws SignerException INVALID_REQUEST when {@code out} is null
   */
  public static JsonLinesAuditWriter to(Writer out) {
    if (out == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "out", "is null");
    }
    return new JsonLinesAuditWriter(out);
  }

  @Override
  public void onRecord(AuditRecord record) {
    String line = toJson(record);
    synchronized (this) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("audit log: write failed", e);
      }
    }
  }

  /** The record as one compact JSON object (no line break). */
  public static String toJson(AuditRecord r) {
    JsonObject.Builder b = JsonObject.builder()
        .put("requestId", r.requestId())
        .put("time", r.time().toString())
        .put("decision", r.decision().name())
        .put("kind", r.kind().name());
    r.chain().ifPresent(c -> b.put("chain", c.toString()));
    r.account().ifPresent(a -> b.put("account", a.toString()));
    r.digestHex().ifPresent(d -> b.put("digest", d));
    b.put("payloadLength", r.payloadLength());
    b.put("signer", signer(r.signer()));
    r.rule().ifPresent(x -> b.put("rule", x));
    b.put("reason", r.reason());
    r.summary().ifPresent(s -> b.put("summary", summary(s)));
    return Json.write(b.build());
  }

  private static JsonObject signer(SignerDescriptor d) {
    JsonObject.Builder b = JsonObject.builder()
        .put("backend", d.backend())
        .put("keyType", d.keyType().name())
        .put("publicKey", Hex.encode(d.publicKey()));
    d.keyId().ifPresent(k -> b.put("keyId", k));
    d.derivationPath().ifPresent(p -> b.put("path", p));
    return b.build();
  }

  private static JsonObject summary(TransactionSummary s) {
    JsonObject.Builder b = JsonObject.builder().put("chain", s.chainId().toString());
    s.signer().ifPresent(a -> b.put("signer", a.toString()));
    s.feePayer().ifPresent(a -> b.put("feePayer", a.toString()));
    s.feeLimit().ifPresent(a -> b.put("feeLimit", amount(a)));
    List<JsonValue> actions = new ArrayList<>();
    for (Action a : s.actions()) {
      JsonObject.Builder ab = JsonObject.builder().put("type", a.type().name());
      a.from().ifPresent(x -> ab.put("from", x.toString()));
      a.to().ifPresent(x -> ab.put("to", x.toString()));
      a.amount().ifPresent(x -> ab.put("amount", amount(x)));
      a.token().ifPresent(x -> ab.put("token", x.toString()));
      a.tokenAmount().ifPresent(x -> ab.put("units", x.toString()));
      a.method().ifPresent(x -> ab.put("method", x));
      if (!a.funds().isEmpty()) {
        List<JsonValue> f = new ArrayList<>();
        for (Amount x : a.funds()) {
          f.add(JsonString.of(amount(x)));
        }
        ab.put("funds", JsonArray.of(f));
      }
      actions.add(ab.build());
    }
    b.put("actions", JsonArray.of(actions));
    return b.build();
  }

  private static String amount(Amount a) {
    return a.units() + " " + a.denomination().code();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
