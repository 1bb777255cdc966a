package dev.cairn.hsm.pkcs11.internal;

/** PKCS#11 v2.40/3.0 constants used by the signer, and the names of return values. */
public final class Ck {
  private Ck() {}

  public static final long CKF_RW_SESSION = 0x2;
  public static final long CKF_SERIAL_SESSION = 0x4;
  public static final long CKF_OS_LOCKING_OK = 0x2;
  public static final long CKU_USER = 1;

  public static final long CKO_PUBLIC_KEY = 2;
  public static final long CKO_PRIVATE_KEY = 3;
  public static final long CKK_EC = 3;
  public static final long CKK_EC_EDWARDS = 0x40;

  public static final long CKA_CLASS = 0x0;
  public static final long CKA_TOKEN = 0x1;
  public static final long CKA_PRIVATE = 0x2;
  public static final long CKA_LABEL = 0x3;
  public static final long CKA_VALUE = 0x11;
  public static final long CKA_KEY_TYPE = 0x100;
  public static final long CKA_ID = 0x102;
  public static final long CKA_SENSITIVE = 0x103;
  public static final long CKA_SIGN = 0x108;
  public static final long CKA_VERIFY = 0x10A;
  public static final long CKA_EXTRACTABLE = 0x162;
  public static final long CKA_EC_PARAMS = 0x180;
  public static final long CKA_EC_POINT = 0x181;

  public static final long CKM_EC_KEY_PAIR_GEN = 0x1040;
  public static final long CKM_ECDSA = 0x1041;
  public static final long CKM_EC_EDWARDS_KEY_PAIR_GEN = 0x1055;
  public static final long CKM_EDDSA = 0x1057;

  /** CK_UNAVAILABLE_INFORMATION: an attribute length for a sensitive or unknown attribute. */
  public static final long UNAVAILABLE_INFORMATION = -1L;

  public static final long CKR_OK = 0x0;
  public static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
  public static final long CKR_USER_NOT_LOGGED_IN = 0x101;
  public static final long CKR_SESSION_HANDLE_INVALID = 0xB3;
  public static final long CKR_SESSION_CLOSED = 0xB0;
  public static final long CKR_DEVICE_REMOVED = 0x32;
  public static final long CKR_TOKEN_NOT_PRESENT = 0xE0;
  public static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
  public static final long CKR_ATTRIBUTE_SENSITIVE = 0x11;
  public static final long CKR_BUFFER_TOO_SMALL = 0x150;

  /** Whether {@code rv} means the session or login was lost (token reset, removal, closed session). */
  public static boolean sessionLost(long rv) {
    return rv == CKR_USER_NOT_LOGGED_IN || rv == CKR_SESSION_HANDLE_INVALID || rv == CKR_SESSION_CLOSED
        || rv == CKR_DEVICE_REMOVED || rv == CKR_TOKEN_NOT_PRESENT;
  }

  /** Whether {@code rv} says the request itself was bad rather than the device. */
  public static boolean badInput(long rv) {
    return rv == 0x21 /* DATA_LEN_RANGE */ || rv == 0x20 /* DATA_INVALID */ || rv == 0x7 /* ARGUMENTS_BAD */;
  }

  /** The CKR_ name of a return value, or its hex value for one not listed. */
  public static String rvName(long rv) {
    switch ((int) rv) {
      case 0x0: return "CKR_OK";
      case 0x1: return "CKR_CANCEL";
      case 0x2: return "CKR_HOST_MEMORY";
      case 0x3: return "CKR_SLOT_ID_INVALID";
      case 0x5: return "CKR_GENERAL_ERROR";
      case 0x6: return "CKR_FUNCTION_FAILED";
      case 0x7: return "CKR_ARGUMENTS_BAD";
      case 0x10: return "CKR_ATTRIBUTE_READ_ONLY";
      case 0x11: return "CKR_ATTRIBUTE_SENSITIVE";
      case 0x12: return "CKR_ATTRIBUTE_TYPE_INVALID";
      case 0x13: return "CKR_ATTRIBUTE_VALUE_INVALID";
      case 0x20: return "CKR_DATA_INVALID";
      case 0x21: return "CKR_DATA_LEN_RANGE";
      case 0x30: return "CKR_DEVICE_ERROR";
      case 0x31: return "CKR_DEVICE_MEMORY";
      case 0x32: return "CKR_DEVICE_REMOVED";
      case 0x50: return "CKR_FUNCTION_CANCELED";
      case 0x54: return "CKR_FUNCTION_NOT_SUPPORTED";
      case 0x60: return "CKR_KEY_HANDLE_INVALID";
      case 0x62: return "CKR_KEY_SIZE_RANGE";
      case 0x63: return "CKR_KEY_TYPE_INCONSISTENT";
      case 0x68: return "CKR_KEY_FUNCTION_NOT_PERMITTED";
      case 0x70: return "CKR_MECHANISM_INVALID";
      case 0x71: return "CKR_MECHANISM_PARAM_INVALID";
      case 0x82: return "CKR_OBJECT_HANDLE_INVALID";
      case 0x90: return "CKR_OPERATION_ACTIVE";
      case 0x91: return "CKR_OPERATION_NOT_INITIALIZED";
      case 0xA0: return "CKR_PIN_INCORRECT";
      case 0xA1: return "CKR_PIN_INVALID";
      case 0xA2: return "CKR_PIN_LEN_RANGE";
      case 0xA3: return "CKR_PIN_EXPIRED";
      case 0xA4: return "CKR_PIN_LOCKED";
      case 0xB0: return "CKR_SESSION_CLOSED";
      case 0xB1: return "CKR_SESSION_COUNT";
      case 0xB3: return "CKR_SESSION_HANDLE_INVALID";
      case 0xB5: return "CKR_SESSION_READ_ONLY";
      case 0xC0: return "CKR_SIGNATURE_INVALID";
      case 0xD0: return "CKR_TEMPLATE_INCOMPLETE";
      case 0xD1: return "CKR_TEMPLATE_INCONSISTENT";
      case 0xE0: return "CKR_TOKEN_NOT_PRESENT";
      case 0xE1: return "CKR_TOKEN_NOT_RECOGNIZED";
      case 0xE2: return "CKR_TOKEN_WRITE_PROTECTED";
      case 0x100: return "CKR_USER_ALREADY_LOGGED_IN";
      case 0x101: return "CKR_USER_NOT_LOGGED_IN";
      case 0x102: return "CKR_USER_PIN_NOT_INITIALIZED";
      case 0x103: return "CKR_USER_TYPE_INVALID";
      case 0x130: return "CKR_DOMAIN_PARAMS_INVALID";
      case 0x140: return "CKR_CURVE_NOT_SUPPORTED";
      case 0x150: return "CKR_BUFFER_TOO_SMALL";
      case 0x190: return "CKR_CRYPTOKI_NOT_INITIALIZED";
      case 0x191: return "CKR_CRYPTOKI_ALREADY_INITIALIZED";
      default: return "CKR_0x" + Long.toHexString(rv).toUpperCase(java.util.Locale.ROOT);
    }
  }
}
