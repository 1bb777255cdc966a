package dev.cairn.cosmos.tx;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.ValidityWindow;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.msg.CosmosMsg;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An unsigned Cosmos SDK transaction: body, fee and signers with their account numbers, sequences
 * and sign modes, fixed at build time. It fits sdk-core's {@link UnsignedTransaction} contract: each
 * signer gets a {@link SignRequest} of the kind its key type and mode need ({@code
 * COSMOS_SIGN_DOC_DIRECT}, {@code COSMOS_AMINO_JSON}, or their {@code _KECCAK} variants for
 * eth_secp256k1), so one transaction can mix direct and amino signers; {@link #withSignatures} puts
 * the 64-byte low-s signatures into a {@link TxRaw}. Immutable; the body and auth info bytes are
 * encoded once.
 *
 * <pre>{@code
 * CosmosTransaction tx = CosmosTransaction.builder("cosmoshub-4")
 *     .message(MsgSend.of(from, to, List.of(Coin.of("uatom", 1000))))
 *     .fee(Fee.of(List.of(Coin.of("uatom", 5000)), 200_000))
 *     .signer(TxSigner.of(key, "cosmos", 12, 3, SignMode.DIRECT))
 *     .build();
 * SignedCosmosTransaction signed = tx.sign(List.of(signer));
 * }</pre>
 */
public final class CosmosTransaction implements UnsignedTransaction {
  private final String chainId;
  private final ChainId caipChain;
  private final TxBody body;
  private final Fee fee;
  private final List<TxSigner> signers;
  private final List<AccountId> accounts;
  private final byte[] bodyBytes;
  private final byte[] authInfoBytes;

  private CosmosTransaction(String chainId, TxBody body, Fee fee, List<TxSigner> signers) {
    this.chainId = chainId;
    this.caipChain = ChainId.cosmos(chainId);
    this.body = body;
    this.fee = fee;
    this.signers = signers;
    List<AccountId> a = new ArrayList<>(signers.size());
    List<SignerInfo> infos = new ArrayList<>(signers.size());
    for (TxSigner s : signers) {
      AccountId id = AccountId.of(caipChain, s.address().toString());
      if (a.contains(id)) {
        throw CosmosException.invalid("signers", "signer " + s.address() + " appears twice");
      }
      a.add(id);
      infos.add(SignerInfo.of(SignerInfo.publicKeyAny(s.publicKey()), ModeInfo.single(s.mode().number()), s.sequence()));
    }
    this.accounts = Collections.unmodifiableList(a);
    this.bodyBytes = body.encode();
    this.authInfoBytes = AuthInfo.of(infos, fee).encode();
    long size = (long) bodyBytes.length + authInfoBytes.length + 70L * signers.size() + 16;
    if (size > TxRaw.MAX_TX_BYTES) {
      throw new CosmosException(CosmosException.Reason.TOO_LARGE,
          "transaction: about " + size + " bytes signed, limit " + TxRaw.MAX_TX_BYTES);
    }
  }

  /** A builder for chain {@code chainId} (e.g. {@code cosmoshub-4}, {@code osmosis-1}). */
  public static Builder builder(String chainId) {
    return new Builder(chainId);
  }

  /** The Cosmos chain id as in the sign documents, e.g. {@code cosmoshub-4}. */
  public String cosmosChainId() {
    return chainId;
  }

  @Override
  public ChainId chainId() {
    return caipChain;
  }

  public TxBody body() {
    return body;
  }

  public Fee fee() {
    return fee;
  }

  /** The signers, in order (the first pays the fee unless the fee names a payer). */
  public List<TxSigner> signers() {
    return signers;
  }

  /** The encoded body (identical for every signer). */
  public byte[] bodyBytes() {
    return bodyBytes.clone();
  }

  /** The encoded auth info (identical for every signer). */
  public byte[] authInfoBytes() {
    return authInfoBytes.clone();
  }

  @Override
  public AccountId feePayer() {
    if (!fee.payer().isEmpty()) {
      for (int i = 0; i < signers.size(); i++) {
        if (signers.get(i).address().toString().equals(fee.payer())) {
          return accounts.get(i);
        }
      }
    }
    return accounts.get(0);
  }

  @Override
  public List<AccountId> requiredSigners() {
    return accounts;
  }

  private int indexOf(AccountId account) {
    int i = accounts.indexOf(account);
    if (i < 0) {
      throw CosmosException.invalid("signer", account + " is not a signer of this transaction");
    }
    return i;
  }

  /**
   * The bytes signer {@code i} signs: the protobuf SignDoc (direct) or the UTF-8 amino JSON.
   */
  public byte[] signBytes(int i) {
    TxSigner s = signers.get(i);
    if (s.mode() == SignMode.DIRECT) {
      return SignDocs.direct(bodyBytes, authInfoBytes, chainId, s.accountNumber());
    }
    return aminoSignDoc(i).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Signer {@code i}'s amino JSON sign document.
   *
   * @throws CosmosException (INVALID_INPUT) when a message has no amino form or the body uses
   *     fields amino JSON cannot carry (unordered, timeout timestamp, extension options)
   */
  public String aminoSignDoc(int i) {
    TxSigner s = signers.get(i);
    if (body.unordered() || body.timeoutTimestamp().isPresent() || !body.extensionOptions().isEmpty()
        || !body.nonCriticalExtensionOptions().isEmpty()) {
      throw CosmosException.invalid("body", "unordered, timeout timestamp and extension options cannot be signed in amino JSON mode");
    }
    return SignDocs.amino(chainId, s.accountNumber(), s.sequence(), fee, body.messages(), body.memo(), body.timeoutHeight());
  }

  @Override
  public SignRequest signRequest(AccountId signer) {
    int i = indexOf(signer);
    TxSigner s = signers.get(i);
    SignRequest.Kind kind = s.mode() == SignMode.DIRECT ? s.publicKey().type().directKind() : s.publicKey().type().aminoKind();
    return SignRequest.of(kind, signer, signBytes(i));
  }

  @Override
  public boolean verify(AccountId signer, Signature signature) {
    int i = indexOf(signer);
    return signature != null && signers.get(i).publicKey().verify(signBytes(i), signature.bytes());
  }

  @Override
  public byte[] encoded() {
    List<byte[]> empty = new ArrayList<>();
    for (int i = 0; i < signers.size(); i++) {
      empty.add(new byte[0]);
    }
    return TxRaw.of(bodyBytes, authInfoBytes, empty).encode();
  }

  @Override
  public ValidityWindow validity() {
    return body.timeoutHeight() == 0 ? ValidityWindow.none() : ValidityWindow.untilHeight(body.timeoutHeight());
  }

  /**
   * The signed transaction.
   *
   * @throws CosmosException (INVALID_SIGNATURE) when one is missing, not 64 bytes, high-s, or does
   *     not verify against its signer's sign document
   */
  @Override
  public SignedCosmosTransaction withSignatures(Map<AccountId, Signature> signatures) {
    List<byte[]> sigs = new ArrayList<>(signers.size());
    for (int i = 0; i < signers.size(); i++) {
      Signature s = signatures == null ? null : signatures.get(accounts.get(i));
      if (s == null) {
        throw new CosmosException(CosmosException.Reason.INVALID_SIGNATURE, "signatures: missing for " + accounts.get(i));
      }
      byte[] b = s.bytes();
      if (!signers.get(i).publicKey().verify(signBytes(i), b)) {
        throw new CosmosException(CosmosException.Reason.INVALID_SIGNATURE,
            "signatures: the signature of " + accounts.get(i) + " does not verify (or is high-s)");
      }
      sigs.add(b);
    }
    return new SignedCosmosTransaction(caipChain, TxRaw.of(bodyBytes, authInfoBytes, sigs), body.timeoutHeight());
  }

  /**
   * Signs with the given signers (matched to the transaction's signers by public key) and returns
   * the signed transaction. A high-s signature from a backend is normalised to low s.
   *
   * @throws CosmosException (INVALID_INPUT) when a required signer has no matching {@link Signer}
   * @throws SignerException when a signer fails
   */
  public SignedCosmosTransaction sign(List<? extends Signer> backends) {
    Map<AccountId, Signature> out = new LinkedHashMap<>();
    for (int i = 0; i < signers.size(); i++) {
      byte[] key = signers.get(i).publicKey().compressed();
      Signer match = null;
      for (Signer b : backends) {
        if (Arrays.equals(b.publicKey(), key)) {
          match = b;
          break;
        }
      }
      if (match == null) {
        throw CosmosException.invalid("signers", "no signer holds the key of " + accounts.get(i));
      }
      Signature sig = match.sign(signRequest(accounts.get(i)));
      EcdsaSignature e = EcdsaSignature.fromCompact(sig.bytes());
      if (!e.isLowS()) {
        sig = Signature.secp256k1(e.normalizedS().toCompact(), Signature.UNKNOWN_RECOVERY_ID);
      }
      out.put(accounts.get(i), sig);
    }
    return withSignatures(out);
  }

  @Override
  public String toString() {
    return "CosmosTransaction{" + chainId + ", " + body + ", " + fee + ", " + signers + "}";
  }

  /** Builds a {@link CosmosTransaction}. Not thread-safe. */
  public static final class Builder {
    private final String chainId;
    private final List<CosmosMsg> messages = new ArrayList<>();
    private String memo = "";
    private long timeoutHeight;
    private boolean unordered;
    private java.time.Instant timeoutTimestamp;
    private final List<dev.cairn.cosmos.msg.Any> extensionOptions = new ArrayList<>();
    private final List<dev.cairn.cosmos.msg.Any> nonCriticalExtensionOptions = new ArrayList<>();
    private Fee fee;
    private final List<TxSigner> signers = new ArrayList<>();

    private Builder(String chainId) {
      if (chainId == null || chainId.isEmpty() || chainId.length() > 50) {
        throw CosmosException.invalid("chainId", "must be 1 to 50 characters");
      }
      this.chainId = chainId;
    }

    public Builder message(CosmosMsg msg) {
      if (msg == null) {
        throw CosmosException.invalid("messages", "null message");
      }
      messages.add(msg);
      return this;
    }

    public Builder messages(List<? extends CosmosMsg> msgs) {
      for (CosmosMsg m : msgs) {
        message(m);
      }
      return this;
    }

    public Builder memo(String memo) {
      this.memo = memo == null ? "" : memo;
      return this;
    }

    /** The last block height at which the transaction may be included; 0 for none. */
    public Builder timeoutHeight(long height) {
      this.timeoutHeight = height;
      return this;
    }

    /** Cosmos SDK 0.53 unordered transactions (direct mode only). */
    public Builder unordered(boolean unordered, java.time.Instant timeoutTimestamp) {
      this.unordered = unordered;
      this.timeoutTimestamp = timeoutTimestamp;
      return this;
    }

    public Builder extensionOption(dev.cairn.cosmos.msg.Any option) {
      extensionOptions.add(option);
      return this;
    }

    public Builder nonCriticalExtensionOption(dev.cairn.cosmos.msg.Any option) {
      nonCriticalExtensionOptions.add(option);
      return this;
    }

    public Builder fee(Fee fee) {
      this.fee = fee;
      return this;
    }

    /** A fee paid by the first signer. */
    public Builder fee(List<Coin> amount, long gasLimit) {
      return fee(Fee.of(amount, gasLimit));
    }

    public Builder signer(TxSigner signer) {
      if (signer == null) {
        throw CosmosException.invalid("signers", "null signer");
      }
      signers.add(signer);
      return this;
    }

    /**
     * The transaction.
     *
     * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming what is missing or too large
     */
    public CosmosTransaction build() {
      if (fee == null) {
        throw CosmosException.invalid("fee", "is not set");
      }
      if (signers.isEmpty()) {
        throw CosmosException.invalid("signers", "none given");
      }
      TxBody body = TxBody.of(messages, memo, timeoutHeight, unordered, timeoutTimestamp, extensionOptions,
          nonCriticalExtensionOptions);
      return new CosmosTransaction(chainId, body, fee, Collections.unmodifiableList(new ArrayList<>(signers)));
    }
  }
}
