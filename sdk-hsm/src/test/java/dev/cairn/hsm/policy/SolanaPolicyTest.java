package dev.cairn.hsm.policy;

import static dev.cairn.hsm.policy.Fixtures.denied;
import static dev.cairn.hsm.policy.Fixtures.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signers;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SolanaPolicyTest {
  static final ChainId DEVNET = ChainId.SOLANA_DEVNET;
  final SplittableRandom r = new SplittableRandom(11);
  final Pubkey me = Pubkey.of(Fixtures.ed().publicKey());
  final Pubkey bob = key();
  final Pubkey carol = key();
  final Pubkey mint = key();
  final Pubkey src = key();
  final Pubkey bobAta = key();
  final Blockhash hash = Blockhash.of(new byte[32]);

  Pubkey key() {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return Pubkey.of(b);
  }

  static AccountId id(Pubkey k) {
    return AccountId.of(DEVNET, k.toBase58());
  }

  SignRequest legacy(Instruction... ixs) {
    return SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, id(me), Message.compileLegacy(me, List.of(ixs), hash).serialize());
  }

  Fixtures.Device device() {
    return Fixtures.Device.of(Signers.software(Fixtures.ed()));
  }

  @Test
  void solTransfersByRecipientChainAndLimit() {
    Fixtures.Device d = device();
    PolicySigner s = PolicySigner.wrap(d, Policy.builder().allowChains(DEVNET).allowRecipients(id(bob))
        .maxPerTransaction(Asset.nativeAsset(DEVNET, "SOL"), BigInteger.valueOf(1_000_000_000L)).build());
    signed(s, legacy(SystemProgram.transfer(me, bob, 1_000_000_000L)));
    denied(s, legacy(SystemProgram.transfer(me, carol, 1)), "recipients", carol.toBase58());
    denied(s, legacy(SystemProgram.transfer(me, bob, 600_000_000L), SystemProgram.transfer(me, bob, 600_000_000L)),
        "perTransactionLimit", "1200000000");
    AccountId onMainnet = AccountId.of(ChainId.SOLANA_MAINNET, me.toBase58());
    denied(s, SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, onMainnet,
        Message.compileLegacy(me, List.of(SystemProgram.transfer(me, bob, 1)), hash).serialize()), "chains", ChainId.SOLANA_MAINNET.toString());
    assertEquals(1, d.asked.get());
  }

  @Test
  void tokenTransfersWithMintAreLimitedPerMintAndPlainTransfersAreUnresolved() {
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder()
        .maxPerTransaction(Asset.token(id(mint)), BigInteger.valueOf(500)).build());
    signed(s, legacy(TokenProgram.TOKEN.transferChecked(src, mint, bobAta, me, 500, 6)));
    signed(s, legacy(TokenProgram.TOKEN_2022.transferChecked(src, mint, bobAta, me, 499, 6)));
    denied(s, legacy(TokenProgram.TOKEN.transferChecked(src, mint, bobAta, me, 501, 6)), "perTransactionLimit", "501");
    Pubkey otherMint = key();
    denied(s, legacy(TokenProgram.TOKEN.transferChecked(src, otherMint, bobAta, me, 1, 6)), "assets", otherMint.toBase58());
    // a plain transfer names no mint: a limit cannot be checked, so it is denied
    denied(s, legacy(TokenProgram.TOKEN.transfer(src, bobAta, me, 1)), "unresolved", "transfer");
    // the recipient rule cannot check it either
    PolicySigner byRecipient = PolicySigner.wrap(device(), Policy.builder().allowRecipients(id(bobAta)).build());
    signed(byRecipient, legacy(TokenProgram.TOKEN.transferChecked(src, mint, bobAta, me, 7, 6)));
    denied(byRecipient, legacy(TokenProgram.TOKEN.transfer(src, bobAta, me, 7)), "unresolved", TokenProgram.TOKEN_PROGRAM_ID.toBase58());
    // with only a program rule, the token program's plain transfer is admitted as a call
    PolicySigner byProgram = PolicySigner.wrap(device(), Policy.builder().allowPrograms(id(TokenProgram.TOKEN_PROGRAM_ID)).build());
    signed(byProgram, legacy(TokenProgram.TOKEN.transfer(src, bobAta, me, 7)));
  }

  @Test
  void v0LookupTableAccountsAreUnresolved() {
    AddressLookupTable table = AddressLookupTable.of(key(), List.of(key(), bob, key()));
    Message v0 = Message.compileV0(me, List.of(SystemProgram.transfer(me, bob, 42)), hash, List.of(table));
    assertEquals(1, v0.addressTableLookups().size());
    SignRequest req = SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, id(me), v0.serialize());
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowRecipients(id(bob)).build());
    denied(s, req, "unresolved", "cannot resolve");
    PolicySigner limited = PolicySigner.wrap(device(), Policy.builder()
        .maxPerTransaction(Asset.nativeAsset(DEVNET, "SOL"), BigInteger.valueOf(1_000_000)).build());
    denied(limited, req, "unresolved", SystemProgram.PROGRAM_ID.toBase58());
    // a v0 message without lookups is read in full
    Message v0Static = Message.compileV0(me, List.of(SystemProgram.transfer(me, bob, 42)), hash, List.of());
    signed(s, SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, id(me), v0Static.serialize()));
    signed(limited, SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, id(me), v0Static.serialize()));
  }

  @Test
  void programsRule() {
    Pubkey program = key();
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowPrograms(id(MemoProgram.PROGRAM_ID)).build());
    signed(s, legacy(MemoProgram.memo("hello", List.of(me))));
    denied(s, legacy(Instruction.of(program, List.of(), new byte[] {9, 9, 9, 9, 9, 9, 9, 9})), "calls", program.toBase58());
    PolicySigner byInstruction = PolicySigner.wrap(device(), Policy.builder()
        .allowMethods(id(TokenProgram.TOKEN_PROGRAM_ID), "transfer").build());
    signed(byInstruction, legacy(TokenProgram.TOKEN.transfer(src, bobAta, me, 7)));
    denied(byInstruction, legacy(TokenProgram.TOKEN.approve(src, bob, me, 7)), "calls", "approve");
  }

  @Test
  void theAccountMustBeASignerOfThePayload() {
    // the request claims Bob signs; the payload's only signer is me: the inspector refuses, the policy denies
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowRecipients(id(bob)).build());
    byte[] msg = Message.compileLegacy(me, List.of(SystemProgram.transfer(me, carol, 1)), hash).serialize();
    denied(s, SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, id(bob), msg), "inspection", "not a required signer");
  }
}
