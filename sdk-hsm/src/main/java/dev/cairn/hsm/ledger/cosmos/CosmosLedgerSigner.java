package dev.cairn.hsm.ledger.cosmos;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.apps.internal.AppSignerSupport;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Signer} whose secp256k1 key lives in a Ledger's Cosmos app: it signs {@link
 * SignRequest.Kind#COSMOS_AMINO_JSON} requests (SIGN_MODE_LEGACY_AMINO_JSON, as sdk-cosmwasm's
 * {@code CosmosTransaction} makes them in amino mode) and nothing else — the app cannot sign
 * protobuf {@code SignDoc}s (direct mode), raw digests, or Ethermint's keccak variants, and {@link
 * #supports} says so, so a chain adapter picks amino mode.
 *
 * <p>The device's DER signature is returned as 64-byte low-s {@code r || s} with the recovery id
 * found by trial recovery against the key, after checking that it verifies over sha256 of the
 * document. The address prefix sent to the device is the one of the request's account (or the
 * signer's default when the request names none).
 */
public final class CosmosLedgerSigner implements Signer {
  /** The backend name in {@link #descriptor()}. */
  public static final String BACKEND = "ledger";

  private final CosmosApp app;
  private final DerivationPath path;
  private final String hrp;
  private final byte[] publicKey;
  private final Secp256k1PublicKey key;
  private final String address;
  private final AppSignerSupport support;

  private CosmosLedgerSigner(CosmosApp app, DerivationPath path, String hrp, CosmosLedgerAddress a) {
    this.app = app;
    this.path = path;
    this.hrp = hrp;
    this.publicKey = a.publicKey();
    this.key = Secp256k1PublicKey.fromBytes(publicKey);
    this.address = a.address();
    this.support = new AppSignerSupport("ledger-cosmos", k -> k == SignRequest.Kind.COSMOS_AMINO_JSON);
  }

  /**
   * Opens the signer for the key at {@code path} (five levels, e.g. {@code m/44'/118'/0'/0/0}),
   * reading its public key and address from the device (without display).
   *
   * @param hrp the default address prefix, e.g. {@code cosmos}
   * @throws SignerException INVALID_REQUEST for a bad path or prefix, else the reason of the Ledger error
   */
  public static CosmosLedgerSigner open(CosmosApp app, DerivationPath path, String hrp) {
    if (app == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "app", "is null");
    }
    try {
      CosmosApp.serializeHrp(hrp);
      return new CosmosLedgerSigner(app, path, hrp, app.getAddressAndPubKey(path, hrp, false));
    } catch (LedgerException e) {
      throw e.toSignerException();
    }
  }

  @Override
  public KeyType keyType() {
    return KeyType.SECP256K1;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The bech32 address the device reported for the default prefix. */
  public String address() {
    return address;
  }

  /** The derivation path of the key. */
  public DerivationPath path() {
    return path;
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind == SignRequest.Kind.COSMOS_AMINO_JSON;
  }

  @Override
  public SignerDescriptor descriptor() {
    return SignerDescriptor.describe(this).withBackend(BACKEND).withDerivationPath(path.toString());
  }

  @Override
  public CompletableFuture<Signature> signAsync(SignRequest request) {
    return support.submit(request, r -> {
      String prefix = hrpOf(r.account().orElse(null));
      byte[] rs = app.sign(path, r.payload(), prefix);
      byte[] digest = r.digest().orElseThrow(() -> new SignerException(SignerException.Reason.INVALID_REQUEST,
          "digest", "is missing"));
      EcdsaSignature e = EcdsaSignature.fromCompact(rs);
      if (!key.verify(digest, e)) {
        throw new SignerException(SignerException.Reason.FAILED, "device",
            "the device's signature does not verify against the key it reported for " + path);
      }
      return Signature.secp256k1(rs, recoveryId(digest, e));
    });
  }

  private String hrpOf(AccountId account) {
    if (account == null) {
      return hrp;
    }
    try {
      String p = Bech32.decode(account.address()).hrp();
      CosmosApp.serializeHrp(p);
      return p;
    } catch (RuntimeException e) {
      return hrp;
    }
  }

  private int recoveryId(byte[] digest, EcdsaSignature e) {
    BigInteger r = e.r();
    BigInteger s = e.s();
    for (int v = 0; v < 2; v++) {
      try {
        if (Arrays.equals(Secp256k1PublicKey.recover(digest, EcdsaSignature.of(r, s, v)).compressed(), publicKey)) {
          return v;
        }
      } catch (RuntimeException ignored) {
        // not this id
      }
    }
    return Signature.UNKNOWN_RECOVERY_ID;
  }

  @Override
  public void close() {
    support.close();
  }

  @Override
  public String toString() {
    return "CosmosLedgerSigner{" + address + ", " + path + (support.isClosed() ? ", closed" : "") + "}";
  }
}
