package dev.cairn.benchmarks.cosmos;

import com.google.protobuf.ByteString;
import cosmos.tx.signing.v1beta1.SignMode;
import dev.cairn.benchmarks.RotatingInputs;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.TxSigner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Build, sign and encode a Cosmos transaction (SIGN_MODE_DIRECT), sdk-cosmwasm against
 * protobuf-java's own generated message classes (protoc 4.32.1 from Maven Central, run at build
 * time on {@code src/main/proto}, a subset of the public cosmos-sdk and wasmd definitions): no Java
 * Cosmos library resolves from Maven Central (see docs/decisions/DRAFT-cosmoscli.md), and the
 * generated classes are what such a library is made of.
 *
 * <ul>
 *   <li>{@code *Send}: a bank {@code MsgSend} of one coin with a memo, one secp256k1 signer, fee of
 *       one coin. Cairn: {@code MsgSend.of} + {@code CosmosTransaction.builder(...).build().sign(signers)
 *       .encoded()}; protobuf: {@code MsgSend.newBuilder()...}, {@code Any} with the type URL, {@code
 *       TxBody}, {@code AuthInfo} (SignerInfo with the {@code PubKey} Any and {@code ModeInfo.Single}
 *       DIRECT), {@code SignDoc} bytes, SHA-256, signature, {@code TxRaw.toByteArray()}.
 *   <li>{@code *Execute}: a CosmWasm {@code MsgExecuteContract} with a 60-byte JSON message and funds.
 *   <li>{@code cairn*Unverified}: Cairn's signed rows without the verification {@code
 *       CosmosTransaction.sign} performs after signing ({@code withSignatures} verifies every
 *       signature against its sign document, a second secp256k1 operation the peer does not do):
 *       {@code signer.sign(tx.signRequest(account))} and {@code TxRaw.of(...).encode()}.
 *   <li>{@code *SendEncode} / {@code *ExecuteEncode}: the same up to the sign document bytes, without
 *       the signature (the encoding alone; signing dominates the full rows).
 * </ul>
 *
 * Both sides sign with sdk-core's secp256k1 ({@code Secp256k1PrivateKey.sign}, RFC 6979, low-s; the
 * backend the JVM selected: the same one for both), so the signed rows differ only in building and
 * encoding. Each invocation takes the next of 64 keys, recipients, amounts and sequences. The setup
 * checks that both produce the same bytes for every input, signed and unsigned.
 */
public class CosmosTransactionBenchmark extends RotatingInputs {
  static final int COUNT = 64;
  static final String CHAIN_ID = "cosmoshub-4";
  static final long ACCOUNT_NUMBER = 123_456;
  static final String MEMO = "cairn benchmark";
  static final long GAS = 200_000;
  static final String DENOM = "uatom";
  /** A 32-byte contract address, as wasmd derives them. */
  static final String CONTRACT = dev.cairn.cosmos.CosmosAddress.of("cosmos",
      Hashes.sha256("cairn benchmark contract".getBytes(StandardCharsets.UTF_8))).toString();
  static final String SECP_TYPE = "/cosmos.crypto.secp256k1.PubKey";

  private final SoftwareSigner[] signers = new SoftwareSigner[COUNT];
  private final Secp256k1PrivateKey[] keys = new Secp256k1PrivateKey[COUNT];
  private final CosmosPublicKey[] pubs = new CosmosPublicKey[COUNT];
  private final ByteString[] pubBytes = new ByteString[COUNT];
  private final String[] from = new String[COUNT];
  private final String[] to = new String[COUNT];
  private final long[] amount = new long[COUNT];
  private final long[] sequence = new long[COUNT];
  private final byte[][] execMsg = new byte[COUNT][];

