package dev.cairn.hsm.ledger.eth.internal;

import dev.cairn.hsm.ledger.LedgerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounds-checked, lenient reader of a transaction's top-level RLP list, as the Ethereum app and
 * ethers read it: non-canonical long-form lengths (ledgerjs's own test vectors use them) are
 * accepted; truncation and trailing bytes are not.
 */
public final class TxRlp {
  /** One top-level item. */
  public static final class Item {
    public final boolean list;
    public final int offset;
    public final int payloadOffset;
    public final int payloadLength;
    public final int encodedLength;

    Item(boolean list, int offset, int payloadOffset, int payloadLength) {
      this.list = list;
      this.offset = offset;
      this.payloadOffset = payloadOffset;
      this.payloadLength = payloadLength;
      this.encodedLength = payloadOffset - offset + payloadLength;
    }
  }

  private TxRlp() {}

  /**
   * The items of the list starting at {@code start} that must end exactly at the end of {@code data}.
   *
   * @throws LedgerException (INVALID_ARGUMENT, field "rawTx") naming the offset on malformed input
   */
  public static List<Item> items(byte[] data, int start) {
    Item outer = item(data, start, data.length);
    if (!outer.list) {
      throw bad(start, "is not an RLP list");
    }
    if (outer.payloadOffset + outer.payloadLength != data.length) {
      throw bad(start, "the list does not end at the end of the transaction");
    }
    List<Item> out = new ArrayList<>();
    int p = outer.payloadOffset;
    int end = outer.payloadOffset + outer.payloadLength;
    while (p < end) {
      Item i = item(data, p, end);
      out.add(i);
      p = i.payloadOffset + i.payloadLength;
    }
    return out;
  }

  /** The payload bytes of a string item. */
  public static byte[] bytes(byte[] data, Item i) {
    return Arrays.copyOfRange(data, i.payloadOffset, i.payloadOffset + i.payloadLength);
  }

  private static Item item(byte[] d, int p, int limit) {
    if (p >= limit) {
      throw bad(p, "is truncated");
    }
    int h = d[p] & 0xFF;
    if (h < 0x80) {
      return new Item(false, p, p, 1);
    }
    boolean list = h >= 0xC0;
    int base = list ? 0xC0 : 0x80;
    int len;
    int po;
    if (h - base <= 55) {
      len = h - base;
      po = p + 1;
    } else {
      int n = h - base - 55;
      if (n > 4 || p + 1 + n > limit) {
        throw bad(p, "has a length of length " + n + " that does not fit");
      }
      long l = 0;
      for (int i = 0; i < n; i++) {
        l = (l << 8) | (d[p + 1 + i] & 0xFF);
      }
      if (l > Integer.MAX_VALUE) {
        throw bad(p, "has a length beyond the input");
      }
      len = (int) l;
      po = p + 1 + n;
    }
    if ((long) po + len > limit) {
      throw bad(p, "has a length beyond the input");
    }
    return new Item(list, p, po, len);
  }

  private static LedgerException bad(int offset, String problem) {
    return new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "rawTx", "rlp at offset " + offset + " " + problem);
  }
}
