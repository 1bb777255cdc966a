package dev.cairn.svm.rpc;

import dev.cairn.svm.Pubkey;
import java.util.Objects;

/** Which token accounts {@code getTokenAccountsByOwner} returns: those of one mint, or of one token program. Immutable. */
public final class TokenAccountsFilter {
  private final Pubkey mint;
  private final Pubkey programId;

  private TokenAccountsFilter(Pubkey mint, Pubkey programId) {
    this.mint = mint;
    this.programId = programId;
  }

  /** The owner's accounts of {@code mint}. */
  public static TokenAccountsFilter mint(Pubkey mint) {
    return new TokenAccountsFilter(Objects.requireNonNull(mint, "mint"), null);
  }

  /** The owner's accounts of the token program {@code programId} (Token or Token-2022). */
  public static TokenAccountsFilter programId(Pubkey programId) {
    return new TokenAccountsFilter(null, Objects.requireNonNull(programId, "programId"));
  }

  /** Whether this filters by mint. */
  public boolean isMint() {
    return mint != null;
  }

  /** The mint or the program id. */
  public Pubkey key() {
    return mint != null ? mint : programId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenAccountsFilter && Objects.equals(((TokenAccountsFilter) o).mint, mint)
        && Objects.equals(((TokenAccountsFilter) o).programId, programId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mint, programId);
  }

  @Override
  public String toString() {
    return (mint != null ? "mint " : "programId ") + key().toBase58();
  }
}
