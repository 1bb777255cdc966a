package dev.cairn.hsm.ledger.hid;

import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.hid.internal.HidApiBinding;
import dev.cairn.hsm.internal.NativeImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * USB-HID access to Ledger devices through the system's hidapi (Debian {@code libhidapi-hidraw0},
 * macOS {@code brew install hidapi}), bound at run time with jnr-ffi. Both are optional, like the
 * native secp256k1 backend: without jnr-ffi on the class path or without the library, {@link
 * #isAvailable()} is false, {@link #unavailableReason()} says why, and nothing else in the SDK is
 * affected. Android apps supply their own {@link HidDevice} (USB host API) to {@link HidTransport}.
 * In a GraalVM native image (system property {@code org.graalvm.nativeimage.imagecode} set) hidapi
 * is not loaded at all, since jnr-ffi generates code at run time: it reports itself unavailable.
 *
 * <p>Library search: the system property {@value #LIBRARY_PROPERTY} (a file or soname, and only
 * that), else {@code libhidapi-hidraw.so.0}, {@code hidapi-hidraw}, {@code libhidapi-libusb.so.0},
 * {@code hidapi}.
 *
 * <p>Ledger devices are found by vendor id 0x2c97 and usage page 0xffa0 (the APDU interface). On
 * Linux hidraw the usage page comes from the report descriptor and can read 0 with old hidapi
 * versions or kernels; then the interface number 0 identifies the APDU interface (the others are
 * FIDO/U2F and, on some models, a keyboard).
 */
public final class HidApi {
  /** Ledger's USB vendor id. */
  public static final int LEDGER_VENDOR_ID = 0x2c97;
  /** The usage page of the Ledger APDU interface. */
  public static final int LEDGER_USAGE_PAGE = 0xffa0;
  /** System property naming the hidapi library to load instead of searching. */
  public static final String LIBRARY_PROPERTY = "cairn.hidapi.library";

  private static final List<String> DEFAULT_NAMES =
      Collections.unmodifiableList(Arrays.asList("libhidapi-hidraw.so.0", "hidapi-hidraw", "libhidapi-libusb.so.0", "hidapi"));

  /** An enumerated HID interface. */
  public static final class DeviceInfo {
    private final String path;
    private final int vendorId;
    private final int productId;
    private final int usagePage;
    private final int interfaceNumber;

    private DeviceInfo(String path, int vendorId, int productId, int usagePage, int interfaceNumber) {
      this.path = path;
      this.vendorId = vendorId;
      this.productId = productId;
      this.usagePage = usagePage;
      this.interfaceNumber = interfaceNumber;
    }

    /** The platform path (e.g. {@code /dev/hidraw3}). */
    public String path() {
      return path;
    }

    /** USB vendor id. */
    public int vendorId() {
      return vendorId;
    }

    /** USB product id (its high byte names the model: 0x10 Nano S, 0x40 Nano X, 0x50 Nano S Plus, 0x60 Stax, 0x70 Flex). */
    public int productId() {
      return productId;
    }

    /** HID usage page (0xffa0 for the APDU interface; may be 0 on Linux hidraw). */
    public int usagePage() {
      return usagePage;
    }

    /** USB interface number. */
    public int interfaceNumber() {
      return interfaceNumber;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "HidDevice{%s, %04x:%04x, usagePage=%04x, interface=%d}", path, vendorId,
          productId, usagePage, interfaceNumber);
    }
  }

  private static final class Holder {
    static final Object BINDING_OR_REASON = load(defaultCandidates());
  }

  private final Object bindingOrReason;

  private HidApi(Object bindingOrReason) {
    this.bindingOrReason = bindingOrReason;
  }

  private static List<String> defaultCandidates() {
    String configured = System.getProperty(LIBRARY_PROPERTY);
    return configured != null && !configured.isEmpty() ? Collections.singletonList(configured) : DEFAULT_NAMES;
  }

  private static Object load(List<String> candidates) {
    if (NativeImage.active()) {
      return NativeImage.reason("hidapi");
    }
    try {
      return HidApiBinding.load(candidates);
    } catch (LinkageError e) {
      return "jnr-ffi is not on the class path (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    } catch (IllegalStateException e) {
      return "hidapi could not be loaded: " + e.getMessage();
    }
  }

  /** The JVM-wide hidapi, loaded on first use. */
  public static HidApi system() {
    return new HidApi(Holder.BINDING_OR_REASON);
  }

  /** hidapi from exactly this library file or name (no search, no fallback). Never throws. */
  public static HidApi forLibrary(String library) {
    if (library == null || library.isEmpty()) {
      return new HidApi("library: is null or empty");
    }
    return new HidApi(load(Collections.singletonList(library)));
  }

  /** Whether the system hidapi can be used. */
  public static boolean isAvailable() {
    return system().available();
  }

  /** Whether this hidapi loaded. */
  public boolean available() {
    return bindingOrReason instanceof HidApiBinding;
  }

  /** Why it is unavailable (every library tried and why it failed), or empty when available. */
  public String reason() {
    return available() ? "" : (String) bindingOrReason;
  }

  /** Why the system hidapi is unavailable, or empty. */
  public static String unavailableReason() {
    return system().reason();
  }

  /** The Ledger APDU interfaces connected now (system hidapi); an empty list when none. */
  public static List<DeviceInfo> enumerateLedgers() {
    return system().ledgers();
  }

  /** Opens a device found by {@link #enumerateLedgers()} (system hidapi). */
  public static HidDevice open(DeviceInfo info) {
    return system().openDevice(info);
  }

  /**
   * The Ledger APDU interfaces connected now; an empty list when none.
   *
   * @throws LedgerException UNAVAILABLE if hidapi is not available
   */
  public List<DeviceInfo> ledgers() {
    HidApiBinding b = binding();
    List<DeviceInfo> out = new ArrayList<>();
    for (HidApiBinding.Info i : b.enumerate(LEDGER_VENDOR_ID)) {
      if (i.vendorId == LEDGER_VENDOR_ID && (i.usagePage == LEDGER_USAGE_PAGE || (i.usagePage == 0 && i.interfaceNumber == 0))) {
        out.add(new DeviceInfo(i.path, i.vendorId, i.productId, i.usagePage, i.interfaceNumber));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Opens a device.
   *
   * @throws LedgerException UNAVAILABLE without hidapi, TRANSPORT if the device cannot be opened
   */
  public HidDevice openDevice(DeviceInfo info) {
    if (info == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "info", "is null");
    }
    return binding().open(info.path());
  }

  private HidApiBinding binding() {
    if (!available()) {
      throw new LedgerException(LedgerException.Kind.UNAVAILABLE, "hidapi", reason());
    }
    return (HidApiBinding) bindingOrReason;
  }

  @Override
  public String toString() {
    return available() ? "HidApi{" + ((HidApiBinding) bindingOrReason).loadedFrom() + "}" : "HidApi{unavailable}";
  }
}
