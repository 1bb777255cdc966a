package dev.cairn.hsm.internal;

/**
 * Whether this code runs inside a GraalVM native image (or is being analysed by its builder),
 * told without depending on GraalVM's classes: the builder and the image set the system property
 * {@value #PROPERTY} ({@code "buildtime"} while building, {@code "runtime"} in the executable),
 * which is what {@code org.graalvm.nativeimage.ImageInfo} reads too.
 *
 * <p>jnr-ffi generates its bindings (bytecode) at run time, which a native image cannot load, so
 * neither hidapi ({@code HidApi} reports itself unavailable) nor a PKCS#11 module
 * ({@code Pkcs11Module.load} throws {@code SignerException} DEVICE_UNAVAILABLE) is loaded there;
 * the emulator, Speculos and app-supplied Ledger transports work as on the JVM.
 */
public final class NativeImage {
  private NativeImage() {}

  /** The property GraalVM's native image sets ({@code ImageInfo.PROPERTY_IMAGE_CODE_KEY}). */
  public static final String PROPERTY = "org.graalvm.nativeimage.imagecode";

  /** Whether the property is set (to any value): image build time or image run time. */
  public static boolean active() {
    String v = System.getProperty(PROPERTY);
    return v != null && !v.isEmpty();
  }

  /** Why a jnr-ffi binding is not attempted here. */
  public static String reason(String what) {
    return what + " is unavailable in a GraalVM native image (" + PROPERTY + "="
        + System.getProperty(PROPERTY) + "): jnr-ffi generates its bindings at run time, which a"
        + " native image cannot load; use an app-supplied transport or run on a JVM";
  }
}
