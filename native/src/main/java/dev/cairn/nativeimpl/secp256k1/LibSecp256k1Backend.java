package dev.cairn.nativeimpl.secp256k1;

import dev.cairn.core.crypto.spi.Secp256k1Backend;
import dev.cairn.core.encoding.Hex;
import dev.cairn.nativeimpl.secp256k1.internal.LibSecp256k1;
import dev.cairn.nativeimpl.secp256k1.internal.NativeImage;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.LibraryLoader;

/**
 * secp256k1 backend over the system's libsecp256k1 (bitcoin-core), bound at run time with jnr-ffi.
 * Registered for {@link java.util.ServiceLoader} under the name {@code "libsecp256k1"} with
 * priority 100, so it is chosen over the pure-Java backend whenever the library can be loaded.
 *
 * <h2>Finding the library</h2>
 *
 * If the system property {@value #LIBRARY_PROPERTY} is set, that file (or library name) and nothing
 * else is loaded. Otherwise the versioned sonames are tried first ({@code libsecp256k1.so.2},
 * {@code .so.1}, {@code .so.0}, which is all a runtime-only package such as Debian's
 * {@code libsecp256k1-1} installs), then the unversioned name, then the macOS {@code .dylib}
 * names; the dynamic linker's usual search applies to each, plus a few fixed directories
 * ({@code /usr/lib/<multiarch triplet>}, {@code /usr/local/lib}, {@code /opt/homebrew/lib}). A
 * candidate counts only if it has the recovery module and passes a known-answer self-test.
 *
 * <p>If nothing loads, {@link #isAvailable()} is {@code false} and {@link #unavailableReason()}
 * says what was tried; neither class loading nor construction throws.
 *
 * <p>In a GraalVM native image (the system property {@code org.graalvm.nativeimage.imagecode} is
 * set) nothing is loaded: jnr-ffi generates code at run time, which an image cannot run, so the
 * backend is unavailable with a reason that says so and sdk-core selects the pure-Java backend.
 *
 * <h2>Context</h2>
 *
 * Each loaded library gets one {@code secp256k1_context} (flags SIGN|VERIFY), randomized once with
 * 32 bytes from {@link SecureRandom} as a side-channel blinding measure. Afterwards the context is
 * only read, which libsecp256k1 documents as safe from many threads at once. The context is never
 * destroyed: it lives as long as the JVM (a few hundred kilobytes at most). The backend made by
 * {@link java.util.ServiceLoader} shares one context per JVM; each {@link #forLibrary(String)}
 * instance makes its own, so create those sparingly.
 *
 * <p>libsecp256k1 aborts the process on API misuse by default. This backend validates arguments
 * before calling and also installs an illegal-argument callback that returns instead, so a misuse
 * that slipped through makes the call fail (null/false) rather than kill the JVM.
 *
 * <p>Results are byte-identical to the pure-Java backend: signing passes a NULL nonce function,
 * which is libsecp256k1's RFC 6979 (HMAC-SHA256, no extra data), and the library always emits low
 * s. Verification normalises a copy of the signature first, so high s is accepted as the SPI asks.
 */
public final class LibSecp256k1Backend implements Secp256k1Backend {

  /** System property naming the library file (or name) to load instead of searching. */
  public static final String LIBRARY_PROPERTY = "cairn.secp256k1.library";

  /** The name this backend registers under. */
  public static final String NAME = "libsecp256k1";

  /** The priority this backend registers with (the pure-Java backend has 0). */
  public static final int PRIORITY = 100;

  private final Binding binding;

  /**
   * The service-loader constructor: uses the JVM-wide binding, loaded on first use from
   * {@value #LIBRARY_PROPERTY} or the default search. Never throws.
   */
  public LibSecp256k1Backend() {
    this.binding = DefaultBinding.INSTANCE;
  }

  private LibSecp256k1Backend(Binding binding) {
    this.binding = binding;
  }

