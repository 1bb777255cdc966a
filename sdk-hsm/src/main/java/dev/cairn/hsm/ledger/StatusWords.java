package dev.cairn.hsm.ledger;

/** Ledger status words (ISO 7816 plus Ledger's own) and their classification into {@link LedgerException.Kind}s. */
public final class StatusWords {
  /** Success. */
  public static final int OK = 0x9000;
  /** The user rejected the request on the device. */
  public static final int USER_REJECTED = 0x6985;
  /** Invalid data (also the Ethereum app's answer to a contract call with blind signing disabled). */
  public static final int INVALID_DATA = 0x6A80;
  /** Referenced data not found / not enough memory. */
  public static final int NOT_ENOUGH_MEMORY = 0x6A84;
  /** Wrong length. */
  public static final int WRONG_LENGTH = 0x6700;
  /** Wrong P1/P2. */
  public static final int WRONG_P1_P2 = 0x6B00;
  /** Instruction not supported: wrong app open. */
  public static final int INS_NOT_SUPPORTED = 0x6D00;
  /** Class not supported: wrong app open. */
  public static final int CLA_NOT_SUPPORTED = 0x6E00;
  /** Class not supported, as some apps report it. */
  public static final int CLA_NOT_SUPPORTED_ALT = 0x6E01;
  /** The app is closed (dashboard shown). */
  public static final int APP_CLOSED = 0x6511;
  /** The device is locked. */
  public static final int LOCKED = 0x5515;
  /** Security status not satisfied (locked / PIN not validated). */
  public static final int SECURITY_STATUS = 0x6982;
  /** Conditions of use not satisfied: Zondax apps (Cosmos) answer it when the user declines, so it classifies as rejected. */
  public static final int CONDITIONS_NOT_SATISFIED = 0x6986;
  /** Technical problem / internal error. */
  public static final int TECHNICAL_PROBLEM = 0x6F00;

  private StatusWords() {}

  /** Whether {@code sw} is the success word 0x9000. */
  public static boolean isOk(int sw) {
    return sw == OK;
  }

  /** The generic classification of an error status word (apps may refine it, e.g. blind signing). */
  public static LedgerException.Kind classify(int sw) {
    switch (sw) {
      case USER_REJECTED:
      case CONDITIONS_NOT_SATISFIED:
        return LedgerException.Kind.USER_REJECTED;
      case INVALID_DATA:
      case NOT_ENOUGH_MEMORY:
      case WRONG_LENGTH:
      case WRONG_P1_P2:
        return LedgerException.Kind.INVALID_DATA;
      case INS_NOT_SUPPORTED:
      case CLA_NOT_SUPPORTED:
      case CLA_NOT_SUPPORTED_ALT:
      case APP_CLOSED:
        return LedgerException.Kind.WRONG_APP;
      case LOCKED:
      case SECURITY_STATUS:
        return LedgerException.Kind.DEVICE_LOCKED;
      default:
        return LedgerException.Kind.DEVICE_ERROR;
    }
  }

  /** A short description of a status word; unknown words are described by number. */
  public static String describe(int sw) {
    switch (sw) {
      case OK:
        return "ok";
      case USER_REJECTED:
        return "the user rejected the request on the device";
      case INVALID_DATA:
        return "the device reported invalid data";
      case NOT_ENOUGH_MEMORY:
        return "not enough memory / referenced data not found";
      case WRONG_LENGTH:
        return "wrong length";
      case WRONG_P1_P2:
        return "wrong P1/P2";
      case INS_NOT_SUPPORTED:
        return "instruction not supported (is the right app open?)";
      case CLA_NOT_SUPPORTED:
      case CLA_NOT_SUPPORTED_ALT:
        return "class not supported (is the right app open?)";
      case APP_CLOSED:
        return "the app is not open";
      case LOCKED:
        return "the device is locked";
      case SECURITY_STATUS:
        return "security status not satisfied (device locked?)";
      case CONDITIONS_NOT_SATISFIED:
        return "conditions of use not satisfied";
      case TECHNICAL_PROBLEM:
        return "technical problem";
      default:
        return "status word " + hex(sw);
    }
  }

  /** {@code 0x6985}-style text. */
  public static String hex(int sw) {
    String h = Integer.toHexString(sw & 0xFFFF).toUpperCase(java.util.Locale.ROOT);
    return "0x" + "0000".substring(h.length()) + h;
  }
}
