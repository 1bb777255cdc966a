package dev.cairn.evm.inspect;

import dev.cairn.abi.Address;
import dev.cairn.abi.eip712.TypedData;
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
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.Authorization;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The EVM {@link TransactionInspector}, registered for {@link dev.cairn.core.chain.Inspectors}:
 * reads EVM_TRANSACTION payloads (legacy, EIP-2930, EIP-1559, EIP-4844, EIP-7702 signing payloads)
 * and EVM_TYPED_DATA_JSON requests, from the request alone.
 *
 * <ul>
 *   <li>A transfer of value with no data is a native transfer; a creation is a deploy.
 *   <li>ERC-20 {@code transfer}, {@code transferFrom} and {@code approve} are recognised by their
 *       selector and exact ABI shape (token = the called contract, recipient or spender, amount);
 *       any other call is a call with its 4-byte selector and the value as attached funds.
 *   <li>EIP-7702 authorizations are delegations to their contract.
 *   <li>The fee limit is gasLimit × max fee per gas (gas price for legacy and EIP-2930), plus the
 *       blob gas cap for EIP-4844.
 *   <li>EIP-712 JSON is parsed and its preimage recomputed: it must equal the payload (so the JSON
 *       a device shows is what is signed), and a domain {@code chainId} must be the account's chain.
 *       EIP-2612 {@code Permit} becomes a token approval.
 * </ul>
 *
 * Amounts use {@link Denomination#ETH} (wei, 18 decimals) for every {@code eip155} chain's native
 * asset. Malformed payloads throw {@link ChainException} INVALID_INPUT naming the field and offset.
 */
public final class EvmInspector implements TransactionInspector {
  private static final byte[] TRANSFER = Hex.decode("a9059cbb");
  private static final byte[] TRANSFER_FROM = Hex.decode("23b872dd");
  private static final byte[] APPROVE = Hex.decode("095ea7b3");
  /** Gas per blob (EIP-4844). */
  private static final BigInteger GAS_PER_BLOB = BigInteger.valueOf(131_072);

  /** For {@link java.util.ServiceLoader}. */
  public EvmInspector() {}

  @Override
  public String name() {
    return "evm";
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind == SignRequest.Kind.EVM_TRANSACTION || kind == SignRequest.Kind.EVM_TYPED_DATA_JSON;
  }

  @Override
  public TransactionSummary inspect(SignRequest request) {
    if (request == null) {
      throw invalid(null, "request: is null");
    }
    AccountId account = request.account().orElseThrow(() -> invalid(null, "request.account: is missing"));
    switch (request.kind()) {
      case EVM_TRANSACTION:
        return transaction(account, request.payload());
      case EVM_TYPED_DATA_JSON:
        return typedData(account, request.payload(), request.document().orElse(null));
      default:
        throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, account.chainId(),
            "request.kind: the EVM inspector does not read " + request.kind()));
    }
  }

  private static TransactionSummary transaction(AccountId account, byte[] payload) {
    ChainId chain = account.chainId();
    Transaction tx;
    try {
      tx = Transaction.decodeSigningPayload(payload);
    } catch (DecodingException e) {
      throw invalid(chain, "payload: " + e.getMessage());
    } catch (CairnException e) {
      throw invalid(chain, "payload: " + e.getMessage());
    }
    if (tx.chainId() != 0 && !chain.equals(ChainId.eip155(tx.chainId()))) {
      throw invalid(chain, "payload.chainId: the transaction is for eip155:" + tx.chainId()
          + " but the signing account is on " + chain);
    }
    TransactionSummary.Builder b = TransactionSummary.builder(SignRequest.Kind.EVM_TRANSACTION, chain)
        .signer(account).feePayer(account);
    Amount value = Amount.of(tx.value(), Denomination.ETH);
    if (tx.to().isEmpty()) {
      b.action(Action.deploy(account, tx.value().signum() == 0 ? null : value));
    } else {
      AccountId to = AccountId.of(chain, tx.to().get().toChecksumString());
      byte[] data = tx.data();
      if (data.length == 0) {
        b.action(Action.nativeTransfer(account, to, value));
      } else {
        Action token = erc20(chain, account, to, data);
        if (token != null) {
          if (tx.value().signum() > 0) {
            b.action(Action.nativeTransfer(account, to, value));
          }
          b.action(token);
        } else {
          String selector = data.length >= 4 ? "0x" + Hex.encode(data, 0, 4) : null;
          b.action(Action.call(account, to, selector, tx.value().signum() == 0 ? List.of() : List.of(value)));
        }
      }
    }
    for (Authorization a : tx.authorizationList()) {
      AccountId authority = null;
      try {
        authority = AccountId.of(chain, a.authority().toChecksumString());
      } catch (CairnException e) {
        authority = null; // an invalid authorization signature: the delegation still shows
      }
      b.action(Action.delegation(authority, AccountId.of(chain, a.address().toChecksumString())));
    }
    BigInteger perGas = tx.maxFeePerGas() != null ? tx.maxFeePerGas() : tx.gasPrice();
    BigInteger fee = BigInteger.valueOf(tx.gasLimit()).multiply(perGas == null ? BigInteger.ZERO : perGas);
    if (tx.maxFeePerBlobGas() != null) {
      fee = fee.add(tx.maxFeePerBlobGas().multiply(GAS_PER_BLOB).multiply(BigInteger.valueOf(tx.blobVersionedHashes().size())));
    }
    if (fee.bitLength() <= 256) {
      b.feeLimit(Amount.of(fee, Denomination.ETH));
    }
    return b.build();
  }

  /** An ERC-20 transfer, transferFrom or approve with exactly its ABI shape, else null. */
  private static Action erc20(ChainId chain, AccountId from, AccountId token, byte[] data) {
    if (data.length == 68 && startsWith(data, TRANSFER)) {
      Address to = word(data, 4);
      return to == null ? null : Action.tokenTransfer(token, from, AccountId.of(chain, to.toChecksumString()), uint(data, 36));
    }
    if (data.length == 100 && startsWith(data, TRANSFER_FROM)) {
      Address owner = word(data, 4);
      Address to = word(data, 36);
      return owner == null || to == null ? null : Action.tokenTransfer(token, AccountId.of(chain, owner.toChecksumString()),
          AccountId.of(chain, to.toChecksumString()), uint(data, 68));
    }
    if (data.length == 68 && startsWith(data, APPROVE)) {
      Address spender = word(data, 4);
      return spender == null ? null : Action.tokenApproval(token, from, AccountId.of(chain, spender.toChecksumString()), uint(data, 36));
    }
    return null;
  }

  private static boolean startsWith(byte[] data, byte[] selector) {
    // a loop: Arrays.equals over ranges is API 33 on Android
    for (int i = 0; i < 4; i++) {
      if (data[i] != selector[i]) {
        return false;
      }
    }
    return true;
  }

  /** An ABI-encoded address word at {@code at}, or null when its upper 12 bytes are not zero. */
  private static Address word(byte[] data, int at) {
    for (int i = 0; i < 12; i++) {
      if (data[at + i] != 0) {
        return null;
      }
    }
    return Address.of(data, at + 12);
  }

  private static BigInteger uint(byte[] data, int at) {
    return new BigInteger(1, Arrays.copyOfRange(data, at, at + 32));
  }

  private static TransactionSummary typedData(AccountId account, byte[] payload, String json) {
    ChainId chain = account.chainId();
    if (json == null) {
      throw invalid(chain, "document: is missing");
    }
    TypedData td;
    byte[] preimage;
    try {
      td = TypedData.parseJson(json);
      preimage = EvmSigning.typedDataPreimage(td);
    } catch (CairnException e) {
      throw invalid(chain, "document: " + e.getMessage());
    }
    if (!Arrays.equals(preimage, payload)) {
      throw invalid(chain, "document: the typed data does not hash to the payload (the JSON shown is not what is signed)");
    }
    OptionalLong domainChain = EvmSigning.domainChainId(td);
    if (domainChain.isPresent() && !chain.equals(ChainId.eip155(domainChain.getAsLong()))) {
      throw invalid(chain, "document.domain.chainId: is " + domainChain.getAsLong() + " but the signing account is on " + chain);
    }
    AccountId contract = addressValue(chain, td.domain().get("verifyingContract"));
    TransactionSummary.Builder b = TransactionSummary.builder(SignRequest.Kind.EVM_TYPED_DATA_JSON, chain).signer(account);
    b.action(Action.typedData(account, contract, td.primaryType()));
    if (td.primaryType().equals("Permit") && contract != null) {
      Map<String, Object> m = td.message();
      AccountId owner = addressValue(chain, m.get("owner"));
      AccountId spender = addressValue(chain, m.get("spender"));
      BigInteger value = uintValue(m.get("value"));
      if (owner != null && spender != null && value != null) {
        b.action(Action.tokenApproval(contract, owner, spender, value));
      }
    }
    return b.build();
  }

  private static AccountId addressValue(ChainId chain, Object v) {
    try {
      if (v instanceof Address) {
        return AccountId.of(chain, ((Address) v).toChecksumString());
      }
      if (v instanceof String) {
        return AccountId.of(chain, Address.parse((String) v).toChecksumString());
      }
    } catch (CairnException e) {
      return null;
    }
    return null;
  }

  private static BigInteger uintValue(Object v) {
    if (v instanceof BigInteger) {
      return ((BigInteger) v).signum() < 0 ? null : (BigInteger) v;
    }
    if (v instanceof Number) {
      long l = ((Number) v).longValue();
      return l < 0 ? null : BigInteger.valueOf(l);
    }
    if (v instanceof String) {
      String t = (String) v;
      try {
        BigInteger b = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        return b.signum() < 0 || b.bitLength() > 256 ? null : b;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static ChainException invalid(ChainId chain, String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chain, message));
  }
}