  @Setup
  public void setUp() {
    for (int i = 0; i < COUNT; i++) {
      byte[] seed = Hashes.sha256(("cairn cosmos benchmark key " + i).getBytes(StandardCharsets.UTF_8));
      keys[i] = Secp256k1PrivateKey.of(seed.clone());
      signers[i] = Signers.software(Secp256k1PrivateKey.of(seed));
      pubs[i] = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, signers[i].publicKey());
      pubBytes[i] = ByteString.copyFrom(pubs[i].compressed());
      from[i] = pubs[i].address("cosmos").toString();
      byte[] r = Hashes.sha256(("recipient " + i).getBytes(StandardCharsets.UTF_8));
      to[i] = dev.cairn.cosmos.CosmosAddress.of("cosmos", Arrays.copyOf(r, 20)).toString();
      amount[i] = 1_000 + 7_919L * i;
      sequence[i] = 1 + 13L * i;
      execMsg[i] = ("{\"transfer\":{\"recipient\":\"" + to[i].substring(0, 20) + "\",\"amount\":\"" + amount[i] + "\"}}")
          .getBytes(StandardCharsets.UTF_8);
    }
    for (int i = 0; i < COUNT; i++) {
      same("MsgSend signed", i, cairnSend(i), protobufSend(i));
      same("MsgExecuteContract signed", i, cairnExecute(i), protobufExecute(i));
      same("MsgSend signed, unverified", i, cairnSendUnverified(i), protobufSend(i));
      same("MsgExecuteContract signed, unverified", i, cairnExecuteUnverified(i), protobufExecute(i));
      same("MsgSend sign doc", i, cairnSendEncode(i), protobufSendEncode(i));
      same("MsgExecuteContract sign doc", i, cairnExecuteEncode(i), protobufExecuteEncode(i));
    }
  }

  private static void same(String what, int i, byte[] cairn, byte[] peer) {
    if (!Arrays.equals(cairn, peer)) {
      throw new IllegalStateException(what + ", input " + i + ": Cairn " + Hex.encode(cairn) + " differs from protobuf-java "
          + Hex.encode(peer));
    }
  }

  // ---- Cairn

  private CosmosTransaction cairnTx(int i, dev.cairn.cosmos.msg.CosmosMsg msg) {
    return CosmosTransaction.builder(CHAIN_ID).message(msg).memo(MEMO)
        .fee(List.of(Coin.of(DENOM, 5_000)), GAS)
        .signer(TxSigner.of(pubs[i], "cosmos", ACCOUNT_NUMBER, sequence[i], dev.cairn.cosmos.tx.SignMode.DIRECT))
        .build();
  }

  private MsgSend cairnSendMsg(int i) {
    return MsgSend.of(from[i], to[i], List.of(Coin.of(DENOM, amount[i])));
  }

  private MsgExecuteContract cairnExecuteMsg(int i) {
    return MsgExecuteContract.of(from[i], CONTRACT, execMsg[i], List.of(Coin.of(DENOM, amount[i])));
  }

  byte[] cairnSend(int i) {
    return cairnTx(i, cairnSendMsg(i)).sign(List.of(signers[i])).encoded();
  }

  byte[] cairnExecute(int i) {
    return cairnTx(i, cairnExecuteMsg(i)).sign(List.of(signers[i])).encoded();
  }

  /**
   * The public path minus the check {@code sign}/{@code withSignatures} adds: the signature asked
   * of the signer, the TxRaw assembled from the body and auth info bytes without verifying it.
   */
  private byte[] cairnUnverified(int i, dev.cairn.cosmos.msg.CosmosMsg msg) {
    CosmosTransaction tx = cairnTx(i, msg);
    byte[] sig = signers[i].sign(tx.signRequest(tx.requiredSigners().get(0))).bytes();
    return dev.cairn.cosmos.tx.TxRaw.of(tx.bodyBytes(), tx.authInfoBytes(), List.of(sig)).encode();
  }

  byte[] cairnSendUnverified(int i) {
    return cairnUnverified(i, cairnSendMsg(i));
  }

  byte[] cairnExecuteUnverified(int i) {
    return cairnUnverified(i, cairnExecuteMsg(i));
  }

  byte[] cairnSendEncode(int i) {
    return cairnTx(i, cairnSendMsg(i)).signBytes(0);
  }

  byte[] cairnExecuteEncode(int i) {
    return cairnTx(i, cairnExecuteMsg(i)).signBytes(0);
  }

  // ---- protobuf-java generated classes

  private static cosmos.base.v1beta1.Coin coin(String denom, long amount) {
    return cosmos.base.v1beta1.Coin.newBuilder().setDenom(denom).setAmount(Long.toString(amount)).build();
  }

  private com.google.protobuf.Any sendAny(int i) {
    return com.google.protobuf.Any.newBuilder().setTypeUrl("/cosmos.bank.v1beta1.MsgSend")
        .setValue(cosmos.bank.v1beta1.MsgSend.newBuilder().setFromAddress(from[i]).setToAddress(to[i])
            .addAmount(coin(DENOM, amount[i])).build().toByteString())
        .build();
  }

  private com.google.protobuf.Any executeAny(int i) {
    return com.google.protobuf.Any.newBuilder().setTypeUrl("/cosmwasm.wasm.v1.MsgExecuteContract")
        .setValue(cosmwasm.wasm.v1.MsgExecuteContract.newBuilder().setSender(from[i]).setContract(CONTRACT)
            .setMsg(ByteString.copyFrom(execMsg[i])).addFunds(coin(DENOM, amount[i])).build().toByteString())
        .build();
  }

  /** {bodyBytes, authInfoBytes, signDocBytes}. */
  private ByteString[] protobufDocs(int i, com.google.protobuf.Any msg) {
    ByteString body = cosmos.tx.v1beta1.TxBody.newBuilder().addMessages(msg).setMemo(MEMO).build().toByteString();
    ByteString auth = cosmos.tx.v1beta1.AuthInfo.newBuilder()
        .addSignerInfos(cosmos.tx.v1beta1.SignerInfo.newBuilder()
            .setPublicKey(com.google.protobuf.Any.newBuilder().setTypeUrl(SECP_TYPE)
                .setValue(cosmos.crypto.secp256k1.PubKey.newBuilder().setKey(pubBytes[i]).build().toByteString()))
            .setModeInfo(cosmos.tx.v1beta1.ModeInfo.newBuilder()
                .setSingle(cosmos.tx.v1beta1.ModeInfo.Single.newBuilder().setMode(SignMode.SIGN_MODE_DIRECT)))
            .setSequence(sequence[i]))
        .setFee(cosmos.tx.v1beta1.Fee.newBuilder().addAmount(coin(DENOM, 5_000)).setGasLimit(GAS))
        .build().toByteString();
    ByteString doc = cosmos.tx.v1beta1.SignDoc.newBuilder().setBodyBytes(body).setAuthInfoBytes(auth)
        .setChainId(CHAIN_ID).setAccountNumber(ACCOUNT_NUMBER).build().toByteString();
    return new ByteString[] {body, auth, doc};
  }

  private byte[] protobufSigned(int i, com.google.protobuf.Any msg) {
    ByteString[] d = protobufDocs(i, msg);
    byte[] sig = keys[i].sign(Hashes.sha256(d[2].toByteArray())).toCompact();
    return cosmos.tx.v1beta1.TxRaw.newBuilder().setBodyBytes(d[0]).setAuthInfoBytes(d[1])
        .addSignatures(ByteString.copyFrom(sig)).build().toByteArray();
  }

  byte[] protobufSend(int i) {
    return protobufSigned(i, sendAny(i));
  }

  byte[] protobufExecute(int i) {
    return protobufSigned(i, executeAny(i));
  }

  byte[] protobufSendEncode(int i) {
    return protobufDocs(i, sendAny(i))[2].toByteArray();
  }

  byte[] protobufExecuteEncode(int i) {
    return protobufDocs(i, executeAny(i))[2].toByteArray();
  }

  /** Cairn: MsgSend built, signed (direct), encoded as TxRaw. */
  @Benchmark
  public byte[] cairnSend() {
    return cairnSend(next());
  }

  /** protobuf-java: the same MsgSend transaction. */
  @Benchmark
  public byte[] protobufSend() {
    return protobufSend(next());
  }

  /** Cairn: MsgExecuteContract built, signed (direct), encoded as TxRaw. */
  @Benchmark
  public byte[] cairnExecute() {
    return cairnExecute(next());
  }

  /** protobuf-java: the same MsgExecuteContract transaction. */
  @Benchmark
  public byte[] protobufExecute() {
    return protobufExecute(next());
  }

  /** Cairn: MsgSend signed through the signer and assembled with TxRaw.of, without the verification of sign(). */
  @Benchmark
  public byte[] cairnSendUnverified() {
    return cairnSendUnverified(next());
  }

  /** Cairn: MsgExecuteContract as {@link #cairnSendUnverified()}. */
  @Benchmark
  public byte[] cairnExecuteUnverified() {
    return cairnExecuteUnverified(next());
  }

  /** Cairn: the MsgSend transaction up to its sign document bytes (no signature). */
  @Benchmark
  public byte[] cairnSendEncode() {
    return cairnSendEncode(next());
  }

  /** protobuf-java: the same sign document. */
  @Benchmark
  public byte[] protobufSendEncode() {
    return protobufSendEncode(next());
  }

  /** Cairn: the MsgExecuteContract transaction up to its sign document bytes. */
  @Benchmark
  public byte[] cairnExecuteEncode() {
    return cairnExecuteEncode(next());
  }

  /** protobuf-java: the same sign document. */
  @Benchmark
  public byte[] protobufExecuteEncode() {
    return protobufExecuteEncode(next());
  }
}
