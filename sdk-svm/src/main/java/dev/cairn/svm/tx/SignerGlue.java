package dev.cairn.svm.tx;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainFamily;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import java.util.concurrent.CompletableFuture;

/**
 * The one place that talks to the {@link Signer} SPI: builds the {@code SOLANA_MESSAGE} request for
 * a transaction and places the returned signature. Kept small so changes to {@link SignRequest}
 * (e.g. carrying the signing account) land here only.
 */
final class SignerGlue {
  private SignerGlue() {}

  static SignRequest request(Transaction tx, Signer signer, ChainId cluster) {
    Pubkey key = check(signer);
    if (cluster == null || cluster.family().orElse(null) != ChainFamily.SVM) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "cluster: " + cluster + " is not a solana: chain id");
    }
    return SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, AccountId.of(cluster, key.toBase58()),
        tx.message().rawSerialized());
  }

  private static Pubkey check(Signer signer) {
    if (signer == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "signer: is null");
    }
    if (signer.keyType() != KeyType.ED25519) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "signer: holds a " + signer.keyType() + " key, Solana needs Ed25519");
    }
    if (!signer.supports(SignRequest.Kind.SOLANA_MESSAGE)) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "signer: does not sign SOLANA_MESSAGE requests");
    }
    return Pubkey.of(signer.publicKey());
  }

  static Transaction sign(Transaction tx, Signer signer, ChainId cluster) {
    Pubkey key = check(signer);
    tx.slotOf(key);
    byte[] sig = signer.sign(request(tx, signer, cluster)).bytes();
    return tx.addSignature(key, sig);
  }

  static CompletableFuture<Transaction> signAsync(Transaction tx, Signer signer, ChainId cluster) {
    Pubkey key;
    SignRequest req;
    try {
      key = check(signer);
      tx.slotOf(key);
      req = request(tx, signer, cluster);
    } catch (RuntimeException e) {
      CompletableFuture<Transaction> f = new CompletableFuture<>();
      f.completeExceptionally(e);
      return f;
    }
    return signer.signAsync(req).thenApply(s -> tx.addSignature(key, s.bytes()));
  }

}
