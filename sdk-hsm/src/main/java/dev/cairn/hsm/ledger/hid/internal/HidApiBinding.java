package dev.cairn.hsm.ledger.hid.internal;

import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.hid.HidDevice;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** The loaded hidapi library (jnr-ffi). Only {@code HidApi} touches this class, inside a LinkageError guard. */
public final class HidApiBinding {
  /** One enumerated device, as plain values. */
  public static final class Info {
    public final String path;
    public final int vendorId;
    public final int productId;
    public final int usagePage;
    public final int usage;
    public final int interfaceNumber;

    Info(String path, int vendorId, int productId, int usagePage, int usage, int interfaceNumber) {
      this.path = path;
      this.vendorId = vendorId;
      this.productId = productId;
      this.usagePage = usagePage;
      this.usage = usage;
      this.interfaceNumber = interfaceNumber;
    }
  }

  private final HidApiLib lib;
  private final Runtime runtime;
  private final String loadedFrom;

  private HidApiBinding(HidApiLib lib, String loadedFrom) {
    this.lib = lib;
    this.runtime = Runtime.getRuntime(lib);
    this.loadedFrom = loadedFrom;
  }

  /**
   * Loads the first of {@code candidates} that links and initialises.
   *
   * @throws IllegalStateException listing every candidate and why it failed
   */
  public static HidApiBinding load(List<String> candidates) {
    StringBuilder why = new StringBuilder();
    for (String c : candidates) {
      try {
        HidApiLib lib = LibraryLoader.create(HidApiLib.class).failImmediately()
            .search("/usr/local/lib").search("/opt/homebrew/lib").load(c);
        int rc = lib.hid_init();
        if (rc != 0) {
          why.append(c).append(": hid_init returned ").append(rc).append("; ");
          continue;
        }
        return new HidApiBinding(lib, c);
      } catch (UnsatisfiedLinkError | RuntimeException e) { // a missing jnr-ffi (NoClassDefFoundError) propagates
        why.append(c).append(": ").append(e.getClass().getSimpleName()).append(' ').append(e.getMessage()).append("; ");
      }
    }
    throw new IllegalStateException(why.length() == 0 ? "no library names to try" : why.toString());
  }

  public String loadedFrom() {
    return loadedFrom;
  }

  /** hid_enumerate(vendorId, 0) as values; the native list is freed before returning. */
  public synchronized List<Info> enumerate(int vendorId) {
    Pointer head = lib.hid_enumerate((short) vendorId, (short) 0);
    List<Info> out = new ArrayList<>();
    if (head == null || head.address() == 0) {
      return out;
    }
    try {
      int ps = runtime.addressSize();
      long nextOffset = align(6L * ps + 8, ps);
      Pointer p = head;
      int guard = 0;
      while (p != null && p.address() != 0 && guard++ < 1024) {
        Pointer path = p.getPointer(0);
        String pathText = path == null ? "" : path.getString(0, 4096, java.nio.charset.StandardCharsets.UTF_8);
        int vid = p.getShort(ps) & 0xFFFF;
        int pid = p.getShort(ps + 2) & 0xFFFF;
        int usagePage = p.getShort(6L * ps) & 0xFFFF;
        int usage = p.getShort(6L * ps + 2) & 0xFFFF;
        int iface = p.getInt(6L * ps + 4);
        out.add(new Info(pathText, vid, pid, usagePage, usage, iface));
        p = p.getPointer(nextOffset);
      }
    } finally {
      lib.hid_free_enumeration(head);
    }
    return out;
  }

  private static long align(long v, int a) {
    return (v + a - 1) / a * a;
  }

  /** Opens a device by path. */
  public HidDevice open(String path) {
    Pointer dev = lib.hid_open_path(path);
    if (dev == null || dev.address() == 0) {
      throw new LedgerException(LedgerException.Kind.TRANSPORT, "path", "hid_open_path failed for " + path);
    }
    return new NativeDevice(path, dev);
  }

  private final class NativeDevice implements HidDevice {
    private final String path;
    private Pointer dev;

    NativeDevice(String path, Pointer dev) {
      this.path = path;
      this.dev = dev;
    }

    @Override
    public synchronized void write(byte[] report) {
      if (dev == null) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "device", "is closed");
      }
      byte[] withId = new byte[report.length + 1]; // report id 0: the Ledger interface has no numbered reports
      System.arraycopy(report, 0, withId, 1, report.length);
      int n = lib.hid_write(dev, withId, withId.length);
      if (n < 0) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "write", "hid_write failed (device unplugged?)");
      }
    }

    @Override
    public synchronized byte[] read(int timeoutMillis) {
      if (dev == null) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "device", "is closed");
      }
      byte[] buf = new byte[64];
      int n = lib.hid_read_timeout(dev, buf, buf.length, timeoutMillis);
      if (n < 0) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "read", "hid_read_timeout failed (device unplugged?)");
      }
      if (n == 0) {
        return null;
      }
      return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }

    @Override
    public String location() {
      return path;
    }

    @Override
    public synchronized void close() {
      if (dev != null) {
        lib.hid_close(dev);
        dev = null;
      }
    }
  }
}
