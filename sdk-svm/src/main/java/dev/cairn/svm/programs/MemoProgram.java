package dev.cairn.svm.programs;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SPL Memo program (v2): records UTF-8 text in the transaction; every listed account must
 * sign.
 *
 * <pre>{@code
 * Instruction memo = MemoProgram.memo("invoice 42", List.of(payer));
 * }</pre>
 */
public final class MemoProgram {
  /** The Memo program (v2) id. */
  public static final Pubkey PROGRAM_ID = Pubkey.fromBase58("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr");

  private MemoProgram() {}

  /** A memo signed by {@code signers} (may be empty). */
  public static Instruction memo(String text, List<Pubkey> signers) {
    if (text == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "memo: is null");
    }
    if (signers == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "signers: is null");
    }
    List<AccountMeta> accounts = new ArrayList<>(signers.size());
    for (int i = 0; i < signers.size(); i++) {
      accounts.add(AccountMeta.readonlySigner(Programs.key("signers[" + i + "]", signers.get(i))));
    }
    return Instruction.of(PROGRAM_ID, accounts, text.getBytes(StandardCharsets.UTF_8));
  }
}
