package dev.cairn.hsm.policy;

import static dev.cairn.hsm.policy.Fixtures.denied;
import static dev.cairn.hsm.policy.Fixtures.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signers;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosPublicKey;
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

class CosmosPolicyTest {
  static final ChainId JUNO = ChainId.cosmos("juno-1");
  static final CosmosPublicKey KEY = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, Fixtures.secp().publicKey().compressed());
  static final String ME = KEY.address("juno").toString();
  static final String BOB = CosmosAddress.of("juno", new byte[20]).toString();
  static final String CAROL = CosmosAddress.of("juno", filled(20, 7)).toString();
  static final String CONTRACT = CosmosAddress.of("juno", new byte[32]).toString();
  static final String OTHER_CONTRACT = CosmosAddress.of("juno", filled(32, 9)).toString();

  static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) v);
    return b;
  }

  static AccountId id(String a) {
    return AccountId.of(JUNO, a);
  }

  static SignRequest request(SignMode mode, Object... msgs) {
    CosmosTransaction.Builder b = CosmosTransaction.builder("juno-1").fee(List.of(Coin.of("ujuno", 3000)), 250_000)
        .signer(TxSigner.of(KEY, "juno", 1, 2, mode));
    for (Object m : msgs) {
      if (m instanceof MsgSend) {
        b.message((MsgSend) m);
      } else {
        b.message((MsgExecuteContract) m);
      }
    }
    CosmosTransaction tx = b.build();
    return tx.signRequest(tx.requiredSigners().get(0));
  }

  static MsgSend send(String to, long amount, String denom) {
    return MsgSend.of(ME, to, List.of(Coin.of(denom, amount)));
  }

  static MsgExecuteContract exec(String contract, String json, long funds) {
    return MsgExecuteContract.of(ME, contract, json.getBytes(StandardCharsets.UTF_8),
        funds == 0 ? List.of() : List.of(Coin.of("ujuno", funds)));
  }

  static Fixtures.Device device() {
    return Fixtures.Device.of(Signers.software(Fixtures.secp()));
  }

  @ParameterizedTest
  @EnumSource(SignMode.class)
  void msgSendByRecipientAndDenomLimit(SignMode mode) {
    Fixtures.Device d = device();
    PolicySigner s = PolicySigner.wrap(d, Policy.builder().allowChains(JUNO).allowRecipients(id(BOB))
        .maxPerTransaction(Asset.nativeAsset(JUNO, "ujuno"), BigInteger.valueOf(1500)).build());
    signed(s, request(mode, send(BOB, 1500, "ujuno")));
    denied(s, request(mode, send(CAROL, 1, "ujuno")), "recipients", CAROL);
    denied(s, request(mode, send(BOB, 1000, "ujuno"), send(BOB, 501, "ujuno")), "perTransactionLimit", "1501");
    denied(s, request(mode, send(BOB, 1, "uatom")), "assets", "uatom");
    PolicySigner hub = PolicySigner.wrap(d, Policy.builder().allowChains(ChainId.COSMOS_HUB).build());
    denied(hub, request(mode, send(BOB, 1, "ujuno")), "chains", "juno-1");
    assertEquals(1, d.asked.get());
  }

  @ParameterizedTest
  @EnumSource(SignMode.class)
  void msgExecuteContractByContractAndTopLevelKey(SignMode mode) {
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowMethods(id(CONTRACT), "swap", "claim")
        .maxPerTransaction(Asset.nativeAsset(JUNO, "ujuno"), BigInteger.valueOf(100)).build());
    signed(s, request(mode, exec(CONTRACT, "{\"swap\":{\"min\":\"1\"}}", 100)));
    signed(s, request(mode, exec(CONTRACT, "{\"claim\":{}}", 0)));
    denied(s, request(mode, exec(CONTRACT, "{\"withdraw_all\":{}}", 0)), "calls", "withdraw_all");
    denied(s, request(mode, exec(OTHER_CONTRACT, "{\"swap\":{}}", 0)), "calls", OTHER_CONTRACT);
    denied(s, request(mode, exec(CONTRACT, "{\"swap\":{}}", 101)), "perTransactionLimit", "101");
    // a MsgSend is no call: the calls rule does not restrict it, the limit does
    signed(s, request(mode, send(BOB, 100, "ujuno")));
    // funds attached to a call go to the contract: a recipients rule must admit it
    PolicySigner r = PolicySigner.wrap(device(), Policy.builder().allowRecipients(id(BOB)).build());
    denied(r, request(mode, exec(CONTRACT, "{\"swap\":{}}", 5)), "recipients", CONTRACT);
    signed(r, request(mode, exec(CONTRACT, "{\"swap\":{}}", 0)));
  }

  @ParameterizedTest
  @EnumSource(SignMode.class)
  void aDocumentForAnotherChainThanTheAccountIsDenied(SignMode mode) {
    SignRequest juno = request(mode, send(BOB, 1, "ujuno"));
    AccountId claimedHub = AccountId.of(ChainId.COSMOS_HUB, ME);
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowChains(ChainId.COSMOS_HUB).build());
    denied(s, SignRequest.of(juno.kind(), claimedHub, juno.payload()), "inspection", "chain_id");
  }
}
