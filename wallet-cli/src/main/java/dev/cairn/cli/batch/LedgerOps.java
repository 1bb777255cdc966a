package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerPaths;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.TransportDescriptor;
import dev.cairn.hsm.ledger.cosmos.CosmosApp;
import dev.cairn.hsm.ledger.eth.EthApp;
import dev.cairn.hsm.ledger.solana.SolanaApp;
import dev.cairn.hsm.ledger.solana.SolanaAppConfiguration;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ledger.apdus} op (sdk-hsm): the command APDUs the SDK's Ledger client sends for one
 * call, run against the SDK's device emulator (test mnemonic, a scripted user who approves, blind
 * signing enabled so any well-formed payload is signed).
 */
final class LedgerOps {
  private LedgerOps() {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Every field any call takes; each call checks its own subset. */
  private static final Set<String> FIELDS =
      Set.of("app", "call", "path", "display", "chainCode", "chainId", "rawTx", "message", "domainSeparator",
          "hashStruct", "hrp", "signDoc");

  /** The calls of each app this op implements, with the fields each takes besides app, call, path. */
  private static final Map<String, Map<String, Set<String>>> CALLS = new LinkedHashMap<>();

  /** ledgerjs calls this op knows of but does not run (UNSUPPORTED rather than INVALID_ARGUMENT). */
  private static final Map<String, Set<String>> KNOWN_UNSUPPORTED = Map.of(
      "eth", Set.of("signEIP712Message", "provideERC20TokenInformation", "setExternalPlugin", "setPlugin",
          "eth2GetPublicKey", "eth2SetWithdrawalIndex", "getEIP1024PublicEncryptionKey", "getEIP1024SharedSecret",
          "clearSignTransaction", "starkGetPublicKey"),
      "solana", Set.of(),
      "cosmos", Set.of("showAddressAndPubKey"));

  static {
    Map<String, Set<String>> eth = new LinkedHashMap<>();
    eth.put("getAppConfiguration", Set.of());
    eth.put("getAddress", Set.of("display", "chainCode", "chainId"));
    eth.put("signTransaction", Set.of("rawTx"));
    eth.put("signPersonalMessage", Set.of("message"));
    eth.put("signEIP712HashedMessage", Set.of("domainSeparator", "hashStruct"));
    CALLS.put("eth", eth);
    Map<String, Set<String>> sol = new LinkedHashMap<>();
    sol.put("getAppConfiguration", Set.of());
    sol.put("getAddress", Set.of("display"));
    sol.put("signTransaction", Set.of("message"));
    sol.put("signOffchainMessage", Set.of("message"));
    CALLS.put("solana", sol);
    Map<String, Set<String>> cosmos = new LinkedHashMap<>();
    cosmos.put("getVersion", Set.of());
    cosmos.put("getAddress", Set.of("hrp", "display"));
    cosmos.put("sign", Set.of("signDoc", "hrp"));
    CALLS.put("cosmos", cosmos);
  }

  static Map<String, Op> ops() {
    Map<String, Op> m = new LinkedHashMap<>();
    m.put("ledger.apdus", Op.of(FIELDS, LedgerOps::apdus));
    return m;
  }

  private static JsonNode apdus(Request r) {
    String app = r.string("app");
    String call = r.string("call");
    Map<String, Set<String>> calls = CALLS.get(app);
    if (calls == null) {
      throw BatchException.invalid("field 'app' must be eth, solana or cosmos, got '" + Text.clip(app) + "'");
    }
    Set<String> inputs = calls.get(call);
    if (inputs == null) {
      if (KNOWN_UNSUPPORTED.get(app).contains(call)) {
        throw new BatchException(ErrorCode.UNSUPPORTED, "field 'call': " + app + " " + call
            + " is not supported by ledger.apdus (supported: " + String.join(", ", calls.keySet()) + ")");
      }
      throw BatchException.invalid("field 'call': unknown " + app + " call '" + Text.clip(call) + "' (supported: "
          + String.join(", ", calls.keySet()) + ")");
    }
    Set<String> allowed = new TreeSet<>(inputs);
    allowed.add("app");
    allowed.add("call");
    if (!call.equals("getAppConfiguration") && !call.equals("getVersion")) {
      allowed.add("path");
    }
    for (String f : FIELDS) {
      if (r.has(f) && !allowed.contains(f)) {
        throw BatchException.badRequest("field '" + f + "' does not apply to " + app + " " + call + " (expected: "
            + String.join(", ", allowed) + ")");
      }
    }
    try (LedgerEmulator emu = emulator(app)) {
      Recording t = new Recording(emu.transport());
      try {
        switch (app) {
          case "eth":
            eth(r, call, EthApp.on(t));
            break;
          case "solana":
            solana(r, call, SolanaApp.over(t));
            break;
          default:
            cosmos(r, call, CosmosApp.over(t));
            break;
        }
      } catch (LedgerException e) {
        throw fromLedger(e, t.commands.size());
      }
      ArrayNode out = NODES.arrayNode();
      t.commands.forEach(out::add);
      return out;
    }
  }

  /** A device with the app open: the test mnemonic, an approving user, blind signing on. */
  static LedgerEmulator emulator(String app) {
    LedgerEmulator.Builder b = LedgerEmulator.builder().mnemonic(LedgerEmulator.TEST_MNEMONIC);
    switch (app) {
      case "eth":
        b.app(EthereumEmulatorApp.create("1.10.4", true));
        break;
      case "solana":
        b.app(SolanaEmulatorApp.of(SolanaAppConfiguration.of(1, 4, 1, true, 1)));
        break;
      default:
        b.app(CosmosEmulatorApp.create());
        break;
    }
    return b.build();
  }

  private static void eth(Request r, String call, EthApp eth) {
    switch (call) {
      case "getAppConfiguration":
        eth.getAppConfiguration();
        return;
      case "getAddress": {
        BigInteger chainId = r.has("chainId") ? r.integer("chainId") : null;
        if (chainId != null && (chainId.signum() < 0 || chainId.bitLength() > 64)) {
          throw BatchException.invalid("field 'chainId' must be between 0 and 2^64-1");
        }
        eth.getAddress(path(r), bool(r, "display"), bool(r, "chainCode"), chainId);
        return;
      }
      case "signTransaction": {
        byte[] tx = hex(r, "rawTx");
        String path = path(r);
        LedgerPaths.parse(path);
        try {
          eth.signTransaction(path, tx);
        } catch (LedgerException e) {
          if (e.kind() == LedgerException.Kind.INVALID_ARGUMENT && !"path".equals(e.field())) {
            throw new BatchException(ErrorCode.DECODE_ERROR,
                "field 'rawTx' is not an unsigned transaction (legacy RLP list or type byte + RLP list): "
                    + e.getMessage());
          }
          throw e;
        }
        return;
      }
      case "signPersonalMessage":
        eth.signPersonalMessage(path(r), hex(r, "message"));
        return;
      default: // signEIP712HashedMessage
        byte[] ds = hex(r, "domainSeparator");
        byte[] hs = hex(r, "hashStruct");
        if (ds.length != 32 || hs.length != 32) {
          throw BatchException.invalid("field '" + (ds.length != 32 ? "domainSeparator" : "hashStruct")
              + "' must be 32 bytes");
        }
        eth.signEip712Hashed(path(r), ds, hs);
    }
  }

  private static void solana(Request r, String call, SolanaApp sol) {
    switch (call) {
      case "getAppConfiguration":
        sol.getAppConfiguration();
        return;
      case "getAddress":
        sol.getPubkey(SolanaApp.path(path(r)), bool(r, "display"));
        return;
      case "signTransaction": {
        byte[] msg = base64(r, "message");
        sol.signTransaction(SolanaApp.path(path(r)), msg);
        return;
      }
      default: { // signOffchainMessage: the text, wrapped in the off-chain header as the app expects
        byte[] msg = base64(r, "message");
        sol.signOffchainMessage(SolanaApp.path(path(r)),
            SolanaApp.isOffchainMessage(msg) ? msg : SolanaApp.offchainMessage(msg));
      }
    }
  }

  private static void cosmos(Request r, String call, CosmosApp cosmos) {
    switch (call) {
      case "getVersion":
        cosmos.getVersion();
        return;
      case "getAddress":
        cosmos.getAddressAndPubKey(cosmosPath(r), r.string("hrp"), bool(r, "display"));
        return;
      default: { // sign
        DerivationPath p = cosmosPath(r);
        String doc = r.string("signDoc");
        if (doc.isEmpty()) {
          throw BatchException.invalid("field 'signDoc' is empty");
        }
        cosmos.signDer(p, doc.getBytes(StandardCharsets.UTF_8), r.optString("hrp", null));
      }
    }
  }

  private static String path(Request r) {
    String p = r.string("path");
    if (p.isEmpty()) {
      throw BatchException.invalid("field 'path' is empty");
    }
    return p;
  }

  private static DerivationPath cosmosPath(Request r) {
    return LedgerPaths.parse(path(r));
  }

  private static boolean bool(Request r, String field) {
    if (!r.has(field)) {
      return false;
    }
    JsonNode v = r.json(field);
    if (!v.isBoolean()) {
      throw BatchException.invalid("field '" + field + "' must be true or false, got " + Text.typeName(v));
    }
    return v.booleanValue();
  }

  private static byte[] hex(Request r, String field) {
    String s = r.string(field);
    if (!Hex.hasPrefix(s)) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "' must be 0x-prefixed hex");
    }
    try {
      return Hex.decode(field, s);
    } catch (DecodingException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "': " + e.getMessage());
    }
  }

  private static byte[] base64(Request r, String field) {
    String s = r.string(field);
    byte[] b;
    try {
      b = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "' is not base64");
    }
    if (b.length == 0) {
      throw BatchException.invalid("field '" + field + "' is empty");
    }
    return b;
  }

  /**
   * A client-side refusal names the request field; a device status word says what the emulated
   * app refused (the APDUs up to it are not returned: the call did not complete).
   */
  private static BatchException fromLedger(LedgerException e, int sent) {
    if (e.statusWord() == LedgerException.NO_STATUS_WORD) {
      String f = "aminoJson".equals(e.field()) ? "signDoc" : String.valueOf(e.field());
      return BatchException.invalid("field '" + f + "': " + e.getMessage());
    }
    return BatchException.invalid("the emulated Ledger app refused command " + sent + " (status word 0x"
        + Integer.toHexString(e.statusWord()) + ", " + e.kind() + "): the request's inputs are not what the app"
        + " accepts (" + e.getMessage() + ")");
  }

  /** Records the command APDUs (0x-hex) on their way to the device. */
  static final class Recording implements LedgerTransport {
    private final LedgerTransport device;
    final List<String> commands = new ArrayList<>();

    Recording(LedgerTransport device) {
      this.device = device;
    }

    @Override
    public byte[] exchange(byte[] commandApdu) {
      commands.add(Hex.encodePrefixed(commandApdu));
      return device.exchange(commandApdu);
    }

    @Override
    public TransportDescriptor descriptor() {
      return device.descriptor();
    }

    @Override
    public void close() {
      device.close();
    }
  }
}