  /**
   * A backend over one specific library file or name (e.g. {@code /opt/lib/libsecp256k1.so.2}),
   * without any search or fallback. Never throws: if the library cannot be loaded the backend is
   * unavailable and {@link #unavailableReason()} says why. Each call that succeeds creates a
   * context that is never freed.
   *
   * @param library an absolute path or a library name for the dynamic linker
   * @return the backend, available or not
   */
  public static LibSecp256k1Backend forLibrary(String library) {
    if (library == null || library.isEmpty()) {
      return new LibSecp256k1Backend(Binding.failed("library: empty name"));
    }
    return new LibSecp256k1Backend(Binding.load(List.of(library)));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public boolean isAvailable() {
    return binding.lib != null;
  }

  @Override
  public String unavailableReason() {
    return binding.reason;
  }

  /**
   * Which library was loaded (the name or path given to the dynamic linker), or {@code null} if
   * none was.
   *
   * @return the loaded library's name or path
   */
  public String loadedLibrary() {
    return binding.loadedFrom;
  }

  /**
   * How many times libsecp256k1 reported an illegal argument to this backend's context since it
   * was created. Always 0 unless there is a bug; exposed for diagnostics and tests.
   *
   * @return the number of illegal-argument callbacks
   */
  public long illegalArgumentCount() {
    return binding.illegalCalls.get();
  }

  @Override
  public byte[] publicKey(byte[] privateKey, boolean compressed) {
    Binding b = ready();
    requireLength(privateKey, 32, "privateKey");
    Scratch s = b.scratch.get();
    if (b.lib.secp256k1_ec_pubkey_create(b.ctx, s.pubkey, privateKey) != 1) {
      throw new IllegalArgumentException("privateKey: not in [1, n-1]");
    }
    return serialize(b, s, compressed);
  }

  @Override
  public byte[] signRecoverable(byte[] digest, byte[] privateKey) {
    Binding b = ready();
    requireLength(digest, 32, "digest");
    requireLength(privateKey, 32, "privateKey");
    Scratch s = b.scratch.get();
    if (b.lib.secp256k1_ecdsa_sign_recoverable(b.ctx, s.recSig, digest, privateKey, 0L, 0L) != 1) {
      throw new IllegalArgumentException("privateKey: not in [1, n-1]");
    }
    byte[] out = new byte[65];
    b.lib.secp256k1_ecdsa_recoverable_signature_serialize_compact(b.ctx, out, s.recid, s.recSig);
    out[64] = (byte) s.recid[0];
    return out;
  }

  @Override
  public boolean verify(byte[] digest, byte[] rs, byte[] publicKey) {
    Binding b = ready();
    requireLength(digest, 32, "digest");
    requireLength(rs, 64, "rs");
    Scratch s = b.scratch.get();
    if (!parse(b, s, publicKey)) {
      return false;
    }
    if (b.lib.secp256k1_ecdsa_signature_parse_compact(b.ctx, s.sig, rs) != 1) {
      return false;
    }
    b.lib.secp256k1_ecdsa_signature_normalize(b.ctx, s.sig2, s.sig);
    return b.lib.secp256k1_ecdsa_verify(b.ctx, s.sig2, digest, s.pubkey) == 1;
  }

  @Override
  public byte[] recover(byte[] digest, byte[] rs, int recoveryId, boolean compressed) {
    Binding b = ready();
    requireLength(digest, 32, "digest");
    requireLength(rs, 64, "rs");
    if (recoveryId < 0 || recoveryId > 3) {
      return null;
    }
    Scratch s = b.scratch.get();
    if (b.lib.secp256k1_ecdsa_recoverable_signature_parse_compact(b.ctx, s.recSig, rs, recoveryId)
        != 1) {
      return null;
    }
    if (b.lib.secp256k1_ecdsa_recover(b.ctx, s.pubkey, s.recSig, digest) != 1) {
      return null;
    }
    return serialize(b, s, compressed);
  }

  @Override
  public byte[] parsePublicKey(byte[] publicKey, boolean compressed) {
    Binding b = ready();
    Scratch s = b.scratch.get();
    return parse(b, s, publicKey) ? serialize(b, s, compressed) : null;
  }

  @Override
  public byte[] publicKeyTweakAdd(byte[] publicKey, byte[] tweak, boolean compressed) {
    Binding b = ready();
    requireLength(tweak, 32, "tweak");
    Scratch s = b.scratch.get();
    if (!parse(b, s, publicKey)) {
      return null;
    }
    if (b.lib.secp256k1_ec_pubkey_tweak_add(b.ctx, s.pubkey, tweak) != 1) {
      return null;
    }
    return serialize(b, s, compressed);
  }

  @Override
  public String toString() {
    return "LibSecp256k1Backend["
        + (isAvailable() ? "loaded " + binding.loadedFrom : "unavailable: " + binding.reason)
        + "]";
  }

  /** The binding, for same-package tests that call the raw functions. */
  Binding binding() {
    return binding;
  }

  // ---------------------------------------------------------------------------------------------

  private Binding ready() {
    Binding b = binding;
    if (b.lib == null) {
      throw new IllegalStateException("libsecp256k1 backend is not available: " + b.reason);
    }
    return b;
  }

  /**
   * Parses a SEC1 key into {@code s.pubkey}. Only the compressed (02/03, 33 bytes) and
   * uncompressed (04, 65 bytes) forms are accepted; libsecp256k1 would also take the X9.62
   * "hybrid" form (06/07), which the SDK does not.
   */
  private static boolean parse(Binding b, Scratch s, byte[] publicKey) {
    if (publicKey == null) {
      return false;
    }
    int len = publicKey.length;
    if (len == 33) {
      if (publicKey[0] != 0x02 && publicKey[0] != 0x03) {
        return false;
      }
    } else if (len == 65) {
      if (publicKey[0] != 0x04) {
        return false;
      }
    } else {
      return false;
    }
    return b.lib.secp256k1_ec_pubkey_parse(b.ctx, s.pubkey, publicKey, len) == 1;
  }

  private static byte[] serialize(Binding b, Scratch s, boolean compressed) {
    byte[] out;
    if (compressed) {
      out = new byte[33];
      b.lib.secp256k1_ec_pubkey_serialize(
          b.ctx, out, s.len33, s.pubkey, LibSecp256k1.EC_COMPRESSED);
    } else {
      out = new byte[65];
      b.lib.secp256k1_ec_pubkey_serialize(
          b.ctx, out, s.len65, s.pubkey, LibSecp256k1.EC_UNCOMPRESSED);
    }
    return out;
  }

  private static void requireLength(byte[] a, int length, String field) {
    if (a == null || a.length != length) {
      // memory safety: the C side reads exactly `length` bytes
      throw new IllegalArgumentException(
          field + ": expected " + length + " bytes, got " + (a == null ? "null" : a.length));
    }
  }

  /** Per-thread buffers for the opaque structs, so that no call allocates native memory. */
  static final class Scratch {
    final byte[] pubkey = new byte[64];
    final byte[] sig = new byte[64];
    final byte[] sig2 = new byte[64];
    final byte[] recSig = new byte[65];
    final int[] recid = new int[1];
    /** {@code size_t} 33 and 65, native-endian, address-sized; read-only ({@code @In}). */
    final byte[] len33;
    final byte[] len65;

    Scratch(int sizeTBytes) {
      len33 = sizeT(33, sizeTBytes);
      len65 = sizeT(65, sizeTBytes);
    }

    private static byte[] sizeT(int value, int bytes) {
      byte[] out = new byte[bytes];
      boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
      for (int i = 0; i < bytes; i++) {
        int shift = 8 * (little ? i : bytes - 1 - i);
        out[i] = shift < 32 ? (byte) (value >>> shift) : 0;
      }
      return out;
    }
  }

  /** A loaded library with its context, or the reason there is none. */
  static final class Binding {
    final LibSecp256k1 lib;
    final long ctx;
    final String reason;
    final String loadedFrom;
    final ThreadLocal<Scratch> scratch;
    final AtomicLong illegalCalls;
    /** Held so that the native closure is never collected while the context may call it. */
    final LibSecp256k1.IllegalArgumentCallback callback;

    private Binding(
        LibSecp256k1 lib,
        long ctx,
        String loadedFrom,
        int sizeTBytes,
        AtomicLong illegalCalls,
        LibSecp256k1.IllegalArgumentCallback callback) {
      this.lib = lib;
      this.ctx = ctx;
      this.reason = null;
      this.loadedFrom = loadedFrom;
      this.scratch = ThreadLocal.withInitial(() -> new Scratch(sizeTBytes));
      this.illegalCalls = illegalCalls;
      this.callback = callback;
    }

    private Binding(String reason) {
      this.lib = null;
      this.ctx = 0;
      this.reason = reason;
      this.loadedFrom = null;
      this.scratch = null;
      this.illegalCalls = new AtomicLong();
      this.callback = null;
    }

    static Binding failed(String reason) {
      return new Binding(reason);
    }

    /** Tries each candidate in turn; never throws. In a native image, tries nothing. */
    static Binding load(List<String> candidates) {
      if (NativeImage.active()) {
        return failed(NativeImage.reason("libsecp256k1 through jnr-ffi"));
      }
      List<String> failures = new ArrayList<>();
      try {
        for (String candidate : candidates) {
          try {
            Binding b = tryLoad(candidate);
            String problem = selfTest(b);
            if (problem == null) {
              return b;
            }
            failures.add(candidate + ": " + problem);
          } catch (Throwable t) { // UnsatisfiedLinkError, LinkageError, anything jnr throws
            failures.add(candidate + ": " + describe(t));
          }
        }
      } catch (Throwable t) {
        failures.add("unexpected: " + describe(t));
      }
      if (!failures.isEmpty() && failures.stream().allMatch(f -> f.contains("FFI provider"))) {
        // no candidate got as far as the library: jnr-ffi itself cannot run here (jffi has no stub
        // for this CPU, e.g. riscv64, or native code is not allowed, e.g. a native image)
        return failed(
            "jnr-ffi cannot run on this platform (" + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "): its native stub (jffi) did not load, so "
                + "libsecp256k1 cannot be bound and the pure-Java backend is used; tried "
                + String.join("; ", failures));
      }
      return failed(
          "libsecp256k1 with the recovery module could not be loaded (install the "
              + "libsecp256k1-1 package on Debian/Ubuntu, or set -D"
              + LIBRARY_PROPERTY
              + "=/path/to/libsecp256k1.so); tried "
              + String.join("; ", failures));
    }

    private static Binding tryLoad(String candidate) {
      if (candidate.indexOf('/') >= 0 && !new java.io.File(candidate).exists()) {
        throw new IllegalStateException("no such file");
      }
      LibSecp256k1 lib =
          LibraryLoader.create(LibSecp256k1.class)
              .failImmediately()
              .search("/usr/local/lib")
              .search("/opt/homebrew/lib")
              .search("/opt/local/lib")
              .load(candidate);
      long ctx;
      try {
        ctx = lib.secp256k1_context_create(LibSecp256k1.CONTEXT_SIGN | LibSecp256k1.CONTEXT_VERIFY);
      } catch (LinkageError e) {
        throw new IllegalStateException(
            "loaded, but it has no secp256k1_context_create (not libsecp256k1?)", e);
      }
      if (ctx == 0) {
        throw new IllegalStateException("secp256k1_context_create returned NULL");
      }
      AtomicLong illegalCalls = new AtomicLong();
      LibSecp256k1.IllegalArgumentCallback callback = (message, data) -> illegalCalls.incrementAndGet();
      lib.secp256k1_context_set_illegal_callback(ctx, callback, null);
      byte[] seed = new byte[32];
      new SecureRandom().nextBytes(seed);
      int randomized = lib.secp256k1_context_randomize(ctx, seed);
      Arrays.fill(seed, (byte) 0);
      if (randomized != 1) {
        throw new IllegalStateException("secp256k1_context_randomize failed");
      }
      int sizeT = jnr.ffi.Runtime.getRuntime(lib).addressSize();
      return new Binding(lib, ctx, candidate, sizeT, illegalCalls, callback);
    }

    private static String describe(Throwable t) {
      String m = t.getMessage();
      String s = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
      // keep the reason to one readable line
      s = s.replace('\n', ' ');
      return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /**
     * Known answers through every bound function: key 1 gives G, a fixed RFC 6979 signature, its
     * recovery, verification and a tweak. Returns null if all pass, else what failed.
     */
    private static String selfTest(Binding b) {
      try {
        return knownAnswers(new LibSecp256k1Backend(b), b);
      } catch (LinkageError e) {
        return "a function is missing (libsecp256k1 built without the recovery module?): "
            + describe(e);
      }
    }

    private static String knownAnswers(LibSecp256k1Backend t, Binding b) {
      byte[] one = new byte[32];
      one[31] = 1;
      if (!Arrays.equals(t.publicKey(one, true), SelfTest.G_COMPRESSED)) {
        return "self-test failed: public key of 1 is not G";
      }
      byte[] sig = t.signRecoverable(SelfTest.DIGEST, SelfTest.KEY);
      if (!Arrays.equals(sig, SelfTest.SIGNATURE)) {
        return "self-test failed: RFC 6979 signature differs";
      }
      byte[] rs = Arrays.copyOf(sig, 64);
      byte[] pub = t.recover(SelfTest.DIGEST, rs, sig[64], true);
      if (!Arrays.equals(pub, SelfTest.PUBLIC_KEY)) {
        return "self-test failed: recovery";
      }
      if (!t.verify(SelfTest.DIGEST, rs, pub)) {
        return "self-test failed: verify";
      }
      // G + 1*G = 2G
      if (!Arrays.equals(t.publicKeyTweakAdd(SelfTest.G_COMPRESSED, one, true), SelfTest.TWO_G)) {
        return "self-test failed: tweak add";
      }
      if (b.illegalCalls.get() != 0) {
        return "self-test failed: illegal-argument callback fired";
      }
      return null;
    }
  }

  /**
   * The candidates to try: only {@code configured} if it is set (non-blank), else the default
   * search order for {@code osName}.
   */
  static List<String> candidates(String configured, String osName) {
    if (configured != null && !configured.isBlank()) {
      return List.of(configured.trim());
    }
    return defaultCandidates(osName);
  }

  /** The default search order for an OS (as in the {@code os.name} system property). */
  static List<String> defaultCandidates(String osName) {
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    if (os.contains("mac") || os.contains("darwin")) {
      names.add("libsecp256k1.2.dylib");
      names.add("libsecp256k1.1.dylib");
      names.add("libsecp256k1.0.dylib");
      names.add("libsecp256k1.dylib");
      names.add("/opt/homebrew/lib/libsecp256k1.dylib");
      names.add("/usr/local/lib/libsecp256k1.dylib");
    } else if (os.contains("windows")) {
      names.add("libsecp256k1-2.dll");
      names.add("libsecp256k1-1.dll");
      names.add("libsecp256k1.dll");
      names.add("secp256k1.dll");
    } else {
      // Linux, BSDs: versioned sonames first, as a runtime-only package has no plain .so
      names.add("libsecp256k1.so.2");
      names.add("libsecp256k1.so.1");
      names.add("libsecp256k1.so.0");
      names.add("libsecp256k1.so");
    }
    return names;
  }

  /** The JVM-wide binding the service-loader constructor uses, loaded on first use. */
  private static final class DefaultBinding {
    static final Binding INSTANCE = loadDefault();

    private static Binding loadDefault() {
      try {
        return Binding.load(
            candidates(System.getProperty(LIBRARY_PROPERTY), System.getProperty("os.name")));
      } catch (Throwable t) {
        return Binding.failed("libsecp256k1 could not be loaded: " + t);
      }
    }
  }

  /**
   * Known-answer data for the self-test: the widely published RFC 6979 secp256k1 vector with
   * private key f8b8...4181 and digest SHA-256("Alan Turing").
   */
  static final class SelfTest {
    private SelfTest() {}

    static final byte[] G_COMPRESSED =
        Hex.decode("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    static final byte[] TWO_G =
        Hex.decode("02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5");
    static final byte[] KEY =
        Hex.decode("f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181");
    static final byte[] DIGEST =
        Hex.decode("4ba38d48a60f1b29e9eb726eaff08b2e83d8d81e031666fee50e85900d7dc1ef");
    static final byte[] SIGNATURE =
        Hex.decode(
            "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c"
                + "58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea"
                + "00");
    static final byte[] PUBLIC_KEY =
        Hex.decode("0292df7b245b81aa637ab4e867c8d511008f79161a97d64f2ac709600352f7acbc");
  }
}
