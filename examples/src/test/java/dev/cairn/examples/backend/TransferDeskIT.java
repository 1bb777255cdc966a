package dev.cairn.examples.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainRegistry;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The transfer desk against anvil: a batch lands, and a crash between journaling and sending loses nothing. */
@ExtendWith(AnvilExtension.class)
class TransferDeskIT {

  @Test
  void batchLandsAndIsJournaled(Anvil anvil, @TempDir Path dir) throws Exception {
    Path journalFile = dir.resolve("desk.journal");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    try (EvmChainAdapter evm = EvmChainAdapter.connect(anvil.url());
        SoftwareSigner hot = Signers.software(Secp256k1PrivateKey.of(Anvil.devKey(3)))) {
      TransferDesk desk = new TransferDesk(ChainRegistry.create().register(evm), TransferJournal.open(journalFile), out);
      long nonceBefore = evm.nextNonce(evm.accountOf(hot)).join();
      List<TransferDesk.Transfer> batch = desk.sendBatch(evm, hot, 4, Amount.of(1000, evm.nativeDenomination()));
      assertTrue(desk.track(batch), buf.toString(StandardCharsets.UTF_8));
      assertEquals(nonceBefore + 4, evm.nextNonce(evm.accountOf(hot)).join());
    }
    List<String> lines = Files.readAllLines(journalFile);
    assertEquals(12, lines.size(), "signed, sent and landed for each of 4 transfers: " + lines);
    assertEquals(4, lines.stream().filter(l -> l.startsWith("landed ") && l.endsWith(" ok")).count());
    assertTrue(TransferJournal.open(journalFile).inFlight().isEmpty());
  }

  @Test
  void resumeSendsTheJournaledBytesAndNeverSignsAgain(Anvil anvil, @TempDir Path dir) throws Exception {
    Path journalFile = dir.resolve("desk.journal");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    String id;
    long nonceBefore;
    try (EvmChainAdapter evm = EvmChainAdapter.connect(anvil.url());
        SoftwareSigner hot = Signers.software(Secp256k1PrivateKey.of(Anvil.devKey(4)))) {
      AccountId from = evm.accountOf(hot);
      nonceBefore = evm.nextNonce(from).join();
      // the process "dies" after journaling the signed transfer and before sending it
      SignedTransaction signed = evm.build(TransactionRequest.transfer(from,
              AccountId.of(evm.chainId(), Anvil.DEV_ADDRESSES.get(5)), Amount.of(777, evm.nativeDenomination()))
          .withSigner(hot.descriptor())).thenCompose(u -> evm.sign(u, hot)).join();
      TransferJournal.open(journalFile).signed(signed);
      id = signed.id();
      assertEquals(nonceBefore, evm.nextNonce(from).join(), "nothing was sent yet");
    }
    // a new process: the same journal, no key at all
    try (EvmChainAdapter evm = EvmChainAdapter.connect(anvil.url())) {
      TransferDesk desk = new TransferDesk(ChainRegistry.create().register(evm), TransferJournal.open(journalFile), out);
      assertEquals(1, desk.resume());
      // resuming again finds nothing in flight: the outcome was journaled
      assertEquals(0, new TransferDesk(ChainRegistry.create().register(evm), TransferJournal.open(journalFile), out).resume());
      AccountId from = AccountId.of(evm.chainId(), Anvil.DEV_ADDRESSES.get(4));
      assertEquals(nonceBefore + 1, evm.nextNonce(from).join(), "exactly the journaled transfer landed");
    }
    String printed = buf.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("landed  " + id), printed);
    assertTrue(Files.readAllLines(journalFile).stream().anyMatch(l -> l.startsWith("landed ") && l.contains(id)));
  }
}
