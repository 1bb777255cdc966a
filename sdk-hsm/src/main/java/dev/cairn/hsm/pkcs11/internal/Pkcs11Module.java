package dev.cairn.hsm.pkcs11.internal;

import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.internal.NativeImage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.NativeLongByReference;

/**
 * One PKCS#11 module (shared library) loaded and initialised once per JVM. {@code C_Initialize} is
 * called with {@code CKF_OS_LOCKING_OK}, so the module may be used from many threads; it is never
 * finalised (other signers of the same process may use it).
 */
public final class Pkcs11Module {
  private static final Map<String, Pkcs11Module> LOADED = new HashMap<>();

  private final String path;
  private final Cryptoki ck;
  private final Runtime runtime;

  private Pkcs11Module(String path, Cryptoki ck) {
    this.path = path;
    this.ck = ck;
    this.runtime = Runtime.getRuntime(ck);
  }

  /**
   * The module at {@code path}, loaded and initialised.
   *
   * @throws SignerException DEVICE_UNAVAILABLE when jnr-ffi is absent, in a GraalVM native image,
   *     when the library does not load
   *     or C_Initialize fails (with the CKR_ name)
   */
  public static synchronized Pkcs11Module load(String path) {
    if (NativeImage.active()) {
      throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "module",
          NativeImage.reason("the PKCS#11 module " + path));
    }
    Pkcs11Module m = LOADED.get(path);
    if (m != null) {
      return m;
    }
    Cryptoki ck;
    try {
      ck = LibraryLoader.create(Cryptoki.class).failImmediately().load(path);
    } catch (LinkageError | RuntimeException e) {
      throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "module",
          "cannot load the PKCS#11 module " + path + ": " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
    m = new Pkcs11Module(path, ck);
    Runtime rt = m.runtime;
    // CK_C_INITIALIZE_ARGS: four mutex callbacks (NULL), CK_FLAGS flags, void *pReserved
    int a = rt.addressSize();
    int flagsOffset = 4 * a;
    int size = flagsOffset + Math.max(rt.longSize(), a) + a;
    Pointer args = Memory.allocateDirect(rt, size, true);
    args.putNativeLong(flagsOffset, Ck.CKF_OS_LOCKING_OK);
    long rv = ck.C_Initialize(args);
    if (rv != Ck.CKR_OK && rv != Ck.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw failure(SignerException.Reason.DEVICE_UNAVAILABLE, "module", "C_Initialize", rv);
    }
    LOADED.put(path, m);
    return m;
  }

  /** The bound functions. */
  public Cryptoki ck() {
    return ck;
  }

  /** The jnr-ffi runtime (sizes of long and pointers). */
  public Runtime runtime() {
    return runtime;
  }

  /** The library path it was loaded from. */
  public String path() {
    return path;
  }

  /**
   * The slot holding the token labelled {@code label}.
   *
   * @throws SignerException DEVICE_UNAVAILABLE when no present token has that label
   */
  public long slotOfToken(String label) {
    NativeLongByReference n = new NativeLongByReference(0L);
    check(ck.C_GetSlotList((byte) 1, null, n), "C_GetSlotList", "token");
    long[] slots = new long[(int) Math.min(n.longValue(), 1024)];
    n = new NativeLongByReference((long) slots.length);
    check(ck.C_GetSlotList((byte) 1, slots, n), "C_GetSlotList", "token");
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < (int) Math.min(n.longValue(), slots.length); i++) {
      byte[] info = new byte[512]; // CK_TOKEN_INFO is about 208 bytes on LP64
      if (ck.C_GetTokenInfo(slots[i], info) != Ck.CKR_OK) {
        continue;
      }
      String l = new String(info, 0, 32, StandardCharsets.UTF_8).trim();
      if (l.equals(label)) {
        return slots[i];
      }
      seen.append(seen.length() == 0 ? "" : ", ").append('"').append(l).append('"');
    }
    throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "token",
        "no token labelled \"" + label + "\" in " + path + " (present: " + (seen.length() == 0 ? "none" : seen) + ")");
  }

  /** Throws DEVICE_UNAVAILABLE naming {@code function} and the CKR_ name unless {@code rv} is CKR_OK. */
  public static void check(long rv, String function, String field) {
    if (rv != Ck.CKR_OK) {
      throw failure(Ck.badInput(rv) ? SignerException.Reason.INVALID_REQUEST : SignerException.Reason.DEVICE_UNAVAILABLE,
          field, function, rv);
    }
  }

  /** A SignerException naming the function and the return value's CKR_ name. */
  public static SignerException failure(SignerException.Reason reason, String field, String function, long rv) {
    return new SignerException(reason, field, function + " returned " + Ck.rvName(rv));
  }
}
