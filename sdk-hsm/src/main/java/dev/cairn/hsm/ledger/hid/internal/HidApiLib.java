package dev.cairn.hsm.ledger.hid.internal;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;

/**
 * The hidapi functions the HID transport calls, bound by jnr-ffi. Not API: public only because
 * jnr-ffi generates the implementation in its own class loader. Each method is the C function of
 * the same name ({@code hidapi.h}).
 */
@IgnoreError
public interface HidApiLib {
  /** {@code int hid_init(void)}: 0 on success. */
  int hid_init();

  /** {@code struct hid_device_info *hid_enumerate(unsigned short vendor_id, unsigned short product_id)}. */
  Pointer hid_enumerate(short vendorId, short productId);

  /** {@code void hid_free_enumeration(struct hid_device_info *devs)}. */
  void hid_free_enumeration(Pointer devs);

  /** {@code hid_device *hid_open_path(const char *path)}: null on failure. */
  Pointer hid_open_path(String path);

  /** {@code int hid_write(hid_device *dev, const unsigned char *data, size_t length)}: bytes written or -1. */
  int hid_write(Pointer dev, @In byte[] data, @size_t long length);

  /** {@code int hid_read_timeout(hid_device *dev, unsigned char *data, size_t length, int ms)}: bytes read, 0 on timeout, -1 on error. */
  int hid_read_timeout(Pointer dev, @Out byte[] data, @size_t long length, int milliseconds);

  /** {@code void hid_close(hid_device *dev)}. */
  void hid_close(Pointer dev);
}
