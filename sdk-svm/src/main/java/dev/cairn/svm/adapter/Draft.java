package dev.cairn.svm.adapter;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.MessageBuilder;
import java.util.ArrayList;
import java.util.List;

/** What a request compiles to before the blockhash and compute budget are chosen. Immutable. */
final class Draft {
  final Pubkey feePayer;
  final List<Instruction> instructions;
  final List<Pubkey> otherSigners;
  final List<AddressLookupTable> tables;
  final Pubkey nonceAccount;
  final Pubkey nonceAuthority;
  final boolean userBudget;

  Draft(Pubkey feePayer, List<Instruction> instructions, List<Pubkey> otherSigners, List<AddressLookupTable> tables,
      Pubkey nonceAccount, Pubkey nonceAuthority) {
    this.feePayer = feePayer;
    this.instructions = instructions;
    this.otherSigners = otherSigners;
    this.tables = tables;
    this.nonceAccount = nonceAccount;
    this.nonceAuthority = nonceAuthority;
    boolean budget = false;
    for (Instruction i : instructions) {
      budget |= i.programId().equals(ComputeBudgetProgram.PROGRAM_ID);
    }
    this.userBudget = budget;
  }

  /** The message with the compute budget instructions (limit &lt; 0: none; price 0: none). */
  Message compile(Blockhash blockhash, long limit, long microLamports) {
    List<Instruction> all = new ArrayList<>(instructions.size() + 2);
    if (!userBudget) {
      if (limit >= 0) {
        all.add(ComputeBudgetProgram.setComputeUnitLimit(limit));
      }
      if (microLamports > 0) {
        all.add(ComputeBudgetProgram.setComputeUnitPrice(microLamports));
      }
    }
    all.addAll(instructions);
    MessageBuilder b = Message.builder().feePayer(feePayer).addAll(all);
    if (nonceAccount != null) {
      b.durableNonce(nonceAccount, nonceAuthority, blockhash);
    } else {
      b.recentBlockhash(blockhash);
    }
    if (tables != null) {
      b.lookupTables(tables);
      return b.buildV0();
    }
    return b.buildLegacy();
  }

  int signatureCount(Blockhash blockhash) {
    return compile(blockhash, -1, 0).numRequiredSignatures();
  }

  List<Pubkey> writable(Blockhash blockhash) {
    Message m = compile(blockhash, -1, 0);
    List<Pubkey> out = new ArrayList<>();
    List<Pubkey> keys = m.staticAccountKeys();
    for (int i = 0; i < keys.size(); i++) {
      if (m.isWritable(i)) {
        out.add(keys.get(i));
      }
    }
    return out;
  }
}
