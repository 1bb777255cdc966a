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
import dev.cairn.cosmos.CosmosPublicKey;
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
    int i = accounts.indexOf(signer);
    return i >= 0 && signature != null && signers.get(i).publicKey().verify(signBytes(i), signature.bytes());
  }

  /**
   * The {@code TxRaw} with an empty signature per signer: what {@code /cosmos/tx/v1beta1/simulate}
   * takes.
   */
  public byte[] unsignedTxRaw() {
    List<byte[]> empty = new ArrayList<>();
    for (int i = 0; i < signers.size(); i++) {
      empty.add(new byte[0]);
    }
    return TxRaw.of(bodyBytes, authInfoBytes, empty).encode();
  }

  /**
   * The portable form {@link #decode} reads back (a {@code TxRaw} alone lacks the chain id and the
   * signers' account numbers, which the sign documents need): {@code "CCTX"}, version 1, the chain
   * id (u8 length + UTF-8), the signer count (u16), per signer its address prefix (u8 length +
   * ASCII) and account number (u64 big-endian), then {@link #unsignedTxRaw()}.
   */
  @Override
  public byte[] encoded() {
    byte[] raw = unsignedTxRaw();
    byte[] chain = chainId.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length + 16 + chain.length + 40 * signers.size());
    out.write('C');
    out.write('C');
    out.write('T');
    out.write('X');
    out.write(PORTABLE_VERSION);
    out.write(chain.length);
    out.write(chain, 0, chain.length);
    out.write(signers.size() >>> 8);
    out.write(signers.size());
    for (TxSigner s : signers) {
      byte[] prefix = s.address().prefix().getBytes(StandardCharsets.US_ASCII);
      out.write(prefix.length);
      out.write(prefix, 0, prefix.length);
      long n = s.accountNumber();
      for (int k = 56; k >= 0; k -= 8) {
        out.write((int) (n >>> k));
      }
    }
    out.write(raw, 0, raw.length);
    return out.toByteArray();
  }

  private static final int PORTABLE_VERSION = 1;

  /**
   * Reads {@link #encoded()} back: the signers' keys, sequences and sign modes come from the auth
   * info, the account numbers and prefixes from the envelope. The body and auth info must be in
   * canonical encoding (as this library writes them) and every signature slot empty.
   *
   * @throws dev.cairn.core.encoding.DecodingException naming the field and offset when the bytes
   *     are malformed, truncated, not canonical, or use a key type or sign mode not supported here
   */
  public static CosmosTransaction decode(byte[] encoded) {
    if (encoded == null) {
      throw new dev.cairn.core.encoding.DecodingException("unsignedTransaction", 0, "is null");
    }
    if (encoded.length > TxRaw.MAX_TX_BYTES + 4096) {
      throw new dev.cairn.core.encoding.DecodingException("unsignedTransaction", 0,
          encoded.length + " bytes exceed the limit of " + (TxRaw.MAX_TX_BYTES + 4096));
    }
    int[] pos = {0};
    if (encoded.length < 8 || encoded[0] != 'C' || encoded[1] != 'C' || encoded[2] != 'T' || encoded[3] != 'X') {
      throw new dev.cairn.core.encoding.DecodingException("magic", 0, "not a Cairn unsigned Cosmos transaction (CCTX)");
    }
    if (encoded[4] != PORTABLE_VERSION) {
      throw new dev.cairn.core.encoding.DecodingException("version", 4, "unsupported version " + (encoded[4] & 0xff));
    }
    pos[0] = 5;
    String chain = portableText(encoded, pos, "chainId", StandardCharsets.UTF_8);
    int count = ((need(encoded, pos, 2, "signerCount")[0] & 0xff) << 8) | (encoded[pos[0] + 1] & 0xff);
    pos[0] += 2;
    if (count == 0) {
      throw new dev.cairn.core.encoding.DecodingException("signerCount", pos[0] - 2, "is zero");
    }
    String[] prefixes = new String[count];
    long[] numbers = new long[count];
    for (int i = 0; i < count; i++) {
      prefixes[i] = portableText(encoded, pos, "signers[" + i + "].prefix", StandardCharsets.US_ASCII);
      need(encoded, pos, 8, "signers[" + i + "].accountNumber");
      long n = 0;
      for (int k = 0; k < 8; k++) {
        n = (n << 8) | (encoded[pos[0] + k] & 0xff);
      }
      numbers[i] = n;
      pos[0] += 8;
    }
    int rawAt = pos[0];
    TxRaw raw = TxRaw.decode(Arrays.copyOfRange(encoded, rawAt, encoded.length));
    for (byte[] sig : raw.signatures()) {
      if (sig.length != 0) {
        throw new dev.cairn.core.encoding.DecodingException("signatures", rawAt, "an unsigned transaction has a signature");
      }
    }
    AuthInfo auth = raw.authInfo();
    if (auth.signerInfos().size() != count || raw.signatures().size() != count) {
      throw new dev.cairn.core.encoding.DecodingException("signerInfos", rawAt, auth.signerInfos().size()
          + " signer infos and " + raw.signatures().size() + " signature slots for " + count + " signers");
    }
    try {
      Builder b = builder(chain);
      TxBody body = raw.body();
      for (int i = 0; i < count; i++) {
        SignerInfo si = auth.signerInfos().get(i);
        CosmosPublicKey key = si.cosmosPublicKey().orElseThrow(() -> new CosmosException(
            CosmosException.Reason.INVALID_INPUT, "signerInfos: a signer has no single secp256k1 key"));
        if (si.modeInfo().isMulti()) {
          throw CosmosException.invalid("signerInfos", "multisig mode info is not supported");
        }
        SignMode mode;
        if (si.modeInfo().mode() == ModeInfo.DIRECT) {
          mode = SignMode.DIRECT;
        } else if (si.modeInfo().mode() == ModeInfo.LEGACY_AMINO_JSON) {
          mode = SignMode.AMINO_JSON;
        } else {
          throw CosmosException.invalid("signerInfos", "sign mode " + si.modeInfo().mode() + " is not supported");
        }
        b.signer(TxSigner.of(key, prefixes[i], numbers[i], si.sequence(), mode));
      }
      CosmosTransaction tx = new CosmosTransaction(chain, body, auth.fee(), Collections.unmodifiableList(new ArrayList<>(b.signers)));
      if (!Arrays.equals(tx.bodyBytes, raw.bodyBytes()) || !Arrays.equals(tx.authInfoBytes, raw.authInfoBytes())) {
        throw new dev.cairn.core.encoding.DecodingException("txRaw", rawAt, "body or auth info is not in canonical encoding");
      }
      return tx;
    } catch (CosmosException e) {
      throw new dev.cairn.core.encoding.DecodingException("txRaw", rawAt, e.getMessage(), e);
    }
  }

  private static byte[] need(byte[] b, int[] pos, int n, String field) {
    if (b.length - pos[0] < n) {
      throw new dev.cairn.core.encoding.DecodingException(field, pos[0], "truncated: " + n + " bytes needed, "
          + (b.length - pos[0]) + " left");
    }
    return new byte[] {b[pos[0]]};
  }

  private static String portableText(byte[] b, int[] pos, String field, java.nio.charset.Charset cs) {
    need(b, pos, 1, field);
    int len = b[pos[0]] & 0xff;
    pos[0]++;
    need(b, pos, len, field);
    if (len == 0) {
      throw new dev.cairn.core.encoding.DecodingException(field, pos[0] - 1, "is empty");
    }
    String s = new String(b, pos[0], len, cs);
    pos[0] += len;
    return s;
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
    return withSignatures(signatures, new boolean[signers.size()]);
  }

  /** {@code trusted[i]}: signature i came from a software signer in this process over this document. */
  private SignedCosmosTransaction withSignatures(Map<AccountId, Signature> signatures, boolean[] trusted) {
    List<byte[]> sigs = new ArrayList<>(signers.size());
    for (int i = 0; i < signers.size(); i++) {
      Signature s = signatures == null ? null : signatures.get(accounts.get(i));
      if (s == null) {
        throw new CosmosException(CosmosException.Reason.INVALID_SIGNATURE, "signatures: missing for " + accounts.get(i));
      }
      byte[] b = s.bytes();
      if (trusted[i] ? !isLowSCompact(b) : !signers.get(i).publicKey().verify(signBytes(i), b)) {
        throw new CosmosException(CosmosException.Reason.INVALID_SIGNATURE,
            "signatures: the signature of " + accounts.get(i) + " does not verify (or is high-s)");
      }
      sigs.add(b);
    }
    return new SignedCosmosTransaction(caipChain, TxRaw.of(bodyBytes, authInfoBytes, sigs), body.timeoutHeight());
  }

  /**
   * Signs with the given signers (matched to the transaction's signers by public key) and returns
   * the signed transaction. A high-s signature from a backend is normalised to low s. Signatures
   * from a {@link dev.cairn.core.signer.SoftwareSigner} (a key in this process, signing the
   * request's own digest) are taken as they are; those from any other backend (a Ledger, an HSM,
   * a remote signer) are verified against their sign document first, so a device that signed
   * something else is caught here rather than by the chain.
   *
   * @throws CosmosException (INVALID_INPUT) when a required signer has no matching {@link Signer}
   * @throws SignerException when a signer fails
   */
  public SignedCosmosTransaction sign(List<? extends Signer> backends) {
    Map<AccountId, Signature> out = new LinkedHashMap<>();
    boolean[] trusted = new boolean[signers.size()];
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
      trusted[i] = match instanceof dev.cairn.core.signer.SoftwareSigner;
    }
    return withSignatures(out, trusted);
  }

  private static boolean isLowSCompact(byte[] compact) {
    return compact.length == 64 && EcdsaSignature.fromCompact(compact).isLowS();
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
