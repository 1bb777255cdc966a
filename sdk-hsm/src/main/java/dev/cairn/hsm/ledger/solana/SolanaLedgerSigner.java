package dev.cairn.hsm.ledger.solana;

import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.encoding.Base58;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.apps.internal.AppSignerSupport;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Signer} whose Ed25519 key lives in a Ledger's Solana app: it signs {@link
 * SignRequest.Kind#SOLANA_MESSAGE} requests (serialized transaction messages, as sdk-svm's {@code
 * Transaction.sign(Signer, cluster)} makes them) on the device, after the user approves. Nothing
 * else: the app cannot sign arbitrary bytes (use {@link SolanaApp#signOffchainMessage} for
 * off-chain messages).
 *
 * <p>Each signature is checked against the key the device reported when the signer was opened
 * (another device or seed behind the same transport fails with FAILED, not a bad transaction).
 * Device errors map to signer reasons: user rejected → REJECTED_BY_USER, locked / wrong app /
 * transport → DEVICE_UNAVAILABLE, a message the app cannot parse while blind signing is disabled →
 * UNSUPPORTED_REQUEST, invalid data → FAILED; the {@code LedgerException} is the cause.
 */
public final class SolanaLedgerSigner implements Signer {
  /** The backend name in {@link #descriptor()}. */
  public static final String BACKEND = "ledger";

  private final SolanaApp app;
  private final DerivationPath path;
  private final byte[] publicKey;
  private final Ed25519PublicKey key;
  private final AppSignerSupport support;

  private SolanaLedgerSigner(SolanaApp app, DerivationPath path, byte[] publicKey) {
    this.app = app;
    this.path = path;
    this.publicKey = publicKey;
    this.key = Ed25519PublicKey.of(publicKey);
    this.support = new AppSignerSupport("ledger-solana", k -> k == SignRequest.Kind.SOLANA_MESSAGE);
  }

  /**
   * Opens the signer for the key at {@code path} (e.g. {@code m/44'/501'/0'/0'}), reading its public
   * key from the device (without display).
   *
   * @throws SignerException DEVICE_UNAVAILABLE (or the reason of the Ledger error) when the app does not answer
   */
  public static SolanaLedgerSigner open(SolanaApp app, DerivationPath path) {
    if (app == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "app", "is null");
    }
    try {
      SolanaApp.checkPath(path);
      return new SolanaLedgerSigner(app, path, app.getPubkey(path, false));
    } catch (LedgerException e) {
      throw e.toSignerException();
    }
  }

  @Override
  public KeyType keyType() {
    return KeyType.ED25519;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The Solana address (base58 of the public key). */
  public String address() {
    return Base58.encode(publicKey);
  }

  /** The derivation path of the key. */
  public DerivationPath path() {
    return path;
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind == SignRequest.Kind.SOLANA_MESSAGE;
  }

  @Override
  public SignerDescriptor descriptor() {
    return SignerDescriptor.describe(this).withBackend(BACKEND).withDerivationPath(path.toString());
  }

  @Override
  public CompletableFuture<Signature> signAsync(SignRequest request) {
    return support.submit(request, r -> {
      byte[] sig = app.signTransaction(path, r.payload());
      if (!key.verify(r.payload(), sig)) {
        throw new SignerException(SignerException.Reason.FAILED, "device",
            "the device's signature does not verify against the key it reported for " + path);
      }
      return Signature.ed25519(sig);
    });
  }

  @Override
  public void close() {
    support.close();
  }

  @Override
  public String toString() {
    return "SolanaLedgerSigner{" + address() + ", " + path + (support.isClosed() ? ", closed" : "") + "}";
  }
}
