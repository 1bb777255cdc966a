package dev.cairn.cosmos.inspect;

import dev.cairn.core.CairnException;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.chain.TransactionSummary.Action;
import dev.cairn.core.chain.spi.TransactionInspector;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.MsgBeginRedelegate;
import dev.cairn.cosmos.msg.MsgDelegate;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgMultiSend;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.msg.MsgTransfer;
import dev.cairn.cosmos.msg.MsgUndelegate;
import dev.cairn.cosmos.tx.AuthInfo;
import dev.cairn.cosmos.tx.TxBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Cosmos {@link TransactionInspector}, registered for {@link dev.cairn.core.chain.Inspectors}:
 * reads direct-mode SignDocs and amino JSON StdSignDocs (and their keccak variants), from the
 * request alone.
 *
 * <ul>
 *   <li>The sign document's chain id must be the signing account's chain.
 *   <li>{@code MsgSend} and {@code MsgMultiSend} outputs are native transfers, one per coin, the coin's
 *       denom as the denomination (decimals 0: base units; the chain's display decimals are not in
 *       the document).
 *   <li>{@code MsgExecuteContract} is a call of the contract with the message's top-level key as the
 *       method and the funds attached.
 *   <li>Staking messages are calls of the validator ({@code delegate}, {@code undelegate},
 *       {@code redelegate}) with the amount; an IBC {@code MsgTransfer} is a call of the channel's
 *       receiver with the token. Any other message is a call of the signer's own account with the
 *       message's type (URL or amino name) as the method, so a policy sees every message.
 *   <li>The fee limit is the fee amount when it is a single coin.
 * </ul>
 *
 * Malformed payloads throw {@link ChainException} INVALID_INPUT naming the field and offset.
 *
 * <pre>{@code
 * TransactionSummary s = Inspectors.inspect(tx.signRequest(tx.requiredSigners().get(0)));
 * }</pre>
 */
public final class CosmosInspector implements TransactionInspector {
  /** For {@link java.util.ServiceLoader}. */
  public CosmosInspector() {}

  @Override
  public String name() {
    return "cosmos";
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind == SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT || kind == SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT_KECCAK
        || kind == SignRequest.Kind.COSMOS_AMINO_JSON || kind == SignRequest.Kind.COSMOS_AMINO_JSON_KECCAK;
  }

