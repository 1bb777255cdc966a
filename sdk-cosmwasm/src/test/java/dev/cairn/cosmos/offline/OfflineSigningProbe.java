package dev.cairn.cosmos.offline;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxRaw;
import dev.cairn.cosmos.tx.TxSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** Builds, signs (direct and amino) and decodes offline; run by {@link OfflineClosureTest} in an isolated loader. */
public final class OfflineSigningProbe implements Supplier<String> {
  @Override
  public String get() {
    StringBuilder out = new StringBuilder();
    for (SignMode mode : SignMode.values()) {
      byte[] k = Hex.decode("0707070707070707070707070707070707070707070707070707070707070707");
      CosmosPublicKey pub = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, Secp256k1PrivateKey.of(k).publicKey().compressed());
      String me = pub.address("wasm").toString();
      String contract = "wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d";
      CosmosTransaction tx = CosmosTransaction.builder("testing-1")
          .message(MsgSend.of(me, me, List.of(Coin.of("ustake", 1))))
          .message(MsgExecuteContract.of(me, contract, "{\"ping\":{}}".getBytes(StandardCharsets.UTF_8), List.of()))
          .fee(List.of(Coin.of("ustake", 500)), 300_000)
          .signer(TxSigner.of(pub, "wasm", 4, 5, mode)).build();
      try (SoftwareSigner s = Signers.software(Secp256k1PrivateKey.of(k))) {
        SignedCosmosTransaction signed = tx.sign(List.of(s));
        TxRaw back = TxRaw.decode(signed.encoded());
        out.append(signed.id()).append(' ').append(back.body().messages().size());
        // the portable unsigned form and a signed TxRaw decode offline too
        CosmosTransaction again = CosmosTransaction.decode(tx.encoded());
        out.append(' ').append(again.sign(List.of(s)).id().equals(signed.id()));
        out.append(' ').append(SignedCosmosTransaction.decode(signed.encoded(), tx.chainId()).id()).append('\n');
      }
    }
    return out.toString();
  }
}
