package dev.cairn.hsm.ledger;

import dev.cairn.core.CairnException;
import dev.cairn.core.signer.SignerException;

/**
 * A Ledger exchange failed: the device answered with an error status word, the transport broke,
 * or a frame or response was malformed. {@link #kind()} classifies the failure so a program can act
 * on it (ask the user to unlock, open the right app, enable blind signing); {@link #statusWord()}
 * carries the raw status word when the device sent one; {@link #field()} names the part at fault.
 * {@link #toSignerException()} maps it onto sdk-core's signer error reasons (user rejected → {@code
 * REJECTED_BY_USER}, i.e. chain error kind SIGNER_REJECTED; locked, wrong app and transport failures →
 * {@code DEVICE_UNAVAILABLE}, i.e. SIGNER_UNAVAILABLE).
 */
public final class LedgerException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** Status word value when the failure did not come from a device status word. */
  public static final int NO_STATUS_WORD = -1;

  /** What went wrong. */
  public enum Kind {
    /** The user declined on the device (0x6985). */
    USER_REJECTED,
    /** The device refused the data (0x6A80 and related: 0x6A84, 0x6700 wrong length, 0x6B00 bad P1/P2). */
    INVALID_DATA,
    /** Blind signing / contract data is disabled in the app's settings (Ethereum: 0x6A80 on a contract call). */
    BLIND_SIGNING_DISABLED,
    /** The wrong app is open, or none (0x6D00 INS not supported, 0x6E00 CLA not supported, 0x6511 app closed, 0x6E01). */
    WRONG_APP,
    /** The device is locked (0x5515, 0x6982 security status). */
    DEVICE_LOCKED,
    /** Any other error status word; see {@link #statusWord()}. */
    DEVICE_ERROR,
    /** A HID frame or APDU response was malformed (bad channel, tag, sequence, length). */
    MALFORMED_FRAME,
    /** The transport failed: closed, disconnected, timed out, short read, I/O error. */
    TRANSPORT,
    /** The transport is not available here (hidapi or jnr-ffi missing, emulator not running). */
    UNAVAILABLE,
    /** The caller's argument is invalid (path, payload, chunk) before anything was sent. */
    INVALID_ARGUMENT
  }

  private final Kind kind;
  private final int statusWord;
  private final String field;

  /**
   * @param kind the failure class
   * @param field the part at fault (e.g. {@code "sw"}, {@code "frame.sequence"}, {@code "path"})
   * @param problem what is wrong; never a secret
   */
  public LedgerException(Kind kind, String field, String problem) {
    this(kind, NO_STATUS_WORD, field, problem, null);
  }

  /** As {@link #LedgerException(Kind, String, String)} with a cause. */
  public LedgerException(Kind kind, String field, String problem, Throwable cause) {
    this(kind, NO_STATUS_WORD, field, problem, cause);
  }

  private LedgerException(Kind kind, int statusWord, String field, String problem, Throwable cause) {
    super(field + ": " + problem + " (" + kind + (statusWord < 0 ? "" : ", sw=" + StatusWords.hex(statusWord)) + ")", cause);
    this.kind = kind;
    this.statusWord = statusWord;
    this.field = field;
  }

  /** The error for a device status word, classified by {@link StatusWords#classify(int)}. */
  public static LedgerException ofStatus(int statusWord) {
    return ofStatus(statusWord, StatusWords.classify(statusWord));
  }

  /** The error for a device status word with an explicit kind (an app refining the classification). */
  public static LedgerException ofStatus(int statusWord, Kind kind) {
    return new LedgerException(kind, statusWord, "sw", StatusWords.describe(statusWord), null);
  }

  /** The failure class. */
  public Kind kind() {
    return kind;
  }

  /** The device's status word, or {@link #NO_STATUS_WORD}. */
  public int statusWord() {
    return statusWord;
  }

  /** The part at fault. */
  public String field() {
    return field;
  }

  /** This failure as a {@link SignerException} with the matching reason (this exception as cause). */
  public SignerException toSignerException() {
    SignerException.Reason r;
    switch (kind) {
      case USER_REJECTED:
        r = SignerException.Reason.REJECTED_BY_USER;
        break;
      case WRONG_APP:
      case DEVICE_LOCKED:
      case TRANSPORT:
      case UNAVAILABLE:
        r = SignerException.Reason.DEVICE_UNAVAILABLE;
        break;
      case INVALID_ARGUMENT:
        r = SignerException.Reason.INVALID_REQUEST;
        break;
      case BLIND_SIGNING_DISABLED:
        r = SignerException.Reason.UNSUPPORTED_REQUEST;
        break;
      default:
        r = SignerException.Reason.FAILED;
    }
    return new SignerException(r, "ledger." + field, getMessage(), this);
  }
}
