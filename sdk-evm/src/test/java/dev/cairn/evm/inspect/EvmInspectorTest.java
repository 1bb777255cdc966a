package dev.cairn.evm.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Inspectors;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.chain.TransactionSummary.Action;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.Authorization;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EvmInspectorTest {
  private static final ChainId CHAIN = ChainId.eip155(1);
  private static final AccountId ALICE = AccountId.of(CHAIN, "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B");
  private static final Address TOKEN = Address.parse("0x6B175474E89094C44Da98b954EedeAC495271d0F");
  private static final Address BOB = Address.parse("0x3535353535353535353535353535353535353535");

  private static Transaction.Builder base() {
    return Transaction.eip1559().chainId(1).nonce(3).gasLimit(60_000).maxFeePerGas(30_000_000_000L)
        .maxPriorityFeePerGas(1_000_000_000L);
  }

  private static TransactionSummary inspect(Transaction tx) {
    return Inspectors.inspect(tx.toSignRequest(ALICE));
  }

  private static AccountId on(Address a) {
    return AccountId.of(CHAIN, a.toChecksumString());
  }

  private static byte[] call(String selector, Object... words) {
    StringBuilder sb = new StringBuilder(selector);
    for (Object w : words) {
      String hex = w instanceof Address ? ((Address) w).toHexLowercase().substring(2) : ((BigInteger) w).toString(16);
      sb.append("0".repeat(64 - hex.length())).append(hex);
    }
    return Hex.decode(sb.toString());
  }

  @Test
  void registeredAndFoundByServiceLoader() {
    assertTrue(Inspectors.available().stream().anyMatch(i -> i instanceof EvmInspector));
  }

  @Test
  void nativeTransferWithFeeLimit() {
    TransactionSummary s = inspect(base().to(BOB).value(12345).build());
    assertEquals(CHAIN, s.chainId());
    assertEquals(ALICE, s.signer().orElseThrow());
    assertEquals(ALICE, s.feePayer().orElseThrow());
    assertEquals(List.of(Action.nativeTransfer(ALICE, on(BOB), Amount.of(12345, Denomination.ETH))), s.actions());
    assertEquals(BigInteger.valueOf(60_000L * 30_000_000_000L), s.feeLimit().orElseThrow().units());
  }

  @Test
  void legacyAndAccessListTransactionsUseTheGasPrice() {
    Transaction legacy = Transaction.legacy().chainId(1).nonce(0).gasLimit(21_000).gasPrice(7).to(BOB).value(1).build();
    assertEquals(BigInteger.valueOf(21_000 * 7), inspect(legacy).feeLimit().orElseThrow().units());
    Transaction t2930 = Transaction.eip2930().chainId(1).nonce(0).gasLimit(30_000).gasPrice(9).to(BOB).value(1).build();
    assertEquals(BigInteger.valueOf(30_000 * 9), inspect(t2930).feeLimit().orElseThrow().units());
    // pre-EIP-155 legacy transactions (valid on every chain) are read on the account's chain
    Transaction replayable = Transaction.legacy().nonce(0).gasLimit(21_000).gasPrice(7).to(BOB).value(1).build();
    assertEquals(CHAIN, inspect(replayable).chainId());
  }

  @Test
  void erc20CallsAreRecognisedBySelectorAndShape() {
    BigInteger amount = new BigInteger("1000000000000000000000");
    TransactionSummary t = inspect(base().to(TOKEN).data(call("a9059cbb", BOB, amount)).build());
    assertEquals(List.of(Action.tokenTransfer(on(TOKEN), ALICE, on(BOB), amount)), t.actions());
    TransactionSummary a = inspect(base().to(TOKEN).data(call("095ea7b3", BOB, amount)).build());
    assertEquals(Action.Type.TOKEN_APPROVAL, a.actions().get(0).type());
    assertEquals(on(BOB), a.actions().get(0).to().orElseThrow());
    assertEquals(amount, a.actions().get(0).tokenAmount().orElseThrow());
    Address owner = Address.parse("0x1111111111111111111111111111111111111111");
    TransactionSummary f = inspect(base().to(TOKEN).data(call("23b872dd", owner, BOB, BigInteger.TEN)).build());
    assertEquals(List.of(Action.tokenTransfer(on(TOKEN), on(owner), on(BOB), BigInteger.TEN)), f.actions());
    // value sent along with a token transfer shows too
    TransactionSummary withValue = inspect(base().to(TOKEN).value(5).data(call("a9059cbb", BOB, amount)).build());
    assertEquals(Action.Type.NATIVE_TRANSFER, withValue.actions().get(0).type());
    assertEquals(Action.Type.TOKEN_TRANSFER, withValue.actions().get(1).type());
  }

  @Test
  void otherCallsShowTheirSelectorAndFunds() {
    byte[] bad = call("a9059cbb", BOB, BigInteger.ONE);
    bad[4] = 1; // dirty upper address bytes: not a well-formed ERC-20 transfer
    TransactionSummary s = inspect(base().to(TOKEN).value(9).data(bad).build());
    Action c = s.actions().get(0);
    assertEquals(Action.Type.CALL, c.type());
    assertEquals("0xa9059cbb", c.method().orElseThrow());
    assertEquals(List.of(Amount.of(9, Denomination.ETH)), c.funds());
    TransactionSummary shortData = inspect(base().to(TOKEN).data(new byte[] {1, 2}).build());
    assertFalse(shortData.actions().get(0).method().isPresent());
    TransactionSummary deploy = inspect(base().data(new byte[] {0x60, 0x00}).build());
    assertEquals(Action.Type.DEPLOY, deploy.actions().get(0).type());
  }

  @Test
  void eip7702AuthorizationsAreDelegations() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Keccak256.hash(new byte[] {7}));
    Authorization auth = Authorization.sign(BigInteger.ONE, TOKEN, 0, key);
    Transaction tx = Transaction.eip7702().chainId(1).nonce(0).gasLimit(80_000).maxFeePerGas(2).maxPriorityFeePerGas(1)
        .to(BOB).authorizationList(List.of(auth)).build();
    TransactionSummary s = inspect(tx);
    Action d = s.actions().get(s.actions().size() - 1);
    assertEquals(Action.Type.DELEGATION, d.type());
    assertEquals(on(TOKEN), d.to().orElseThrow());
    assertEquals(on(Address.fromPublicKey(key.publicKey())), d.from().orElseThrow());
  }

  @Test
  void aPayloadForAnotherChainOrMalformedIsRefused() {
    Transaction other = base().chainId(10).to(BOB).value(1).build();
    SignRequest wrongChain = SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, ALICE, other.signingPayload());
    ChainException e = assertThrows(ChainException.class, () -> Inspectors.inspect(wrongChain));
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    assertTrue(e.getMessage().contains("chainId"), e.getMessage());
    SignRequest garbage = SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, ALICE, new byte[] {0x02, (byte) 0xc1, 0x01});
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> Inspectors.inspect(garbage)).kind());
    assertEquals(ErrorKind.UNSUPPORTED, assertThrows(ChainException.class,
        () -> Inspectors.inspect(SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE,
            AccountId.parse("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp:9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM"), new byte[] {1}))).kind());
  }

  @Test
  void unsignedPayloadsRoundTrip() {
    for (Transaction tx : List.of(base().to(BOB).value(1).build(),
        Transaction.legacy().chainId(5).nonce(1).gasLimit(21_000).gasPrice(7).to(BOB).value(1).build(),
        Transaction.legacy().nonce(1).gasLimit(21_000).gasPrice(7).to(BOB).value(1).build(),
        Transaction.eip2930().chainId(1).nonce(0).gasLimit(30_000).gasPrice(9).data(new byte[] {1}).build())) {
      assertEquals(tx, Transaction.decodeSigningPayload(tx.signingPayload()));
      assertArrayEquals(tx.signingPayload(), Transaction.decodeSigningPayload(tx.signingPayload()).signingPayload());
    }
  }

  @Property
  void arbitraryPayloadsNeverCrashTheInspector(@ForAll byte[] payload) {
    if (payload.length == 0) {
      return;
    }
    try {
      Inspectors.inspect(SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, ALICE, payload));
    } catch (ChainException e) {
      assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    }
  }

  private static final String PERMIT = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"chainId\",\"type\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\"}],"
      + "\"Permit\":[{\"name\":\"owner\",\"type\":\"address\"},{\"name\":\"spender\",\"type\":\"address\"},"
      + "{\"name\":\"value\",\"type\":\"uint256\"},{\"name\":\"nonce\",\"type\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\"}]},"
      + "\"primaryType\":\"Permit\",\"domain\":{\"name\":\"Dai\",\"chainId\":1,\"verifyingContract\":\"" + TOKEN.toChecksumString() + "\"},"
      + "\"message\":{\"owner\":\"" + ALICE.address() + "\",\"spender\":\"" + BOB.toChecksumString() + "\",\"value\":\"777\",\"nonce\":0,\"deadline\":99}}";

  @Test
  void typedDataJsonIsCheckedAgainstItsPreimage() {
    SignRequest r = EvmSigning.typedDataJsonRequest(ALICE, PERMIT);
    assertEquals(SignRequest.Kind.EVM_TYPED_DATA_JSON, r.kind());
    assertEquals(PERMIT, r.document().orElseThrow());
    assertArrayEquals(Keccak256.hash(r.payload()), r.digest().orElseThrow());
    TransactionSummary s = Inspectors.inspect(r);
    assertEquals(Action.typedData(ALICE, on(TOKEN), "Permit"), s.actions().get(0));
    assertEquals(Action.tokenApproval(on(TOKEN), ALICE, on(BOB), BigInteger.valueOf(777)), s.actions().get(1));
    // JSON that does not hash to the payload: a device would show one thing and sign another
    String other = PERMIT.replace("\"777\"", "\"1\"");
    SignRequest lying = SignRequest.typedDataJson(ALICE, r.payload(), other);
    ChainException e = assertThrows(ChainException.class, () -> Inspectors.inspect(lying));
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    assertTrue(e.getMessage().contains("document"), e.getMessage());
    // the domain's chain must be the account's
    AccountId onOptimism = AccountId.of(ChainId.eip155(10), ALICE.address());
    assertEquals(dev.cairn.core.signer.SignerException.Reason.INVALID_REQUEST, assertThrows(
        dev.cairn.core.signer.SignerException.class, () -> EvmSigning.typedDataJsonRequest(onOptimism, PERMIT)).reason());
    SignRequest forged = SignRequest.typedDataJson(onOptimism, r.payload(), PERMIT);
    assertInstanceOf(ChainException.class, assertThrows(ChainException.class, () -> Inspectors.inspect(forged)));
  }
}
