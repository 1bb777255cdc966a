package dev.cairn.cosmos.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Inspectors;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.chain.TransactionSummary.Action;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgDelegate;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.TxSigner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CosmosInspectorTest {
  @ParameterizedTest
  @EnumSource(SignMode.class)
  void summarisesSendsContractCallsStakingAndTheFee(SignMode mode) {
    CosmosPublicKey key = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1,
        Secp256k1PrivateKey.of(Hex.decode("0303030303030303030303030303030303030303030303030303030303030303")).publicKey().compressed());
    String me = key.address("juno").toString();
    String to = CosmosAddress.of("juno", new byte[20]).toString();
    String contract = CosmosAddress.of("juno", new byte[32]).toString();
    String validator = CosmosAddress.of("junovaloper", new byte[20]).toString();
    CosmosTransaction.Builder b = CosmosTransaction.builder("juno-1")
        .message(MsgSend.of(me, to, List.of(Coin.of("ujuno", 1500), Coin.of("uatom", 2))))
        .message(MsgExecuteContract.of(me, contract, "{\"swap\":{\"min\":\"1\"}}".getBytes(StandardCharsets.UTF_8),
            List.of(Coin.of("ujuno", 9))))
        .fee(List.of(Coin.of("ujuno", 3000)), 250_000)
        .signer(TxSigner.of(key, "juno", 1, 2, mode));
    if (mode == SignMode.DIRECT) {
      b.message(MsgDelegate.of(me, validator, Coin.of("ujuno", 77)));
    }
    CosmosTransaction tx = b.build();
    AccountId signer = tx.requiredSigners().get(0);
    TransactionSummary s = Inspectors.inspect(tx.signRequest(signer));
    ChainId chain = ChainId.cosmos("juno-1");
    assertEquals(chain, s.chainId());
    assertEquals(signer, s.signer().orElseThrow());
    List<Action> a = s.actions();
    assertEquals(mode == SignMode.DIRECT ? 4 : 3, a.size(), a.toString());
    assertEquals(Action.Type.NATIVE_TRANSFER, a.get(0).type());
    assertEquals(AccountId.of(chain, to), a.get(0).to().orElseThrow());
    assertEquals(BigInteger.valueOf(1500), a.get(0).amount().orElseThrow().units());
    assertEquals("ujuno", a.get(0).amount().orElseThrow().denomination().code());
    assertEquals("uatom", a.get(1).amount().orElseThrow().denomination().code());
    assertEquals(Action.Type.CALL, a.get(2).type());
    assertEquals(AccountId.of(chain, contract), a.get(2).to().orElseThrow());
    assertEquals("swap", a.get(2).method().orElseThrow());
    assertEquals(BigInteger.valueOf(9), a.get(2).funds().get(0).units());
    if (mode == SignMode.DIRECT) {
      assertEquals("delegate", a.get(3).method().orElseThrow());
    }
    assertEquals(BigInteger.valueOf(3000), s.feeLimit().orElseThrow().units());
  }

  @org.junit.jupiter.api.Test
  void aDocumentForAnotherChainOrMalformedIsRefused() {
    CosmosPublicKey key = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1,
        Secp256k1PrivateKey.of(Hex.decode("0404040404040404040404040404040404040404040404040404040404040404")).publicKey().compressed());
    String me = key.address("cosmos").toString();
    CosmosTransaction tx = CosmosTransaction.builder("cosmoshub-4").message(MsgSend.of(me, me, List.of()))
        .fee(List.of(), 1).signer(TxSigner.of(key, "cosmos", 0, 0, SignMode.DIRECT)).build();
    AccountId elsewhere = AccountId.of(ChainId.cosmos("theta-testnet-001"), me);
    ChainException e = assertThrows(ChainException.class, () -> Inspectors.inspect(
        SignRequest.of(SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT, elsewhere, tx.signBytes(0))));
    assertEquals(ErrorKind.INVALID_INPUT, e.error().kind());
    assertTrue(e.getMessage().contains("chain_id"), e.getMessage());
    e = assertThrows(ChainException.class, () -> Inspectors.inspect(
        SignRequest.of(SignRequest.Kind.COSMOS_AMINO_JSON, tx.requiredSigners().get(0), "{\"chain_id\":".getBytes(StandardCharsets.UTF_8))));
    assertEquals(ErrorKind.INVALID_INPUT, e.error().kind());
  }
}
