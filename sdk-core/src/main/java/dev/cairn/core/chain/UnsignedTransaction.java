package dev.cairn.core.chain;

import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A transaction built by a {@link ChainAdapter} and ready to sign, by one or more signers. Each
 * chain module implements it with its own type (an EIP-1559 transaction, a Solana message, a
 * Cosmos sign document). Implementations are immutable.
 *
 * <p>It names its {@link #feePayer()} and all its {@link #requiredSigners()} (EVM: just the sender;
 * Solana: the fee payer first, then every other signing account; Cosmos: the signer infos in
 * order), gives a {@link SignRequest} per signer that carries the signer's account, checks
 * signatures against each signer's key, and assembles the {@link SignedTransaction} once every
 * signature is there. {@link PartiallySignedTransaction} collects signatures across processes.
 */
public interface UnsignedTransaction {

  /** The chain the transaction is for. */
  ChainId chainId();

  /** The account that pays the fee (a required signer). */
  AccountId feePayer();

  /** Every account that must sign, in the family's order, fee payer included; unmodifiable. */
  List<AccountId> requiredSigners();

  /**
   * What {@code signer} must sign: the payload in the form its kind defines, with the account.
   *
   * @throws ChainException INVALID_INPUT when {@code signer} is not a required signer
   */
  SignRequest signRequest(AccountId signer);

  /** One request per required signer, in {@link #requiredSigners()} order. */
  default List<SignRequest> signRequests() {
    List<AccountId> signers = requiredSigners();
    List<SignRequest> out = new ArrayList<>(signers.size());
    for (AccountId a : signers) {
      out.add(signRequest(a));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Whether {@code signature} is a valid signature of {@code signer}'s request by {@code signer}'s
   * key (EVM: the recovered address; Solana: Ed25519 against the account's key; Cosmos: against
   * the public key in the signer info). Never throws for a wrong signature; false also for an
   * account that is not a required signer.
   */
  boolean verify(AccountId signer, Signature signature);

  /**
   * The transaction in the chain module's own serialization, which {@link
   * ChainAdapter#decodeUnsigned} reads back (EVM: the sender's address and the unsigned RLP / typed
   * envelope, since an unsigned EVM transaction does not name its sender; Solana: the message;
   * Cosmos: body and auth info). A copy.
   */
  byte[] encoded();

  /** Until when the transaction can land once sent (the blockhash or timeout height chosen at build). */
  default ValidityWindow validity() {
    return ValidityWindow.none();
  }

  /**
   * The signed transaction with a signature for every required signer.
   *
   * @param signatures by signer; verified again
   * @throws ChainException INVALID_INPUT naming {@code signatures} when one is missing, extra or
   *     does not verify
   */
  SignedTransaction withSignatures(Map<AccountId, Signature> signatures);
}
