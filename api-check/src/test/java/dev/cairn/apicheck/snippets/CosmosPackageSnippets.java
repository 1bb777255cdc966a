package dev.cairn.apicheck.snippets;

import dev.cairn.core.signer.Signer;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosPublicKey;

/** The package-info examples of sdk-cosmwasm, compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class CosmosPackageSnippets {
  private CosmosPackageSnippets() {}

  static void cosmos(Signer signer, byte[] codeChecksum) {
    // region:dev.cairn.cosmos
    CosmosPublicKey key = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, signer.publicKey());
    CosmosAddress me = key.address("osmo");                        // ripemd160(sha256(key))
    CosmosAddress valoper = me.withPrefix("osmovaloper");
    CosmosAddress parsed = CosmosAddress.parse(me.toString(), "osmo"); // WRONG_PREFIX otherwise
    CosmosAddress contract = CosmosAddress.instantiate2(codeChecksum, me, new byte[] {1}, null, "osmo");
    Coin fee = Coin.parse("uosmo", "5000");
    System.out.println(fee); // 5000uosmo
    // endregion
  }
}
