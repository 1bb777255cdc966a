package dev.cairn.core.chain;

import java.util.Objects;

/**
 * An asset's identifier on its chain and how many decimals separate its base unit from its display
 * unit: {@code ETH}/18 (base unit wei), {@code SOL}/9 (lamports), {@code uatom}/6 (the Cosmos base
 * denom; displayed as ATOM). For Cosmos the code is the bank denom ({@code uatom}, {@code
 * ibc/...}, {@code factory/...}) because that is what transactions carry.
 *
 * <p>Immutable. The code is 1 to 128 printable ASCII characters without spaces; decimals are 0 to
 * 77 (enough for any uint256 amount).
 */
public final class Denomination {
  /** Ether: base unit wei, 18 decimals. */
  public static final Denomination ETH = of("ETH", 18);
  /** Solana: base unit lamport, 9 decimals. */
  public static final Denomination SOL = of("SOL", 9);
  /** Cosmos Hub: bank denom {@code uatom}, 6 decimals to ATOM. */
  public static final Denomination ATOM = of("uatom", 6);

  private final String code;
  private final int decimals;

  private Denomination(String code, int decimals) {
    this.code = code;
    this.decimals = decimals;
  }

  /**
   * A denomination.
   *
   * @throws ChainException (INVALID_INPUT, without chain id) naming {@code denomination.code} or
   *     {@code denomination.decimals}
   */
  public static Denomination of(String code, int decimals) {
    if (code == null || code.isEmpty() || code.length() > 128) {
      throw Checks.invalid("denomination.code: must have 1 to 128 characters");
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw Checks.invalid("denomination.code: character at offset " + i + " is not printable ASCII");
      }
    }
    if (decimals < 0 || decimals > 77) {
      throw Checks.invalid("denomination.decimals: " + decimals + " is outside 0..77");
    }
    return new Denomination(code, decimals);
  }

  /** The asset's identifier, e.g. {@code "ETH"} or {@code "uatom"}. */
  public String code() {
    return code;
  }

  /** Decimals between the base unit and the display unit. */
  public int decimals() {
    return decimals;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Denomination)) {
      return false;
    }
    Denomination d = (Denomination) o;
    return decimals == d.decimals && code.equals(d.code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, decimals);
  }

  @Override
  public String toString() {
    return code + "/" + decimals;
  }
}
