package dev.cairn.cosmos.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignerException;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.inspect.CosmosInspector;
import dev.cairn.cosmos.msg.Any;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.Messages;
import dev.cairn.cosmos.msg.MsgStoreCode;
import dev.cairn.cosmos.tx.AuthInfo;
import dev.cairn.cosmos.tx.TxBody;
import dev.cairn.cosmos.tx.TxRaw;
import java.util.Arrays;

/**
 * Cosmos protobuf from outside: {@code TxRaw}, {@code TxBody}, {@code AuthInfo}, {@code Any} and
 * each of the 21 message types {@link Messages#decode} knows, plus direct-mode {@code SignDoc}s and
 * amino JSON {@code StdSignDoc}s as the inspector reads them. A decoder returns a value or throws
 * {@link DecodingException} (or {@link CosmosException}); the inspector throws {@link
 * ChainException}. Protobuf decoding is lenient by design (unknown fields skipped, fields in any
 * order, repeated scalars last-wins), so the canonical property checked is {@code
 * decode(encode(decode(b))) == decode(b)} and that re-encoding a decoded value is stable; messages
 * also round-trip through their CosmJS JSON form (a MsgStoreCode with raw wasm comes back gzipped,
 * as documented for every way of building one).
 */
class CosmosProtoFuzzTest {
  static final String[] TYPE_URLS = {
    "/cosmos.bank.v1beta1.MsgSend", "/cosmos.bank.v1beta1.MsgMultiSend", "/cosmos.staking.v1beta1.MsgDelegate",
    "/cosmos.staking.v1beta1.MsgUndelegate", "/cosmos.staking.v1beta1.MsgBeginRedelegate",
    "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward", "/cosmwasm.wasm.v1.MsgExecuteContract",
    "/cosmwasm.wasm.v1.MsgInstantiateContract", "/cosmwasm.wasm.v1.MsgInstantiateContract2",
    "/cosmwasm.wasm.v1.MsgMigrateContract", "/cosmwasm.wasm.v1.MsgStoreCode", "/cosmwasm.wasm.v1.MsgUpdateAdmin",
    "/cosmwasm.wasm.v1.MsgClearAdmin", "/ibc.applications.transfer.v1.MsgTransfer", "/cosmos.authz.v1beta1.MsgGrant",
    "/cosmos.authz.v1beta1.MsgExec", "/cosmos.feegrant.v1beta1.MsgGrantAllowance",
    "/cosmos.authz.v1beta1.GenericAuthorization", "/cosmos.bank.v1beta1.SendAuthorization",
    "/cosmos.feegrant.v1beta1.BasicAllowance", "/cosmos.feegrant.v1beta1.PeriodicAllowance",
  };
  static final AccountId ACCOUNT = AccountId.of(ChainId.cosmos("testing"), "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu");
  static final CosmosInspector INSPECTOR = new CosmosInspector();

  @FuzzTest(maxDuration = "10m")
  void txRaw(byte[] data) {
    TxRaw t;
    try {
      t = TxRaw.decode(data);
    } catch (DecodingException | CosmosException e) {
      return;
    }
    byte[] enc = t.encode();
    TxRaw again = TxRaw.decode(enc);
    assertEquals(t, again);
    assertArrayEquals(enc, again.encode());
    t.hash();
    t.toString();
    try {
      t.body();
      t.authInfo();
    } catch (DecodingException | CosmosException e) {
      // the nested bytes are decoded on demand; their own targets check them
    }
  }

  @FuzzTest(maxDuration = "10m")
  void txBody(byte[] data) {
    TxBody b;
    try {
      b = TxBody.decode(data);
    } catch (DecodingException | CosmosException e) {
      return;
    }
    byte[] enc = b.encode();
    TxBody again = TxBody.decode(enc);
    assertEquals(b, again);
    assertArrayEquals(enc, again.encode());
    b.toString();
  }

  @FuzzTest(maxDuration = "10m")
  void authInfo(byte[] data) {
    AuthInfo a;
    try {
      a = AuthInfo.decode(data);
    } catch (DecodingException | CosmosException e) {
      return;
    }
    byte[] enc = a.encode();
    AuthInfo again = AuthInfo.decode(enc);
    assertEquals(a, again);
    assertArrayEquals(enc, again.encode());
    a.toString();
  }

  @FuzzTest(maxDuration = "10m")
  void any(byte[] data) {
    Any a;
    try {
      a = Any.decode(data);
    } catch (DecodingException | CosmosException e) {
      return;
    }
    byte[] enc = a.encode();
    assertEquals(a, Any.decode(enc));
    checkMessage(a);
  }

  /** data[0] picks the type URL; the rest is the message's protobuf value. */
  @FuzzTest(maxDuration = "10m")
  void message(byte[] data) {
    if (data.length == 0) {
      return;
    }
    checkMessage(Any.of(TYPE_URLS[(data[0] & 0xff) % TYPE_URLS.length], Arrays.copyOfRange(data, 1, data.length)));
  }

  static void checkMessage(Any any) {
    CosmosMsg m;
    try {
      m = Messages.decode(any);
    } catch (DecodingException | CosmosException e) {
      return;
    }
    byte[] enc = m.encode();
    CosmosMsg again = Messages.decode(Any.of(m.typeUrl(), enc));
    assertEquals(m, again);
    assertArrayEquals(enc, again.encode(), "re-encoding a decoded " + m.typeUrl() + " is stable");
    CosmosMsg fromJson = viaJson(m);
    if (m instanceof MsgStoreCode && !MsgStoreCode.isGzip(((MsgStoreCode) m).wasmByteCode())) {
      // documented: building a MsgStoreCode (from JSON too) gzips raw wasm; the decoder keeps what was sent
      assertEquals(fromJson, viaJson(fromJson), "CosmJS JSON round trip of a gzipped " + m.typeUrl());
    } else {
      assertEquals(m, fromJson, "CosmJS JSON round trip of " + m.typeUrl());
    }
    m.toString();
  }

  static CosmosMsg viaJson(CosmosMsg m) {
    JsonObject json = Messages.toJson(m);
    return Messages.fromJson((JsonObject) Json.parse(Json.write(json)));
  }

  @FuzzTest(maxDuration = "10m")
  void signDocDirect(byte[] data) {
    inspect(SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT, data);
  }

  @FuzzTest(maxDuration = "10m")
  void aminoJson(byte[] data) {
    inspect(SignRequest.Kind.COSMOS_AMINO_JSON, data);
  }

  static void inspect(SignRequest.Kind kind, byte[] payload) {
    SignRequest r;
    try {
      r = SignRequest.of(kind, ACCOUNT, payload);
    } catch (SignerException e) {
      return; // not a request a signer would be given
    }
    try {
      INSPECTOR.inspect(r).toString();
    } catch (ChainException e) {
      // the typed rejection
    }
  }
}
