package dev.cairn.core.chain;

import dev.cairn.core.chain.spi.TransactionInspector;
import dev.cairn.core.signer.SignRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link TransactionInspector}s on the class path (once, at first use) and summarises
 * sign requests with them: {@code Inspectors.inspect(request)} is what a signing policy calls
 * before it lets a signer sign. Thread-safe.
 */
public final class Inspectors {
  private Inspectors() {}

  private static final class Holder {
    static final List<TransactionInspector> ALL = load();

    private static List<TransactionInspector> load() {
      List<TransactionInspector> out = new ArrayList<>();
      for (TransactionInspector i : ServiceLoader.load(TransactionInspector.class, Inspectors.class.getClassLoader())) {
        out.add(i);
      }
      return Collections.unmodifiableList(out);
    }
  }

  /** The inspectors found (unmodifiable). */
  public static List<TransactionInspector> available() {
    return Holder.ALL;
  }

  /**
   * The summary of {@code request} from the first inspector that supports its kind.
   *
   * @throws ChainException INVALID_INPUT for a null or malformed request, UNSUPPORTED when no
   *     inspector on the class path reads its kind
   */
  public static TransactionSummary inspect(SignRequest request) {
    if (request == null) {
      throw Checks.invalid("request: is null");
    }
    ChainId chain = request.account().map(AccountId::chainId).orElse(null);
    for (TransactionInspector i : Holder.ALL) {
      if (i.supports(request.kind())) {
        TransactionSummary s = i.inspect(request);
        if (s == null) {
          throw new ChainException(ChainError.of(ErrorKind.UNKNOWN, chain, "inspector " + i.name() + " returned no summary"));
        }
        return s;
      }
    }
    throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chain,
        "request.kind: no transaction inspector for " + request.kind() + " on the class path"));
  }
}