  @Override
  public TransactionSummary inspect(SignRequest request) {
    if (request == null) {
      throw invalid(null, "request: is null");
    }
    AccountId account = request.account().orElseThrow(() -> invalid(null, "request.account: is missing"));
    if (!supports(request.kind())) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, account.chainId(),
          "request.kind: the Cosmos inspector does not read " + request.kind()));
    }
    try {
      boolean direct = request.kind() == SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT
          || request.kind() == SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT_KECCAK;
      return direct ? direct(request.kind(), account, request.payload()) : amino(request.kind(), account, request.payload());
    } catch (ChainException e) {
      throw e;
    } catch (CairnException e) {
      throw invalid(account.chainId(), "payload: " + e.getMessage());
    }
  }

  private static TransactionSummary direct(SignRequest.Kind kind, AccountId account, byte[] payload) {
    ProtoReader r = ProtoReader.of(payload, "SignDoc");
    byte[] body = new byte[0];
    byte[] auth = new byte[0];
    String chainId = "";
    while (r.next()) {
      switch (r.field()) {
        case 1:
          body = r.bytes("body_bytes");
          break;
        case 2:
          auth = r.bytes("auth_info_bytes");
          break;
        case 3:
          chainId = r.string("chain_id");
          break;
        default:
          r.skip();
      }
    }
    ChainId chain = checkChain(account, chainId);
    TransactionSummary.Builder b = TransactionSummary.builder(kind, chain).signer(account).feePayer(account);
    for (CosmosMsg m : TxBody.decode(body).messages()) {
      action(b, chain, account, m);
    }
    List<Coin> fee = AuthInfo.decode(auth).fee().amount();
    if (fee.size() == 1) {
      b.feeLimit(amount(fee.get(0).denom(), fee.get(0).amount().toString()));
    }
    return b.build();
  }

  private static ChainId checkChain(AccountId account, String chainId) {
    ChainId chain = account.chainId();
    if (chainId.isEmpty() || !ChainId.cosmos(chainId).equals(chain)) {
      throw invalid(chain, "payload.chain_id: the document is for " + chainId + " but the signing account is on " + chain);
    }
    return chain;
  }

  private static void action(TransactionSummary.Builder b, ChainId chain, AccountId signer, CosmosMsg m) {
    if (m instanceof MsgSend) {
      MsgSend s = (MsgSend) m;
      for (Coin c : s.amount()) {
        b.action(Action.nativeTransfer(AccountId.of(chain, s.fromAddress()), AccountId.of(chain, s.toAddress()),
            amount(c.denom(), c.amount().toString())));
      }
    } else if (m instanceof MsgMultiSend) {
      MsgMultiSend s = (MsgMultiSend) m;
      AccountId from = s.inputs().size() == 1 ? AccountId.of(chain, s.inputs().get(0).address()) : signer;
      for (MsgMultiSend.Entry out : s.outputs()) {
        for (Coin c : out.coins()) {
          b.action(Action.nativeTransfer(from, AccountId.of(chain, out.address()), amount(c.denom(), c.amount().toString())));
        }
      }
    } else if (m instanceof MsgExecuteContract) {
      MsgExecuteContract e = (MsgExecuteContract) m;
      b.action(Action.call(AccountId.of(chain, e.sender()), AccountId.of(chain, e.contract()),
          topLevelKey(Json.parse(e.msg())), funds(e.funds())));
    } else if (m instanceof MsgDelegate) {
      MsgDelegate d = (MsgDelegate) m;
      b.action(Action.call(AccountId.of(chain, d.delegatorAddress()), AccountId.of(chain, d.validatorAddress()), "delegate",
          funds(List.of(d.amount()))));
    } else if (m instanceof MsgUndelegate) {
      MsgUndelegate d = (MsgUndelegate) m;
      b.action(Action.call(AccountId.of(chain, d.delegatorAddress()), AccountId.of(chain, d.validatorAddress()), "undelegate",
          funds(List.of(d.amount()))));
    } else if (m instanceof MsgBeginRedelegate) {
      MsgBeginRedelegate d = (MsgBeginRedelegate) m;
      b.action(Action.call(AccountId.of(chain, d.delegatorAddress()), AccountId.of(chain, d.validatorDstAddress()), "redelegate",
          funds(List.of(d.amount()))));
    } else if (m instanceof MsgTransfer) {
      MsgTransfer t = (MsgTransfer) m;
      b.action(Action.call(AccountId.of(chain, t.sender()), signer, "ibc-transfer:" + t.sourceChannel() + ":" + t.receiver(),
          funds(List.of(t.token()))));
    } else {
      b.action(Action.call(signer, signer, m.typeUrl(), List.of()));
    }
  }

  private static TransactionSummary amino(SignRequest.Kind kind, AccountId account, byte[] payload) {
    JsonObject doc = Json.parse(payload).asObject("signDoc");
    ChainId chain = checkChain(account, string(doc, "chain_id"));
    TransactionSummary.Builder b = TransactionSummary.builder(kind, chain).signer(account).feePayer(account);
    JsonArray msgs = member(doc, "msgs").asArray("msgs");
    for (int i = 0; i < msgs.size(); i++) {
      JsonObject msg = msgs.get(i).asObject("msgs[" + i + "]");
      String type = string(msg, "type");
      JsonObject v = member(msg, "value").asObject("msgs[" + i + "].value");
      switch (type) {
        case "cosmos-sdk/MsgSend":
          for (JsonValue c : member(v, "amount").asArray("amount").elements()) {
            JsonObject co = c.asObject("amount[]");
            b.action(Action.nativeTransfer(AccountId.of(chain, string(v, "from_address")),
                AccountId.of(chain, string(v, "to_address")), amount(string(co, "denom"), string(co, "amount"))));
          }
          break;
        case "wasm/MsgExecuteContract": {
          List<Amount> funds = new ArrayList<>();
          for (JsonValue c : member(v, "funds").asArray("funds").elements()) {
            JsonObject co = c.asObject("funds[]");
            funds.add(amount(string(co, "denom"), string(co, "amount")));
          }
          b.action(Action.call(AccountId.of(chain, string(v, "sender")), AccountId.of(chain, string(v, "contract")),
              topLevelKey(member(v, "msg")), funds));
          break;
        }
        default:
          b.action(Action.call(account, account, type, List.of()));
      }
    }
    JsonArray fee = member(member(doc, "fee").asObject("fee"), "amount").asArray("fee.amount");
    if (fee.size() == 1) {
      JsonObject co = fee.get(0).asObject("fee.amount[0]");
      b.feeLimit(amount(string(co, "denom"), string(co, "amount")));
    }
    return b.build();
  }

  private static String topLevelKey(JsonValue msg) {
    if (msg instanceof JsonObject) {
      Map<String, JsonValue> m = ((JsonObject) msg).members();
      if (m.size() == 1) {
        return m.keySet().iterator().next();
      }
    }
    return null;
  }

  private static List<Amount> funds(List<Coin> coins) {
    List<Amount> out = new ArrayList<>(coins.size());
    for (Coin c : coins) {
      out.add(amount(c.denom(), c.amount().toString()));
    }
    return out;
  }

  private static Amount amount(String denom, String units) {
    return Amount.of(Coin.parse(denom, units).amount(), Denomination.of(denom, 0));
  }

  private static JsonValue member(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null) {
      throw new dev.cairn.core.encoding.DecodingException("signDoc." + key, o.offset(), "is missing");
    }
    return v;
  }

  private static String string(JsonObject o, String key) {
    return member(o, key).asString(key);
  }

  private static ChainException invalid(ChainId chain, String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chain, message));
  }
}
