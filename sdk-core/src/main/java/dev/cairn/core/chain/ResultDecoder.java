package dev.cairn.core.chain;

import java.nio.charset.StandardCharsets;

/**
 * Turns the raw result of a contract call into a value: EVM ABI-encoded return data, SVM return
 * data or account bytes, CosmWasm JSON bytes. ABI decoders (EVM) and JSON decoders (CosmWasm) are
 * provided by the chain modules or the caller. Decoders must be thread-safe and should reject
 * malformed input with a {@link dev.cairn.core.encoding.DecodingException}.
 *
 * @param <T> the decoded type
 */
@FunctionalInterface
public interface ResultDecoder<T> {

  /** Decodes {@code raw} (never null; the decoder may not modify it). */
  T decode(byte[] raw);

  /** A decoder giving the raw bytes as UTF-8 text (CosmWasm query results are JSON). */
  static ResultDecoder<String> utf8() {
    return raw -> new String(raw, StandardCharsets.UTF_8);
  }
}
