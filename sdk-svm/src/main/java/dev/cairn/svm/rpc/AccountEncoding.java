package dev.cairn.svm.rpc;

/** How account data is asked for. */
public enum AccountEncoding {
  /** Raw bytes ({@code "base64"}): {@link AccountInfo#data()}. */
  BASE64("base64"),
  /**
   * The node's parsed form where it has a parser (SPL Token accounts and mints, nonce accounts,
   * lookup tables, ...): {@link AccountInfo#parsed()}; other accounts come back as raw bytes.
   */
  JSON_PARSED("jsonParsed");

  private final String wire;

  AccountEncoding(String wire) {
    this.wire = wire;
  }

  /** The JSON-RPC name. */
  public String wireName() {
    return wire;
  }
}
