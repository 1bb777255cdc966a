package dev.cairn.examples.backend;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.encoding.Hex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only journal of transfers: one line per event, flushed and forced to disk before the
 * call returns, so that a transaction is on disk as {@code signed} before it is sent.
 *
 * <pre>
 * signed  &lt;chain id&gt; &lt;transaction id&gt; &lt;hex of the signed wire bytes&gt;
 * sent    &lt;chain id&gt; &lt;transaction id&gt;
 * landed  &lt;chain id&gt; &lt;transaction id&gt; &lt;height&gt; &lt;ok|reverted&gt;
 * failed  &lt;chain id&gt; &lt;transaction id&gt; &lt;error kind&gt;
 * </pre>
 *
 * <p>Signed bytes are public once sent (they go to the node); no key ever reaches the journal. A
 * production desk keeps this in its database; a file shows the order of writes that matters.
 */
public final class TransferJournal {
  /** A transaction the journal holds as signed with no outcome yet. */
  public static final class Entry {
    private final ChainId chainId;
    private final String transactionId;
    private final byte[] encoded;

    Entry(ChainId chainId, String transactionId, byte[] encoded) {
      this.chainId = chainId;
      this.transactionId = transactionId;
      this.encoded = encoded;
    }

    public ChainId chainId() {
      return chainId;
    }

    public String transactionId() {
      return transactionId;
    }

    public byte[] encoded() {
      return encoded.clone();
    }
  }

  private final Path file;
  private final Map<String, Entry> inFlight;

  private TransferJournal(Path file, Map<String, Entry> inFlight) {
    this.file = file;
    this.inFlight = inFlight;
  }

  /** Opens (or creates) the journal at {@code file} and reads what is still in flight. */
  public static TransferJournal open(Path file) {
    Map<String, Entry> open = new LinkedHashMap<>();
    try {
      if (Files.exists(file)) {
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          lineNo++;
          if (line.isEmpty()) {
            continue;
          }
          String[] f = line.split(" ", -1);
          if (f.length < 3) {
            throw new IllegalStateException(file + ":" + lineNo + ": expected at least 3 fields");
          }
          String key = f[1] + " " + f[2];
          switch (f[0]) {
            case "signed":
              if (f.length != 4) {
                throw new IllegalStateException(file + ":" + lineNo + ": a signed line has 4 fields");
              }
              open.put(key, new Entry(ChainId.parse(f[1]), f[2], Hex.decode(f[3])));
              break;
            case "sent":
              break;
            case "landed":
            case "failed":
              open.remove(key);
              break;
            default:
              throw new IllegalStateException(file + ":" + lineNo + ": unknown event \"" + f[0] + "\"");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TransferJournal(file, open);
  }

  /** What was signed and has no outcome yet, in journal order. */
  public synchronized List<Entry> inFlight() {
    return new ArrayList<>(inFlight.values());
  }

  /** Records a signed transaction; call before sending it. */
  public synchronized void signed(SignedTransaction tx) {
    byte[] wire = tx.encoded();
    inFlight.put(tx.chainId() + " " + tx.id(), new Entry(tx.chainId(), tx.id(), wire));
    append("signed " + tx.chainId() + " " + tx.id() + " " + Hex.encode(wire));
  }

  public synchronized void sent(ChainId chain, String id) {
    append("sent " + chain + " " + id);
  }

  public synchronized void landed(TxReceipt r) {
    inFlight.remove(r.chainId() + " " + r.transactionId());
    append("landed " + r.chainId() + " " + r.transactionId() + " " + r.height() + " " + (r.isSuccess() ? "ok" : "reverted"));
  }

  public synchronized void failed(ChainId chain, String id, String kind) {
    inFlight.remove(chain + " " + id);
    append("failed " + chain + " " + id + " " + kind.replace(' ', '_'));
  }

  private void append(String line) {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.DSYNC)) {
      w.write(line);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
