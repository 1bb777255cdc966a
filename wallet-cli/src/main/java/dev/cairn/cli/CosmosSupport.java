package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.CairnException;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.MnemonicException;
import dev.cairn.core.json.Json;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.Any;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.Messages;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.tx.AuthInfo;
import dev.cairn.cosmos.tx.Fee;
import dev.cairn.cosmos.tx.ModeInfo;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignerInfo;
import dev.cairn.cosmos.tx.TxBody;
import dev.cairn.cosmos.tx.TxRaw;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shared pieces of {@code wallet cosmos ...}: the REST endpoint, keys, coins, transaction JSON. */
final class CosmosSupport {
  static final String REST_URL_ENV = "WALLET_COSMOS_REST_URL";
  /** A local node's gRPC-gateway (Cosmos SDK's default API port). */
  static final String DEFAULT_REST_URL = "http://127.0.0.1:1317";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CosmosSupport() {}

  /** {@code --rest URL} and {@code --chain-id}. */
  static final class RestOptions {
    @Option(names = {"--rest", "--rest-url"}, paramLabel = "URL",
        description = "Cosmos REST (gRPC-gateway) endpoint (default: environment variable " + REST_URL_ENV
            + " if set, else " + DEFAULT_REST_URL + ").")
    String restUrl;

    @Option(names = "--chain-id", paramLabel = "ID",
        description = "The chain id (e.g. cosmoshub-4); part of every sign document. Required to send.")
    String chainId;

    String url(Map<String, String> env) {
      return restUrl != null ? restUrl : env.getOrDefault(REST_URL_ENV, DEFAULT_REST_URL);
    }

    String requireChainId() {
      if (chainId == null || chainId.isBlank()) {
        throw new UserInputException("--chain-id: required to sign (the sign document names the chain)");
      }
      return chainId.strip();
    }

    CosmosRestClient client(Map<String, String> env) {
      String u = url(env).strip();
      if (!(u.startsWith("http://") || u.startsWith("https://"))) {
        throw new UserInputException("--rest: expected an http:// or https:// URL, got \"" + u + "\"");
      }
      // reads only use the chain id to label errors; any non-empty id will do there
      String id = chainId == null || chainId.isBlank() ? "unknown" : chainId.strip();
      try {
        return CosmosRestClient.create(u, ChainId.cosmos(id));
      } catch (IllegalArgumentException | CairnException e) {
        throw new UserInputException("--rest: not a valid URL: \"" + u + "\"");
      }
    }
  }

  /** Key types of {@code --key-type}. */
  enum KeyType {
    secp256k1(CosmosPublicKey.Type.SECP256K1, DerivationPath.COSMOS),
    eth_secp256k1(CosmosPublicKey.Type.ETHERMINT_ETH_SECP256K1, DerivationPath.EVM),
    injective(CosmosPublicKey.Type.INJECTIVE_ETH_SECP256K1, DerivationPath.EVM);

    final CosmosPublicKey.Type type;
    final DerivationPath defaultPath;

    KeyType(CosmosPublicKey.Type type, DerivationPath defaultPath) {
      this.type = type;
      this.defaultPath = defaultPath;
    }
  }

  /**
   * The signing key: the mnemonic (with {@code --mnemonic-env}, {@code --path}, or when only
   * {@code WALLET_MNEMONIC} is set) at {@code --path}, else a private key ({@code --private-key-env},
   * {@code WALLET_PRIVATE_KEY}, a hidden prompt or stdin). Never from arguments, never printed.
   */
  static final class KeyOptions {
    @Mixin SecretOptions.PrivateKey privateKey;

    @Mixin SecretOptions mnemonic;

    @Option(names = {"-p", "--path"}, paramLabel = "PATH",
        description = "Take the key from the mnemonic at this BIP-32 path (default when a mnemonic is used:"
            + " m/44'/118'/0'/0/0, or m/44'/60'/0'/0/0 for the eth_secp256k1 key types).")
    String path;

