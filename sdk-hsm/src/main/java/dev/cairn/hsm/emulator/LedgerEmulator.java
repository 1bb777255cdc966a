package dev.cairn.hsm.emulator;

import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.StatusWords;
import dev.cairn.hsm.ledger.TransportDescriptor;
import dev.cairn.hsm.ledger.hid.HidDevice;
import dev.cairn.hsm.ledger.hid.HidFraming;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Destroyable;

/**
 * A software Ledger for tests and demos: a seed from a test mnemonic, a set of installed {@link
 * EmulatorApp}s of which one is open at a time, a {@link ScriptedUser}, and two ways in — APDU
 * level ({@link #transport()}) and HID-report level ({@link #hidDevice()}, an in-memory pipe that
 * speaks {@link HidFraming}). Signatures are real (the apps sign with keys derived from the seed).
 *
 * <p>Device behaviour: while locked every command answers 0x5515; with no app open (dashboard)
 * only CLA 0xB0 is answered (INS 0x01 get app and version, INS 0xA7 quit app) and every other class
 * answers 0x6511; with an app open a command of another class answers 0x6E00, except CLA 0xB0.
 *
 * <pre>{@code
 * LedgerEmulator emu = LedgerEmulator.builder()
 *     .mnemonic("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")
 *     .app(myApp)
 *     .build();
 * emu.openApp(myApp.name());
 * LedgerTransport t = emu.transport();          // or HidTransport.open(emu.hidDevice())
 * }</pre>
 *
 * <p>Never use a real mnemonic: the emulator is not a secure element.
 */
public final class LedgerEmulator implements AutoCloseable, Destroyable {
  /** The BIP-39 test mnemonic whose keys the recorded ledgerjs exchanges reproduce. */
  public static final String TEST_MNEMONIC =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  /**
   * Speculos's default seed (public, for tests): some of ledgerjs's recorded exchanges were made on
   * Speculos with it.
   */
  public static final String SPECULOS_MNEMONIC = "glory promote mansion idle axis finger extra february uncover one trip"
      + " resource lawn turtle enact monster seven myth punch hobby comfort wild raise skin";

  /** The dashboard's class byte. */
  public static final int CLA_DASHBOARD = 0xB0;

  private final byte[] seed;
  private final Bip32Key secpRoot;
  private final Slip10.Ed25519Key edRoot;
  private final Map<String, EmulatorApp> apps;
  private final ScriptedUser user = new ScriptedUser();
  private final Object lock = new Object();
  private final Context context = new Context();
  private EmulatorApp open;
  private boolean locked;
  private boolean closed;
  private int exchanges;

  private LedgerEmulator(Builder b) {
    Mnemonic m = Mnemonic.parse(b.mnemonic);
    this.seed = m.toSeed(b.passphrase);
    m.destroy();
    this.secpRoot = Bip32Key.fromSeed(seed);
    this.edRoot = Slip10.ed25519(seed);
    this.apps = new LinkedHashMap<>(b.apps);
  }

  /** A builder (mnemonic defaults to {@link #TEST_MNEMONIC}, no passphrase, no apps). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an emulator. */
  public static final class Builder {
    private String mnemonic = TEST_MNEMONIC;
    private String passphrase = "";
    private final Map<String, EmulatorApp> apps = new LinkedHashMap<>();

    private Builder() {}

    /** The BIP-39 mnemonic (a test mnemonic only). */
    public Builder mnemonic(String mnemonic) {
      if (mnemonic == null) {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "mnemonic", "is null");
      }
      this.mnemonic = mnemonic;
      return this;
    }

