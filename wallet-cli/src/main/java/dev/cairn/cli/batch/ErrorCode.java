package dev.cairn.cli.batch;

/**
 * The error codes of the batch interface (docs: /work/shared/specs/wallet-cli.md, "Batch mode").
 * Their names are part of the stable machine interface.
 */
public enum ErrorCode {
  /** Malformed JSON, a line that is not a JSON object, an unknown op or field, a missing field. */
  BAD_REQUEST,
  /** A value that does not fit its type: wrong length, out of range, bad checksum, bad word. */
  INVALID_ARGUMENT,
  /** Bytes or text that are not a valid encoding (hex, base58, bech32, ...). */
  DECODE_ERROR,
  /** An op of the specification that this build does not implement yet. */
  UNSUPPORTED,
  /** A bug in the tool: an exception nobody expected. The message holds only its type. */
  INTERNAL_ERROR
}