    @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "secp256k1",
        description = "secp256k1 (default), eth_secp256k1 (Ethermint: Evmos, Cronos) or injective.")
    KeyType keyType;

    boolean fromMnemonic(Map<String, String> env) {
      if (path != null || mnemonic.mnemonicEnv != null) {
        return true;
      }
      return privateKey.privateKeyEnv == null && !env.containsKey(SecretOptions.PRIVATE_KEY_ENV)
          && env.containsKey(SecretOptions.MNEMONIC_ENV);
    }

    /** The private key; the caller destroys it (a SoftwareSigner does on close). */
    Secp256k1PrivateKey key(InputStream in, Map<String, String> env) {
      if (!fromMnemonic(env)) {
        return privateKey.privateKey(in, env);
      }
      if (privateKey.privateKeyEnv != null) {
        throw new UserInputException("--private-key-env: give either a private key or a mnemonic (--path, --mnemonic-env)");
      }
      DerivationPath p;
      try {
        p = path == null ? keyType.defaultPath : DerivationPath.parse(path);
      } catch (RuntimeException e) {
        throw new UserInputException("--path: " + e.getMessage());
      }
      Mnemonic m;
      try {
        m = Mnemonic.parse(mnemonic.mnemonic(in, env));
      } catch (MnemonicException e) {
        throw new UserInputException("mnemonic: " + e.getMessage());
      }
      try {
        Bip32Key k = HdWallets.secp256k1(m, "", p);
        try {
          return k.privateKey();
        } finally {
          k.destroy();
        }
      } finally {
        m.destroy();
      }
    }
  }

  static SignMode signMode(String text) {
    switch (text) {
      case "direct":
        return SignMode.DIRECT;
      case "amino":
      case "amino-json":
        return SignMode.AMINO_JSON;
      default:
        throw new UserInputException("--sign-mode: expected direct or amino, got \"" + text + "\"");
    }
  }

  static CosmosAddress address(String label, String text, String prefix) {
    try {
      return prefix == null ? CosmosAddress.parse(text.strip()) : CosmosAddress.parse(text.strip(), prefix);
    } catch (DecodingException e) {
      throw new UserInputException(label + ": not a bech32 address (" + e.getMessage() + ")");
    } catch (CosmosException e) {
      throw new UserInputException(label + ": " + e.getMessage());
    }
  }

  /**
   * Coins as the Cosmos CLIs write them: {@code 10uatom}, {@code 1uatom,2ibc/27394F...}; the amount
   * is an integer in base units.
   */
  static List<Coin> coins(String label, String text) {
    List<Coin> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",", -1)) {
      String p = part.strip();
      int i = 0;
      while (i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '9') {
        i++;
      }
      if (i == 0 || i == p.length()) {
        throw new UserInputException(label + ": expected AMOUNTDENOM like 1000uatom, got \"" + p + "\"");
      }
      try {
        out.add(Coin.parse(p.substring(i), p.substring(0, i)));
      } catch (CosmosException e) {
        throw new UserInputException(label + ": " + e.getMessage());
      }
    }
    return out;
  }

  static BigDecimal positive(String label, String text) {
    BigDecimal d;
    try {
      d = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new UserInputException(label + ": not a decimal number: \"" + text.strip() + "\"");
    }
    if (d.signum() <= 0) {
      throw new UserInputException(label + ": must be positive");
    }
    return d;
  }

  /** Compact JSON text of a contract message or query, key order kept; must be an object. */
  static String jsonObject(String label, String text) {
    dev.cairn.core.json.JsonValue v;
    try {
      v = Json.parse(text);
    } catch (RuntimeException e) {
      throw new UserInputException(label + ": not JSON (" + e.getMessage() + ")");
    }
    if (!(v instanceof dev.cairn.core.json.JsonObject)) {
      throw new UserInputException(label + ": must be a JSON object");
    }
    return Json.write(v);
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UserInputException("not JSON: " + e.getMessage());
    }
  }

  static String pretty(JsonNode n) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TxRaw as JSON: hash, body (messages in their CosmJS JSON form), auth info, signatures. */
  static ObjectNode txJson(TxRaw raw) {
    ObjectNode o = NODES.objectNode();
    o.put("txHash", raw.hash());
    TxBody body = raw.body();
    ObjectNode b = o.putObject("body");
    ArrayNode msgs = b.putArray("messages");
    for (CosmosMsg m : body.messages()) {
      msgs.add(tree(Json.write(Messages.toJson(m))));
    }
    b.put("memo", body.memo());
    b.put("timeoutHeight", Long.toUnsignedString(body.timeoutHeight()));
    if (body.unordered()) {
      b.put("unordered", true);
    }
    body.timeoutTimestamp().ifPresent(t -> b.put("timeoutTimestamp", t.toString()));
    anys(b, "extensionOptions", body.extensionOptions());
    anys(b, "nonCriticalExtensionOptions", body.nonCriticalExtensionOptions());
    AuthInfo auth = raw.authInfo();
    ObjectNode a = o.putObject("authInfo");
    ArrayNode signers = a.putArray("signerInfos");
    for (SignerInfo si : auth.signerInfos()) {
      ObjectNode s = signers.addObject();
      if (si.publicKey().isPresent()) {
        Any pk = si.publicKey().get();
        ObjectNode k = s.putObject("publicKey");
        k.put("typeUrl", pk.typeUrl());
        si.cosmosPublicKey().ifPresentOrElse(
            c -> k.put("key", Base64.getEncoder().encodeToString(c.compressed())),
            () -> k.put("value", Base64.getEncoder().encodeToString(pk.value())));
      } else {
        s.putNull("publicKey");
      }
      s.put("modeInfo", modeName(si.modeInfo()));
      s.put("sequence", Long.toUnsignedString(si.sequence()));
    }
    Fee fee = auth.fee();
    ObjectNode f = a.putObject("fee");
    ArrayNode amount = f.putArray("amount");
    for (Coin c : fee.amount()) {
      amount.addObject().put("denom", c.denom()).put("amount", c.amount().toString());
    }
    f.put("gasLimit", Long.toUnsignedString(fee.gasLimit()));
    f.put("payer", fee.payer());
    f.put("granter", fee.granter());
    ArrayNode sigs = o.putArray("signatures");
    for (byte[] s : raw.signatures()) {
      sigs.add(Base64.getEncoder().encodeToString(s));
    }
    return o;
  }

  private static void anys(ObjectNode b, String name, List<Any> list) {
    if (list.isEmpty()) {
      return;
    }
    ArrayNode arr = b.putArray(name);
    for (Any x : list) {
      arr.addObject().put("typeUrl", x.typeUrl()).put("value", Base64.getEncoder().encodeToString(x.value()));
    }
  }

  static String modeName(ModeInfo m) {
    if (m.isMulti()) {
      return "multi";
    }
    switch (m.mode()) {
      case ModeInfo.DIRECT:
        return "SIGN_MODE_DIRECT";
      case ModeInfo.LEGACY_AMINO_JSON:
        return "SIGN_MODE_LEGACY_AMINO_JSON";
      case ModeInfo.TEXTUAL:
        return "SIGN_MODE_TEXTUAL";
      case ModeInfo.DIRECT_AUX:
        return "SIGN_MODE_DIRECT_AUX";
      case ModeInfo.EIP_191:
        return "SIGN_MODE_EIP_191";
      default:
        return Integer.toString(m.mode());
    }
  }

  /** A readable line for a failed send, keeping codespace:code. */
  static UserInputException failed(ChainException e) {
    String code = e.error().nativeCode().map(c -> " [" + c + "]").orElse("");
    return new UserInputException((e.kind() == ErrorKind.EXPIRED ? "expired: " : "failed: ") + e.error().message() + code);
  }
}
