package dev.cairn.nativeimpl.secp256k1.internal;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.uintptr_t;

/**
 * The libsecp256k1 functions that {@code LibSecp256k1Backend} calls, bound by jnr-ffi. Not API:
 * public only because jnr-ffi generates the implementation in its own class loader, which cannot
 * implement a package-private interface. Each method is the C function of the same name (see
 * {@code secp256k1.h} and {@code secp256k1_recovery.h}); all return 1 on success and 0 on failure
 * unless noted.
 *
 * <p>Pointers to contexts and to the nonce function are passed as address-sized integers
 * ({@code @uintptr_t long}), which is what the C ABI does with them anyway and saves jnr-ffi a
 * {@code Pointer} conversion per call. The opaque structs ({@code secp256k1_pubkey} 64 bytes,
 * {@code secp256k1_ecdsa_signature} 64 bytes, {@code secp256k1_ecdsa_recoverable_signature} 65
 * bytes) live in Java {@code byte[]} scratch buffers; {@code @In}/{@code @Out} tell jnr-ffi which
 * way to copy them so that it copies only once per call. Every array passed must be at least as
 * long as the C side reads or writes: the backend checks that before calling.
 *
 * <p>{@code size_t *outputlen} of {@code secp256k1_ec_pubkey_serialize} is passed as a byte array
 * holding the native-endian, address-sized length (see {@code LibSecp256k1Backend}).
 */
@IgnoreError
public interface LibSecp256k1 {

  /** {@code SECP256K1_CONTEXT_VERIFY}: type bit 0 plus verify bit 8. */
  int CONTEXT_VERIFY = (1 << 0) | (1 << 8);
  /** {@code SECP256K1_CONTEXT_SIGN}: type bit 0 plus sign bit 9. */
  int CONTEXT_SIGN = (1 << 0) | (1 << 9);
  /** {@code SECP256K1_EC_COMPRESSED}: compression type bit 1 plus bit 8. */
  int EC_COMPRESSED = (1 << 1) | (1 << 8);
  /** {@code SECP256K1_EC_UNCOMPRESSED}: compression type bit 1 only. */
  int EC_UNCOMPRESSED = (1 << 1);

  /** Signature of the illegal-argument callback: {@code void (*)(const char *msg, void *data)}. */
  interface IllegalArgumentCallback {
    /** Called by the library on API misuse; the called function then returns 0. */
    @Delegate
    void call(Pointer message, Pointer data);
  }

  /** Creates a context; returns its address, or 0. */
  @uintptr_t
  long secp256k1_context_create(int flags);

  /** Blinds the context with a 32-byte seed. */
  int secp256k1_context_randomize(@uintptr_t long ctx, @In byte[] seed32);

  /** Replaces the abort-on-misuse handler of the context. */
  void secp256k1_context_set_illegal_callback(
      @uintptr_t long ctx, IllegalArgumentCallback fun, Pointer data);

  /** Public key (opaque, 64 bytes) of a secret key; 0 if the key is not in [1, n-1]. */
  int secp256k1_ec_pubkey_create(@uintptr_t long ctx, @Out byte[] pubkey64, @In byte[] seckey32);

  /** Parses a SEC1 key into the opaque form; 0 if it is not a valid point. */
  int secp256k1_ec_pubkey_parse(
      @uintptr_t long ctx, @Out byte[] pubkey64, @In byte[] input, @uintptr_t long inputlen);

  /** Serializes an opaque key as 33 or 65 bytes (always returns 1). */
  int secp256k1_ec_pubkey_serialize(
      @uintptr_t long ctx,
      @Out byte[] output,
      @In byte[] outputlen,
      @In byte[] pubkey64,
      int flags);

  /** Adds tweak·G to the key in place; 0 if the tweak is &gt;= n or the result is infinity. */
  int secp256k1_ec_pubkey_tweak_add(
      @uintptr_t long ctx, @In @Out byte[] pubkey64, @In byte[] tweak32);

  /** Parses r||s; 0 if r or s is &gt;= n. */
  int secp256k1_ecdsa_signature_parse_compact(
      @uintptr_t long ctx, @Out byte[] sig64, @In byte[] input64);

  /** Copies the signature with s made low; returns 1 if s was high. */
  int secp256k1_ecdsa_signature_normalize(
      @uintptr_t long ctx, @Out byte[] sigout64, @In byte[] sigin64);

  /** Verifies a low-s signature; 1 if valid. */
  int secp256k1_ecdsa_verify(
      @uintptr_t long ctx, @In byte[] sig64, @In byte[] msghash32, @In byte[] pubkey64);

  /** Signs with the given nonce function (0 = RFC 6979 default) and extra data (0 = none). */
  int secp256k1_ecdsa_sign_recoverable(
      @uintptr_t long ctx,
      @Out byte[] sig65,
      @In byte[] msghash32,
      @In byte[] seckey32,
      @uintptr_t long noncefp,
      @uintptr_t long ndata);

  /** Writes r||s (64 bytes) and the recovery id (always returns 1). */
  /** Recovers the public key; 0 if none fits. */
  int secp256k1_ecdsa_recoverable_signature_serialize_compact(
      @uintptr_t long ctx, @Out byte[] output64, @Out int[] recid, @In byte[] sig65);

  /** Parses r||s with a recovery id (0..3; anything else is an illegal argument). */
  int secp256k1_ecdsa_recoverable_signature_parse_compact(
      @uintptr_t long ctx, @Out byte[] sig65, @In byte[] input64, int recid);

  int secp256k1_ecdsa_recover(
      @uintptr_t long ctx, @Out byte[] pubkey64, @In byte[] sig65, @In byte[] msghash32);
}
