package dev.cairn.hsm.policy;

import dev.cairn.core.chain.AccountId;
import java.util.Locale;

/** Comparison keys of accounts: EVM addresses are compared without their checksum case. */
final class Addresses {
  private Addresses() {}

  static String key(AccountId a) {
    if ("eip155".equals(a.chainId().namespace())) {
      return a.chainId() + ":" + a.address().toLowerCase(Locale.ROOT);
    }
    return a.toString();
  }
}