    /** The BIP-39 passphrase (default empty). */
    public Builder passphrase(String passphrase) {
      if (passphrase == null) {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "passphrase", "is null");
      }
      this.passphrase = passphrase;
      return this;
    }

    /** Installs an app (by its name; a later app of the same name replaces an earlier one). */
    public Builder app(EmulatorApp app) {
      if (app == null || app.name() == null || app.name().isEmpty()) {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "app", "is null or unnamed");
      }
      if (app.cla() < 0 || app.cla() > 0xFF || app.cla() == CLA_DASHBOARD) {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "app.cla", "is not a usable class byte");
      }
      apps.put(app.name(), app);
      return this;
    }

    /** The emulator; if exactly one app is installed it is opened. */
    public LedgerEmulator build() {
      LedgerEmulator e = new LedgerEmulator(this);
      if (apps.size() == 1) {
        e.openApp(apps.keySet().iterator().next());
      }
      return e;
    }
  }

  /** The scripted user. */
  public ScriptedUser user() {
    return user;
  }

  /**
   * Opens an installed app (closing the open one); its state is reset.
   *
   * @throws LedgerException (INVALID_ARGUMENT) if no app of that name is installed
   */
  public void openApp(String name) {
    synchronized (lock) {
      EmulatorApp app = apps.get(name);
      if (app == null) {
        throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "name", "no app '" + name + "' is installed");
      }
      app.reset();
      open = app;
    }
  }

  /** Closes the open app (back to the dashboard). */
  public void closeApp() {
    synchronized (lock) {
      open = null;
    }
  }

  /** The name of the open app, or {@code null} on the dashboard. */
  public String openAppName() {
    synchronized (lock) {
      return open == null ? null : open.name();
    }
  }

  /** Locks the device (every command answers 0x5515). */
  public void lock() {
    synchronized (lock) {
      locked = true;
    }
  }

  /** Unlocks the device (the PIN was entered). */
  public void unlock() {
    synchronized (lock) {
      locked = false;
    }
  }

  /** Whether the device is locked. */
  public boolean isLocked() {
    synchronized (lock) {
      return locked;
    }
  }

  /** How many APDUs the emulator has answered. */
  public int exchangeCount() {
    synchronized (lock) {
      return exchanges;
    }
  }

  /**
   * Processes one encoded command APDU and returns the encoded response. Never throws for device
   * errors (they are status words); a malformed APDU answers 0x6700 (wrong length).
   *
   * @throws LedgerException (TRANSPORT) if the emulator is closed
   */
  public byte[] process(byte[] commandApdu) {
    synchronized (lock) {
      if (closed) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "emulator", "is closed");
      }
      exchanges++;
      return answer(commandApdu).encode();
    }
  }

  private ApduResponse answer(byte[] apdu) {
    if (locked) {
      return ApduResponse.status(StatusWords.LOCKED);
    }
    ApduCommand cmd;
    try {
      cmd = ApduCommand.parse(apdu);
    } catch (LedgerException e) {
      return ApduResponse.status(StatusWords.WRONG_LENGTH);
    }
    if (cmd.cla() == CLA_DASHBOARD) {
      return dashboard(cmd);
    }
    if (open == null) {
      return ApduResponse.status(StatusWords.APP_CLOSED);
    }
    if (cmd.cla() != open.cla()) {
      return ApduResponse.status(StatusWords.CLA_NOT_SUPPORTED);
    }
    try {
      return open.handle(cmd, context);
    } catch (LedgerException e) {
      if (e.statusWord() != LedgerException.NO_STATUS_WORD) {
        return ApduResponse.status(e.statusWord());
      }
      return ApduResponse.status(StatusWords.INVALID_DATA);
    } catch (RuntimeException e) {
      return ApduResponse.status(StatusWords.TECHNICAL_PROBLEM);
    }
  }

  private ApduResponse dashboard(ApduCommand cmd) {
    if (cmd.ins() == 0x01) {
      String name = open == null ? "BOLOS" : open.name();
      String version = open == null ? "2.2.3" : open.version();
      byte[] n = name.getBytes(StandardCharsets.US_ASCII);
      byte[] v = version.getBytes(StandardCharsets.US_ASCII);
      byte[] out = new byte[5 + n.length + v.length];
      int p = 0;
      out[p++] = 1;
      out[p++] = (byte) n.length;
      System.arraycopy(n, 0, out, p, n.length);
      p += n.length;
      out[p++] = (byte) v.length;
      System.arraycopy(v, 0, out, p, v.length);
      p += v.length;
      out[p++] = 1;
      out[p] = 0;
      return ApduResponse.ok(out);
    }
    if (cmd.ins() == 0xA7) {
      if (open != null) {
        open.reset();
      }
      open = null;
      return ApduResponse.ok(new byte[0]);
    }
    return ApduResponse.status(StatusWords.INS_NOT_SUPPORTED);
  }

  /** An APDU-level transport to this emulator. */
  public LedgerTransport transport() {
    return new LedgerTransport() {
      private volatile boolean transportClosed;

      @Override
      public byte[] exchange(byte[] commandApdu) {
        if (transportClosed) {
          throw new LedgerException(LedgerException.Kind.TRANSPORT, "transport", "is closed");
        }
        if (commandApdu == null) {
          throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "commandApdu", "is null");
        }
        return process(commandApdu);
      }

      @Override
      public TransportDescriptor descriptor() {
        return TransportDescriptor.of("emulator", "apdu");
      }

      @Override
      public void close() {
        transportClosed = true;
      }
    };
  }

  /**
   * A HID-report-level device: an in-memory pipe whose device end reassembles command reports with
   * {@link HidFraming}, runs the command, and queues the response's reports for {@link
   * HidDevice#read}. A malformed report from the host makes the device drop the partial command
   * (as firmware does) and the error surfaces on the host's next read as a timeout (null).
   */
  public HidDevice hidDevice() {
    return new PipeDevice(HidFraming.DEFAULT_CHANNEL);
  }

  /** A HID device answering on a given channel. */
  public HidDevice hidDevice(int channel) {
    return new PipeDevice(channel);
  }

  private final class PipeDevice implements HidDevice {
    private final int channel;
    private final HidFraming.Decoder decoder;
    private final Deque<byte[]> outgoing = new ArrayDeque<>();
    private boolean pipeClosed;

    PipeDevice(int channel) {
      this.channel = channel;
      this.decoder = HidFraming.decoder(channel);
    }

    @Override
    public synchronized void write(byte[] report) {
      if (pipeClosed) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "device", "is closed");
      }
      try {
        if (decoder.accept(report)) {
          byte[] apdu = decoder.result();
          decoder.reset();
          List<byte[]> reports = HidFraming.encode(channel, process(apdu));
          outgoing.addAll(reports);
        }
      } catch (LedgerException e) {
        decoder.reset();
        if (e.kind() != LedgerException.Kind.MALFORMED_FRAME) {
          throw e;
        }
      }
    }

    @Override
    public synchronized byte[] read(int timeoutMillis) {
      if (pipeClosed) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "device", "is closed");
      }
      return outgoing.pollFirst();
    }

    @Override
    public String location() {
      return "emulator";
    }

    @Override
    public synchronized void close() {
      pipeClosed = true;
      outgoing.clear();
    }
  }

  private final class Context implements DeviceContext {
    @Override
    public Bip32Key secp256k1(DerivationPath path) {
      return secpRoot.derive(path);
    }

    @Override
    public Slip10.Ed25519Key ed25519(DerivationPath path) {
      return edRoot.derive(path);
    }

    @Override
    public ScriptedUser.Decision confirm(String prompt) {
      ScriptedUser.Decision d = user.decide(prompt);
      if (d == ScriptedUser.Decision.LOCK) {
        locked = true;
        throw LedgerException.ofStatus(StatusWords.LOCKED);
      }
      return d;
    }
  }

  /** Destroys the seed and keys; later exchanges fail with TRANSPORT. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (!closed) {
        closed = true;
        Arrays.fill(seed, (byte) 0);
        secpRoot.destroy();
        edRoot.destroy();
      }
    }
  }

  /** Same as {@link #close()}: zeroes the seed and destroys the derived root keys. */
  @Override
  public void destroy() {
    close();
  }

  @Override
  public boolean isDestroyed() {
    synchronized (lock) {
      return closed;
    }
  }

  @Override
  public String toString() {
    return "LedgerEmulator{apps=" + apps.keySet() + ", open=" + openAppName() + "}";
  }
}
