package dev.cairn.hsm.pkcs11.internal;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.byref.NativeLongByReference;

/**
 * The PKCS#11 v2.40 functions the signer calls, bound by jnr-ffi to the symbols a module exports
 * (SoftHSM2, YubiHSM's yubihsm_pkcs11, OpenSC and the other common modules export every
 * {@code C_*} function besides {@code C_GetFunctionList}). Not API: public only because jnr-ffi
 * generates the implementation in its own class loader.
 *
 * <p>{@code CK_ULONG} (and so {@code CK_RV}, {@code CK_SLOT_ID}, {@code CK_SESSION_HANDLE},
 * {@code CK_OBJECT_HANDLE}) is C {@code unsigned long}: a Java {@code long} parameter, which
 * jnr-ffi maps to the platform's C {@code long}. Templates ({@code CK_ATTRIBUTE[]}) and mechanisms
 * are laid out in native memory by {@link Templates}.
 */
@IgnoreError
public interface Cryptoki {
  long C_Initialize(Pointer initArgs);

  long C_Finalize(Pointer reserved);

  long C_GetSlotList(byte tokenPresent, @Out long[] slots, NativeLongByReference count);

  /** CK_TOKEN_INFO: label is its first 32 bytes (blank-padded UTF-8). */
  long C_GetTokenInfo(long slot, @Out byte[] info);

  long C_OpenSession(long slot, long flags, Pointer application, Pointer notify, NativeLongByReference session);

  long C_CloseSession(long session);

  long C_CloseAllSessions(long slot);

  long C_Login(long session, long userType, @In byte[] pin, long pinLen);

  long C_Logout(long session);

  long C_FindObjectsInit(long session, Pointer template, long count);

  long C_FindObjects(long session, @Out long[] objects, long max, NativeLongByReference found);

  long C_FindObjectsFinal(long session);

  long C_GetAttributeValue(long session, long object, Pointer template, long count);

  long C_GenerateKeyPair(long session, Pointer mechanism, Pointer publicTemplate, long publicCount,
      Pointer privateTemplate, long privateCount, NativeLongByReference publicKey, NativeLongByReference privateKey);

  long C_SignInit(long session, Pointer mechanism, long key);

  long C_Sign(long session, @In byte[] data, long dataLen, @Out byte[] signature, NativeLongByReference signatureLen);

  long C_DestroyObject(long session, long object);
}
