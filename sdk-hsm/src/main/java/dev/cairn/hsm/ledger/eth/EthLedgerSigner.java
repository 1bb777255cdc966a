package dev.cairn.hsm.ledger.eth;

import dev.cairn.core.CairnException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerPaths;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link Signer} for EVM chains backed by the Ledger Ethereum app: the device is given the
 * payload, never a digest — the unsigned transaction ({@code EVM_TRANSACTION}), the message
 * ({@code EVM_PERSONAL_MESSAGE}), the EIP-712 hashes ({@code EVM_TYPED_DATA}) or the full typed
 * data ({@code EVM_TYPED_DATA_JSON}: clear-signed field by field when the document is
 * eth_signTypedData_v4 JSON, by hashes otherwise). Raw digests, raw messages and EIP-7702
 * authorizations are refused (UNSUPPORTED_REQUEST). Every signature is checked against the request's
 * digest and this key before it is returned (a mismatch is FAILED), normalised to low s, and
 * carries its recovery id.
 *
 * <p>Requests are queued on one worker thread per signer (the device handles one at a time);
 * device errors map as {@link LedgerException#toSignerException()} says (0x6985 → REJECTED_BY_USER,
 * locked / wrong app / unplugged → DEVICE_UNAVAILABLE). {@link #close()} closes the transport.
 */
public final class EthLedgerSigner implements Signer {
  private static final Set<SignRequest.Kind> KINDS = EnumSet.of(SignRequest.Kind.EVM_TRANSACTION,
      SignRequest.Kind.EVM_PERSONAL_MESSAGE, SignRequest.Kind.EVM_TYPED_DATA, SignRequest.Kind.EVM_TYPED_DATA_JSON);

  private final EthApp app;
  private final String path;
  private final String address;
  private final Secp256k1PublicKey publicKey;
  private final SignerDescriptor descriptor;
  private final ExecutorService worker;
  private volatile boolean closed;

  private EthLedgerSigner(EthApp app, String path, String address, Secp256k1PublicKey publicKey) {
    this.app = app;
    this.path = path;
    this.address = address;
    this.publicKey = publicKey;
    this.descriptor = SignerDescriptor.of(KeyType.SECP256K1, publicKey.compressed(), KINDS).withBackend("ledger")
        .withKeyId(app.transport().descriptor().toString()).withDerivationPath(path);
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "cairn-ledger-eth");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Opens a signer for the key at {@code path} (e.g. {@code m/44'/60'/0'/0/0}): asks the device for
   * the public key (without display).
   *
   * @throws SignerException DEVICE_UNAVAILABLE if the device is locked, the app not open or the
   *     transport broken; INVALID_REQUEST on a malformed path
   */
  public static EthLedgerSigner open(EthApp app, String path) {
    if (app == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "app", "is null");
    }
    DerivationPath p;
    try {
      p = LedgerPaths.parse(path);
      EthAddress a = app.getAddress(p.toString(), false, false);
      Secp256k1PublicKey pk = Secp256k1PublicKey.fromBytes(a.publicKey());
      return new EthLedgerSigner(app, p.toString(), a.address(), pk);
    } catch (LedgerException e) {
      throw e.toSignerException();
    } catch (CairnException e) {
      if (e instanceof SignerException) {
        throw e;
      }
      throw new SignerException(SignerException.Reason.FAILED, "publicKey", "the device returned an invalid public key", e);
    }
  }

  /** The address as the device reported it. */
  public String address() {
    return address;
  }

  /** The derivation path. */
  public String path() {
    return path;
  }

  @Override
  public KeyType keyType() {
    return KeyType.SECP256K1;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.compressed();
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind != null && KINDS.contains(kind);
  }

  @Override
  public SignerDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public CompletableFuture<Signature> signAsync(SignRequest request) {
    CompletableFuture<Signature> f = new CompletableFuture<>();
    if (request == null) {
      f.completeExceptionally(new SignerException(SignerException.Reason.INVALID_REQUEST, "request", "is null"));
      return f;
    }
    if (!supports(request.kind())) {
      f.completeExceptionally(new SignerException(SignerException.Reason.UNSUPPORTED_REQUEST, "kind",
          request.kind() + " is not signed by the Ledger Ethereum app"));
      return f;
    }
    if (closed) {
      f.completeExceptionally(unavailable());
      return f;
    }
    try {
      worker.execute(() -> {
        if (f.isDone()) {
          return;
        }
        if (closed) {
          f.completeExceptionally(unavailable());
          return;
        }
        try {
          f.complete(signNow(request));
        } catch (LedgerException e) {
          f.completeExceptionally(e.toSignerException());
        } catch (SignerException e) {
          f.completeExceptionally(e);
        } catch (RuntimeException e) {
          f.completeExceptionally(new SignerException(SignerException.Reason.FAILED, "ledger",
              "signing failed: " + e.getClass().getSimpleName(), e));
        }
      });
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(unavailable());
    }
    return f;
  }

  private Signature signNow(SignRequest r) {
    byte[] payload = r.payload();
    EthSignature s;
    switch (r.kind()) {
      case EVM_TRANSACTION:
        s = app.signTransaction(path, payload);
        break;
      case EVM_PERSONAL_MESSAGE:
        s = app.signPersonalMessage(path, payload);
        break;
      case EVM_TYPED_DATA_JSON:
        if (r.document().isPresent() && looksLikeTypedData(r.document().get())) {
          s = app.signEip712Message(path, r.document().get());
          break;
        }
        s = app.signEip712Hashed(path, Arrays.copyOfRange(payload, 2, 34), Arrays.copyOfRange(payload, 34, 66));
        break;
      case EVM_TYPED_DATA:
        s = app.signEip712Hashed(path, Arrays.copyOfRange(payload, 2, 34), Arrays.copyOfRange(payload, 34, 66));
        break;
      default:
        throw new SignerException(SignerException.Reason.UNSUPPORTED_REQUEST, "kind", r.kind() + " is not supported");
    }
    BigInteger rr = new BigInteger(1, s.r());
    BigInteger ss = new BigInteger(1, s.s());
    int parity = s.yParity();
    if (ss.compareTo(Secp256k1.HALF_ORDER) > 0) {
      ss = Secp256k1.ORDER.subtract(ss);
      parity ^= 1;
    }
    EcdsaSignature sig;
    try {
      sig = EcdsaSignature.of(rr, ss, parity);
    } catch (CairnException e) {
      throw new SignerException(SignerException.Reason.FAILED, "signature", "the device returned an invalid signature", e);
    }
    byte[] digest = r.digest().orElseThrow(() -> new SignerException(SignerException.Reason.INVALID_REQUEST, "digest", "is missing"));
    if (!publicKey.verify(digest, sig) || !publicKey.equals(Secp256k1PublicKey.recover(digest, sig))) {
      throw new SignerException(SignerException.Reason.FAILED, "signature",
          r.kind() == SignRequest.Kind.EVM_TYPED_DATA_JSON
              ? "the device signed a different message: the typed-data document does not match the payload"
              : "the device's signature does not verify against the request's digest and this key");
    }
    return Signature.secp256k1(sig);
  }

  private static boolean looksLikeTypedData(String json) {
    return json.contains("\"types\"") && json.contains("\"primaryType\"") && json.contains("\"domain\"")
        && json.contains("\"message\"");
  }

  private SignerException unavailable() {
    return new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "device", "the Ledger signer is closed");
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      worker.shutdown();
      app.transport().close();
    }
  }

  @Override
  public String toString() {
    return "EthLedgerSigner{" + address + ", " + path + ", " + app.transport().descriptor() + "}";
  }
}
