package dev.cairn.cli;

import dev.cairn.core.CairnException;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.EmulatorApp;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.LedgerPaths;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.cosmos.CosmosApp;
import dev.cairn.hsm.ledger.cosmos.CosmosLedgerSigner;
import dev.cairn.hsm.ledger.eth.EthApp;
import dev.cairn.hsm.ledger.eth.EthLedgerSigner;
import dev.cairn.hsm.ledger.hid.HidApi;
import dev.cairn.hsm.ledger.hid.HidTransport;
import dev.cairn.hsm.ledger.solana.SolanaApp;
import dev.cairn.hsm.ledger.solana.SolanaLedgerSigner;
import dev.cairn.hsm.pkcs11.Pkcs11Config;
import dev.cairn.hsm.pkcs11.Pkcs11Key;
import dev.cairn.hsm.pkcs11.Pkcs11Signer;
import java.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --signer ledger|pkcs11:<module>|software}: where a signing subcommand's key lives. A
 * picocli mixin; {@link #open} returns an sdk-core {@link Signer} for a chain, so a command adopts
 * it with {@code @Mixin SignerOptions signerOptions;} and
 * {@code if (!signerOptions.isSoftware()) signer = signerOptions.open(Chain.COSMOS, env(), hrp);}.
 *
 * <ul>
 *   <li>{@code software} (default): the command's own key options, as before.
 *   <li>{@code ledger}: a Ledger over USB-HID (hidapi, Debian {@code libhidapi-hidraw0}), the chain's
 *       app open, the key at {@code --ledger-path} (default the chain's standard path); with
 *       {@code --ledger-emulator} the SDK's software Ledger on the public test mnemonic instead.
 *   <li>{@code pkcs11:<module>}: the key labelled {@code --pkcs11-key} in the token labelled
 *       {@code --pkcs11-token} of that PKCS#11 module; the PIN from env {@value #PIN_ENV} or a hidden
 *       prompt (never an argument, never printed).
 * </ul>
 */
public final class SignerOptions {
  /** The environment variable holding the PKCS#11 user PIN. */
  public static final String PIN_ENV = "WALLET_PKCS11_PIN";

  /** The chains a signer is opened for (the key type and the Ledger app follow). */
  public enum Chain {
    /** secp256k1, Ledger Ethereum app, {@code m/44'/60'/0'/0/0}. */
    EVM("m/44'/60'/0'/0/0", "Ethereum", KeyType.SECP256K1),
    /** Ed25519, Ledger Solana app, {@code m/44'/501'/0'/0'}. */
    SVM("m/44'/501'/0'/0'", "Solana", KeyType.ED25519),
    /** secp256k1, Ledger Cosmos app, {@code m/44'/118'/0'/0/0}. */
    COSMOS("m/44'/118'/0'/0/0", "Cosmos", KeyType.SECP256K1);

    final String defaultPath;
    final String ledgerApp;
    final KeyType keyType;

    Chain(String defaultPath, String ledgerApp, KeyType keyType) {
      this.defaultPath = defaultPath;
      this.ledgerApp = ledgerApp;
      this.keyType = keyType;
    }
  }

  @Option(names = "--signer", paramLabel = "KIND", defaultValue = "software",
      description = "Where the key lives: software (default: the key options of this command), ledger (a Ledger"
          + " over USB-HID, or the SDK's emulator with --ledger-emulator), or pkcs11:<module path> (an HSM or"
          + " token through its PKCS#11 module, e.g. pkcs11:/usr/lib/softhsm/libsofthsm2.so).")
  String signer = "software";

  @Option(names = "--ledger-emulator",
      description = "With --signer ledger: use the SDK's software Ledger (public test mnemonic \"abandon ... about\";"
          + " for trying things out, never for funds) instead of a device.")
  boolean ledgerEmulator;

  @Option(names = "--ledger-path", paramLabel = "PATH",
      description = "With --signer ledger: the key's derivation path (default: the chain's standard path,"
          + " m/44'/60'/0'/0/0 on EVM, m/44'/501'/0'/0' on Solana, m/44'/118'/0'/0/0 on Cosmos).")
  String ledgerPath;

  @Option(names = "--pkcs11-token", paramLabel = "LABEL", description = "With --signer pkcs11:...: the token label.")
  String pkcs11Token;

  @Option(names = "--pkcs11-key", paramLabel = "LABEL",
      description = "With --signer pkcs11:...: the label of the key pair in the token (secp256k1 on EVM and Cosmos,"
          + " Ed25519 on Solana). The PIN comes from env " + PIN_ENV + " or a hidden prompt.")
  String pkcs11Key;

  /** Whether the command signs with its own software key ({@code --signer software}, the default). */
  public boolean isSoftware() {
    String s = kind();
    if (s.equals("software")) {
      if (ledgerEmulator || ledgerPath != null || pkcs11Token != null || pkcs11Key != null) {
        throw new UserInputException("--ledger-emulator, --ledger-path, --pkcs11-token and --pkcs11-key need"
            + " --signer ledger or --signer pkcs11:<module>");
      }
      return true;
    }
    return false;
  }

  private String kind() {
    return signer == null ? "software" : signer.strip();
  }

  /**
   * Opens the hardware signer for {@code chain} (call only when {@link #isSoftware()} is false).
   * The caller closes it; closing releases the device or the token sessions.
   *
   * @param hrp the bech32 prefix for {@link Chain#COSMOS} (ignored otherwise)
   */
  public Signer open(Chain chain, Map<String, String> env, String hrp) {
    String s = kind();
    if (s.equals("ledger")) {
      if (pkcs11Token != null || pkcs11Key != null) {
        throw new UserInputException("--pkcs11-token and --pkcs11-key apply to --signer pkcs11:<module>");
      }
      return ledger(chain, hrp);
    }
    if (s.startsWith("pkcs11:")) {
      if (ledgerEmulator || ledgerPath != null) {
        throw new UserInputException("--ledger-emulator and --ledger-path apply to --signer ledger");
      }
      return pkcs11(chain, s.substring("pkcs11:".length()), env);
    }
    throw new UserInputException("--signer: expected software, ledger or pkcs11:<module path>, got \"" + s + "\"");
  }

  private Signer ledger(Chain chain, String hrp) {
    String path = ledgerPath != null ? ledgerPath.strip() : chain.defaultPath;
    try {
      LedgerPaths.parse(path);
    } catch (CairnException e) {
      throw new UserInputException("--ledger-path: " + e.getMessage());
    }
    List<AutoCloseable> resources = new ArrayList<>(2);
    LedgerTransport transport;
    if (ledgerEmulator) {
      LedgerEmulator emu = emulator(chain);
      resources.add(emu);
      transport = HidTransport.open(emu.hidDevice()); // the full stack: HID framing over an in-memory pipe
    } else {
      transport = device(chain);
    }
    resources.add(0, transport);
    try {
      Signer s;
      switch (chain) {
        case EVM:
          s = EthLedgerSigner.open(EthApp.on(transport), path);
          break;
        case SVM:
          s = SolanaLedgerSigner.open(SolanaApp.over(transport), SolanaApp.path(path));
          break;
        default:
          s = CosmosLedgerSigner.open(CosmosApp.over(transport), LedgerPaths.parse(path),
              hrp == null ? "cosmos" : hrp);
          break;
      }
      return new Closing(s, resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      if (e instanceof CairnException) {
        throw new UserInputException("Ledger (" + chain.ledgerApp + " app" + (ledgerEmulator ? ", emulator" : "")
            + "): " + e.getMessage() + (ledgerEmulator ? "" : "; unlock the device and open the " + chain.ledgerApp
            + " app"));
      }
      throw e;
    }
  }

  /** The SDK's software Ledger with the chain's app open (test mnemonic, an approving user). */
  static LedgerEmulator emulator(Chain chain) {
    EmulatorApp app = chain == Chain.EVM ? EthereumEmulatorApp.create()
        : chain == Chain.SVM ? SolanaEmulatorApp.create() : CosmosEmulatorApp.create();
    return LedgerEmulator.builder().mnemonic(LedgerEmulator.TEST_MNEMONIC).app(app).build();
  }

  private static LedgerTransport device(Chain chain) {
    if (!HidApi.isAvailable()) {
      throw new UserInputException("--signer ledger: hidapi is not available (" + HidApi.unavailableReason()
          + "); install it with: apt-get install libhidapi-hidraw0 (or pass -Dcairn.hidapi.library=<path> in"
          + " WALLET_JAVA_OPTS), or try --ledger-emulator");
    }
    List<HidApi.DeviceInfo> found = HidApi.enumerateLedgers();
    if (found.isEmpty()) {
      throw new UserInputException("--signer ledger: no Ledger found over USB (vendor 0x2c97): connect and unlock"
          + " it and open the " + chain.ledgerApp + " app; on Linux the user needs access to the hidraw"
          + " device (Ledger's udev rules, 20-hw1.rules); or try --ledger-emulator");
    }
    try {
      return HidTransport.open(HidApi.open(found.get(0)));
    } catch (CairnException e) {
      throw new UserInputException("--signer ledger: cannot open " + found.get(0) + ": " + e.getMessage());
    }
  }

  private Signer pkcs11(Chain chain, String module, Map<String, String> env) {
    if (module.isEmpty()) {
      throw new UserInputException("--signer pkcs11:<module>: the module path is missing"
          + " (e.g. pkcs11:/usr/lib/softhsm/libsofthsm2.so)");
    }
    if (pkcs11Token == null || pkcs11Key == null) {
      throw new UserInputException("--signer pkcs11:... needs --pkcs11-token LABEL and --pkcs11-key LABEL");
    }
    try {
      return Pkcs11Signer.open(Pkcs11Config.of(module, pkcs11Token).withPoolSize(1),
          Pkcs11Key.byLabel(chain.keyType, pkcs11Key), pin(env));
    } catch (CairnException e) {
      throw new UserInputException("PKCS#11: " + e.getMessage());
    }
  }

  /** The PIN source: env {@value #PIN_ENV}, else a hidden prompt; a fresh array each call. */
  static Supplier<char[]> pin(Map<String, String> env) {
    return () -> {
      String v = env.get(PIN_ENV);
      if (v != null) {
        return v.toCharArray();
      }
      Console console = System.console();
      if (console == null) {
        throw new UserInputException("PKCS#11 PIN: set " + PIN_ENV + " or run on a terminal to be prompted");
      }
      char[] c = console.readPassword("PKCS#11 user PIN (input hidden): ");
      if (c == null) {
        throw new UserInputException("PKCS#11 PIN: none given");
      }
      return c;
    };
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable c : resources) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing a broken device: nothing more to do
      }
    }
  }

  /** A signer that also closes the transport (and emulator) it was opened over. */
  static final class Closing implements Signer {
    private final Signer inner;
    private final List<AutoCloseable> resources;

    Closing(Signer inner, List<AutoCloseable> resources) {
      this.inner = inner;
      this.resources = resources;
    }

    @Override
    public KeyType keyType() {
      return inner.keyType();
    }

    @Override
    public byte[] publicKey() {
      return inner.publicKey();
    }

    @Override
    public boolean supports(SignRequest.Kind kind) {
      return inner.supports(kind);
    }

    @Override
    public SignerDescriptor descriptor() {
      return inner.descriptor();
    }

    @Override
    public CompletableFuture<Signature> signAsync(SignRequest request) {
      return inner.signAsync(request);
    }

    @Override
    public void close() {
      inner.close();
      closeAll(resources);
    }

    @Override
    public String toString() {
      return inner.toString();
    }
  }
}
