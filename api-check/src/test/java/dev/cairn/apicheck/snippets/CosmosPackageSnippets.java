package dev.cairn.apicheck.snippets;

import dev.cairn.cosmos.Coin;

/** The package-info examples of sdk-cosmwasm, compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class CosmosPackageSnippets {
  private CosmosPackageSnippets() {}

  static void cosmos() {
    // region:dev.cairn.cosmos
    Coin fee = Coin.parse("uatom", "5000");
    System.out.println(fee); // 5000uatom
    // endregion
  }
}
