package dev.cairn.svm.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.json.JsonObject;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.programs.AddressLookupTableProgram;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.testing.node.LiteSvm;
import dev.cairn.testing.node.LiteSvmExtension;
import dev.cairn.transport.TransportException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every SvmRpcClient method against LiteSVM behind the testing kit's JSON-RPC server. */
@ExtendWith(LiteSvmExtension.class)
class SvmRpcClientIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static SvmRpcClient rpc;

  @BeforeAll
  static void connect(LiteSvm svm) {
    rpc = SvmRpcClient.builder(svm.url()).commitment(Commitment.CONFIRMED).build();
  }

  @AfterAll
  static void close() {
    rpc.close();
  }

  static Keypair funded(long lamports) {
    Keypair k = Keypair.generate(RANDOM);
    rpc.requestAirdrop(k.publicKey(), lamports).send();
    return k;
  }

  static Transaction signed(Keypair payer, List<Instruction> ixs, Keypair... others) {
    LatestBlockhash bh = rpc.getLatestBlockhash().send();
    Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(), ixs, bh.blockhash())).sign(payer);
    return others.length == 0 ? tx : tx.sign(others);
  }

  @Test
  void transfersSolAndReadsItBack() {
    Keypair payer = funded(2_000_000_000L);
    Pubkey to = Keypair.generate(RANDOM).publicKey();
    assertEquals(2_000_000_000L, rpc.getBalance(payer.publicKey()).send());
    Transaction tx = signed(payer, List.of(SystemProgram.transfer(payer.publicKey(), to, 1_000_000L)));
    long heightBefore = rpc.getBlockHeight().send();
    String sig = rpc.sendTransaction(tx).send();
    assertEquals(tx.id(), sig);
    SignatureStatus st = rpc.getSignatureStatuses(List.of(sig)).send().get(0).orElseThrow();
    assertTrue(st.isSuccess());
    assertTrue(st.satisfies(Commitment.CONFIRMED));
    assertTrue(st.slot() > heightBefore);
    assertEquals(1_000_000L, rpc.getBalance(to).send());
    assertEquals(2_000_000_000L - 1_000_000L - 5_000L, rpc.getBalance(payer.publicKey()).send());

    TransactionDetails d = rpc.getTransaction(sig).send().orElseThrow();
    assertEquals(tx, d.transaction());
    assertEquals(st.slot(), d.slot());
    TransactionMeta meta = d.meta().orElseThrow();
    assertTrue(meta.isSuccess());
    assertEquals(5_000L, meta.fee());
    assertEquals(List.of(2_000_000_000L, 0L, 1L), meta.preBalances());
    assertEquals(List.of(2_000_000_000L - 1_005_000L, 1_000_000L, 1L), meta.postBalances());
    assertTrue(meta.logMessages().contains("Program 11111111111111111111111111111111 success"), meta.logMessages().toString());
    assertEquals(OptionalLong.of(150), meta.computeUnitsConsumed());

    AccountInfo acc = rpc.getAccountInfo(to).send().orElseThrow();
    assertEquals(1_000_000L, acc.lamports());
    assertEquals(SystemProgram.PROGRAM_ID, acc.owner());
    assertEquals(0, acc.dataLength());
    assertEquals(-1L, acc.rentEpoch());
    assertEquals(Optional.empty(), rpc.getAccountInfo(Keypair.generate(RANDOM).publicKey()).send());
    List<Optional<AccountInfo>> many = rpc.getMultipleAccounts(List.of(to, Keypair.generate(RANDOM).publicKey(), payer.publicKey())).send();
    assertEquals(3, many.size());
    assertEquals(1_000_000L, many.get(0).orElseThrow().lamports());
    assertFalse(many.get(1).isPresent());
    assertEquals(2_000_000_000L - 1_005_000L, many.get(2).orElseThrow().lamports());
    byte[] unknownSignature = new byte[64];
    RANDOM.nextBytes(unknownSignature);
    assertEquals(Optional.empty(), rpc.getTransaction(dev.cairn.core.encoding.Base58.encode(unknownSignature)).send());
  }

  @Test
  void clusterInformation() {
    assertEquals("ok", rpc.getHealth().send());
    assertFalse(rpc.getVersion().send().isEmpty());
    assertTrue(rpc.getGenesisHash().send().length() >= 32);
    long slot = rpc.getSlot().send();
    assertEquals(slot, rpc.getBlockHeight(Commitment.FINALIZED).send());
    LatestBlockhash bh = rpc.getLatestBlockhash(Commitment.FINALIZED).send();
    assertEquals(slot + 150, bh.lastValidBlockHeight());
    assertTrue(rpc.isBlockhashValid(bh.blockhash(), null).send());
    assertEquals(2_039_280L, rpc.getMinimumBalanceForRentExemption(165).send());
    assertEquals(890_880L, rpc.getMinimumBalanceForRentExemption(0).send());
  }
}
