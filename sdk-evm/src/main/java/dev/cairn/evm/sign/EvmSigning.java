package dev.cairn.evm.sign;

import dev.cairn.abi.Address;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.rpc.internal.Futures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ethereum message signing and signature recovery: EIP-191 {@code personal_sign}, EIP-712 typed
 * data, raw digests, and recovery of the signing {@link Address}.
 *
 * <p>Every signing method goes through the {@link Signer} SPI with a {@link SignRequest} that
 * carries both the payload (for devices that show it and hash it themselves) and the 32-byte digest
 * (for software keys and HSMs). The signer's answer is normalised to low s; when a signer does not
 * report the recovery id it is found by trial recovery against {@link Signer#publicKey()}, and
 * signatures from signers other than {@link SoftwareSigner}s are checked against that key.
 */
public final class EvmSigning {
  private static final byte[] PERSONAL_PREFIX =
      "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

  private EvmSigning() {}

  /**
   * The EIP-191 (version 0x45) digest: {@code keccak256("\x19Ethereum Signed Message:\n" +
   * decimal(len(message)) + message)}.
   */
  public static byte[] personalMessageHash(byte[] message) {
    checkNotNull(message, "message");
    byte[] len = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
    return Keccak256.create().update(PERSONAL_PREFIX).update(len).update(message).digest();
  }

  /**
   * The sign request for a {@code personal_sign} message (kind EVM_PERSONAL_MESSAGE) by {@code
   * account}; the request computes the EIP-191 digest.
   */
  public static SignRequest personalMessageRequest(AccountId account, byte[] message) {
    checkNotNull(message, "message");
    return SignRequest.of(SignRequest.Kind.EVM_PERSONAL_MESSAGE, account, message);
  }

  /**
   * Signs a message with EIP-191 {@code personal_sign} through a signer (the request names the
   * signer's account on eip155:1: personal messages are not bound to a chain).
   */
  public static EvmSignature signPersonalMessage(byte[] message, Signer signer) {
    return sign(personalMessageRequest(accountOf(signer, 1), message), signer);
  }

  /**
   * The account of {@code signer} on {@code eip155:chainId} ({@code eip155:1} when {@code chainId}
   * is 0 or negative: a signature valid on every chain). Accounts are cached per chain and public key
   * (bounded), so repeated signing derives no address and hashes nothing.
   *
   * @throws SignerException (INVALID_REQUEST) for a null or non-secp256k1 signer
   */
  public static AccountId accountOf(Signer signer, long chainId) {
    if (signer == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "signer", "is null");
    }
    checkSigner(signer);
    byte[] pk = signer.publicKey();
    long chain = chainId <= 0 ? 1 : chainId;
    String key = chain + ":" + Hex.encode(pk);
    AccountId a = ACCOUNTS.get(key);
    if (a == null) {
      a = AccountId.of(ChainId.eip155(chain), Address.fromPublicKey(Secp256k1PublicKey.fromBytes(pk)).toChecksumString());
      if (ACCOUNTS.size() >= ADDRESS_CACHE_LIMIT) {
        ACCOUNTS.clear();
      }
      ACCOUNTS.put(key, a);
    }
    return a;
  }

  private static final int ADDRESS_CACHE_LIMIT = 4096;
  private static final ConcurrentHashMap<String, AccountId> ACCOUNTS = new ConcurrentHashMap<>();

  /** Signs a message with EIP-191 {@code personal_sign} with an in-memory key. */
  public static EvmSignature signPersonalMessage(byte[] message, Secp256k1PrivateKey key) {
    return signDigest(personalMessageHash(message), key);
  }

  /**
   * The sign request for EIP-712 typed data: kind EVM_TYPED_DATA with the 66-byte payload {@code
   * 0x19 0x01 || domainSeparator || hashStruct(message)} (what hardware wallets accept in "hashed"
   * mode) and {@link TypedData#digest()}. When the primary type is {@code EIP712Domain} there is no
   * message hash and the request is a plain DIGEST request.
   */
  public static SignRequest typedDataRequest(AccountId account, TypedData typedData) {
    checkNotNull(typedData, "typedData");
    if (typedData.primaryType().equals(TypedData.DOMAIN_TYPE)) {
      return SignRequest.digest(typedData.digest());
    }
    return SignRequest.of(SignRequest.Kind.EVM_TYPED_DATA, account, typedDataPreimage(typedData));
  }

  /**
   * The 66-byte EIP-712 preimage {@code 0x19 0x01 || domainSeparator || hashStruct(message)}.
   *
   * @throws dev.cairn.abi.AbiException if the primary type is {@code EIP712Domain} (no message)
   */
  public static byte[] typedDataPreimage(TypedData typedData) {
    checkNotNull(typedData, "typedData");
    byte[] payload = new byte[66];
    payload[0] = 0x19;
    payload[1] = 0x01;
    System.arraycopy(typedData.domainSeparator(), 0, payload, 2, 32);
    System.arraycopy(typedData.hashStruct(), 0, payload, 34, 32);
    return payload;
  }

  /**
   * A full EIP-712 request (kind EVM_TYPED_DATA_JSON) from {@code eth_signTypedData_v4} JSON: the
   * JSON for a device to show, and the 66-byte preimage computed from it here, so the two agree.
   * When the domain has a {@code chainId} it must be the account's chain.
   *
   * @throws dev.cairn.abi.AbiException for JSON that is not valid typed data
   * @throws SignerException (INVALID_REQUEST, field {@code account}) for a chain mismatch
   */
  public static SignRequest typedDataJsonRequest(AccountId account, String json) {
    checkNotNull(json, "json");
    TypedData td = TypedData.parseJson(json);
    if (account != null) {
      OptionalLong chain = domainChainId(td);
      if (chain.isPresent() && !account.chainId().equals(ChainId.eip155(chain.getAsLong()))) {
        throw new SignerException(SignerException.Reason.INVALID_REQUEST, "account",
            "is on " + account.chainId() + " but the typed data's domain is for eip155:" + chain.getAsLong());
      }
    }
    return SignRequest.typedDataJson(account, typedDataPreimage(td), json);
  }

  /** The domain's {@code chainId}, when present and a positive 63-bit integer. */
  public static OptionalLong domainChainId(TypedData typedData) {
    Object c = typedData.domain().get("chainId");
    BigInteger v = null;
    if (c instanceof BigInteger) {
      v = (BigInteger) c;
    } else if (c instanceof Number) {
      v = BigInteger.valueOf(((Number) c).longValue());
    } else if (c instanceof String) {
      String t = (String) c;
      try {
        v = t.startsWith("0x") || t.startsWith("0X") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return v != null && v.signum() > 0 && v.bitLength() < 64 && v.bitLength() <= 63 ? OptionalLong.of(v.longValue())
        : OptionalLong.empty();
  }

  /** Signs EIP-712 typed data ({@code eth_signTypedData_v4}) through a signer, for the domain's chain (eip155:1 without one). */
  public static EvmSignature signTypedData(TypedData typedData, Signer signer) {
    checkNotNull(typedData, "typedData");
    return sign(typedDataRequest(accountOf(signer, domainChainId(typedData).orElse(1)), typedData), signer);
  }

  /** Signs EIP-712 typed data ({@code eth_signTypedData_v4}) with an in-memory key. */
  public static EvmSignature signTypedData(TypedData typedData, Secp256k1PrivateKey key) {
    checkNotNull(typedData, "typedData");
    return signDigest(typedData.digest(), key);
  }

  /** The address that signed {@code typedData}. */
  public static Address recoverTypedData(TypedData typedData, EvmSignature signature) {
    checkNotNull(typedData, "typedData");
    return recoverAddress(typedData.digest(), signature);
  }

  /** Signs a 32-byte digest with an in-memory key (RFC 6979, low s). */
  public static EvmSignature signDigest(byte[] digest32, Secp256k1PrivateKey key) {
    checkNotNull(key, "key");
    return EvmSignature.from(key.sign(digest32));
  }

  /**
   * Sends a request to a signer and waits for the signature (no time limit; see {@link
   * #signAsync} to bound or cancel it).
   *
   * @throws dev.cairn.core.signer.SignerException if the signer fails or is not a secp256k1 signer
   * @throws CryptoException if the signer's answer does not verify against its public key
   */
  public static EvmSignature sign(SignRequest request, Signer signer) {
    checkNotNull(request, "request");
    checkNotNull(signer, "signer");
    checkSigner(signer);
    Signature sig = signer.sign(request);
    return normalise(request, signer, sig);
  }

  /**
   * Sends a request to a signer asynchronously (for devices that wait for the user). The future
   * fails with the signer's {@link dev.cairn.core.signer.SignerException} or a {@link
   * CryptoException} if the answer does not verify.
   */
  public static CompletableFuture<EvmSignature> signAsync(SignRequest request, Signer signer) {
    try {
      checkNotNull(request, "request");
      checkNotNull(signer, "signer");
      checkSigner(signer);
    } catch (RuntimeException e) {
      return Futures.failed(e);
    }
    return signer.signAsync(request).thenApply(sig -> normalise(request, signer, sig));
  }

  private static void checkSigner(Signer signer) {
    if (signer.keyType() != KeyType.SECP256K1) {
      throw new SignerException(
          SignerException.Reason.INVALID_REQUEST, "signer",
          "holds a " + signer.keyType() + " key; Ethereum needs secp256k1");
    }
  }

  private static EvmSignature normalise(SignRequest request, Signer signer, Signature sig) {
    if (sig == null || sig.keyType() != KeyType.SECP256K1) {
      throw new CryptoException("signature: the signer did not return a secp256k1 signature");
    }
    byte[] digest = request.digest().orElseThrow(
        () -> new CryptoException("request: has no digest to recover the signer's key from"));
    EcdsaSignature e = sig.toEcdsaSignature().normalizedS();
    boolean trusted = signer instanceof SoftwareSigner;
    if (e.hasRecoveryId() && e.recoveryId() <= 1 && trusted) {
      return EvmSignature.from(e);
    }
    Secp256k1PublicKey expected = Secp256k1PublicKey.fromBytes(signer.publicKey());
    if (e.hasRecoveryId()) {
      EvmSignature s = EvmSignature.from(e);
      if (!recoverKey(digest, s).equals(expected)) {
        throw new CryptoException("signature: does not match the signer's public key");
      }
      return s;
    }
    for (int id = 0; id <= 1; id++) {
      EcdsaSignature withId = EcdsaSignature.of(e.r(), e.s(), id);
      Secp256k1PublicKey k;
      try {
        k = Secp256k1PublicKey.recover(digest, withId);
      } catch (CryptoException ex) {
        continue;
      }
      if (k.equals(expected)) {
        return EvmSignature.from(withId);
      }
    }
    throw new CryptoException("signature: does not match the signer's public key");
  }

  /**
   * The public key that made {@code signature} over {@code digest32}.
   *
   * @throws CryptoException if the digest is not 32 bytes or no key can be recovered
   */
  public static Secp256k1PublicKey recoverKey(byte[] digest32, EvmSignature signature) {
    checkNotNull(signature, "signature");
    return Secp256k1PublicKey.recover(digest32, signature.toEcdsaSignature());
  }

  /**
   * The address that made {@code signature} over {@code digest32} (ecrecover).
   *
   * @throws CryptoException if the digest is not 32 bytes or no key can be recovered
   */
  public static Address recoverAddress(byte[] digest32, EvmSignature signature) {
    return Address.fromPublicKey(recoverKey(digest32, signature));
  }

  /** The address that signed {@code message} with {@code personal_sign}. */
  public static Address recoverPersonalMessage(byte[] message, EvmSignature signature) {
    return recoverAddress(personalMessageHash(message), signature);
  }

  static void checkNotNull(Object o, String field) {
    if (o == null) {
      throw new CryptoException(field + ": null");
    }
  }
}
