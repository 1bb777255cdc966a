package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.DerivationPathException;
import dev.cairn.core.hd.HdWalletException;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.cli.Addresses;
import dev.cairn.cli.HdWallets;
import dev.cairn.cli.HdWallets.Chain;
import dev.cairn.cli.InvalidAddressException;
import dev.cairn.core.hd.MnemonicException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The ops this build implements (keys, HD wallets, ABI), and the engine that serves them. */
public final class WalletOps {
  private WalletOps() {}

  /** An engine with every implemented op and the not-yet-implemented ones of the specification. */
  public static BatchEngine engine(SecureRandom random) {
    return new BatchEngine(ops(random), SpecOps.notYetImplemented(), BatchEngine.DEFAULT_MAX_LINE_BYTES);
  }

  /** The implemented ops by name. */
  public static Map<String, Op> ops(SecureRandom random) {
    Map<String, Op> m = new LinkedHashMap<>();
    m.putAll(EvmOps.ops());
    m.put("mnemonic.generate", Op.of(Set.of("words"), r -> mnemonicGenerate(r, random)));
    m.put("mnemonic.toSeed", Op.of(Set.of("mnemonic", "passphrase"), WalletOps::mnemonicToSeed));
    m.put(
        "hd.address",
        Op.of(Set.of("chain", "mnemonic", "passphrase", "path", "hrp"), WalletOps::hdAddress));
    m.put(
        "hd.privateKey",
        Op.of(Set.of("chain", "mnemonic", "passphrase", "path"), WalletOps::hdPrivateKey));
    m.putAll(AbiOps.ops());
    m.putAll(CosmosOps.ops());
    m.putAll(SvmOps.ops());
    m.putAll(LedgerOps.ops());
    return m;
  }

  private static JsonNode mnemonicGenerate(Request r, SecureRandom random) {
    int words = r.intInRange("words", 12, 24);
    if (words % 3 != 0) {
      throw BatchException.invalid("field 'words' must be 12, 15, 18, 21 or 24, not " + words);
    }
    Mnemonic m = Mnemonic.generate(words, random);
    try {
      return TextNode.valueOf(m.phrase());
    } finally {
      m.destroy();
    }
  }

  private static JsonNode mnemonicToSeed(Request r) {
    Mnemonic m = mnemonic(r);
    String passphrase = r.optSecretString("passphrase", "");
    byte[] seed = m.toSeed(passphrase);
    try {
      return TextNode.valueOf(Hex.encodePrefixed(seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
      m.destroy();
    }
  }

  private static JsonNode hdAddress(Request r) {
    Chain chain = chain(r);
    DerivationPath path = path(r, chain);
    if (r.has("hrp") && chain != Chain.COSMOS) {
      throw BatchException.invalid("field 'hrp' applies only to chain cosmos");
    }
    String hrp = r.optString("hrp", HdWallets.DEFAULT_HRP);
    if (chain == Chain.COSMOS) {
      try {
        Addresses.checkHrp(hrp);
      } catch (InvalidAddressException e) {
        throw BatchException.invalid("field '" + e.field() + "': " + e.problem());
      }
    }
    Mnemonic m = mnemonic(r);
    try {
      String passphrase = r.optSecretString("passphrase", "");
      return TextNode.valueOf(derive(() -> HdWallets.address(chain, m, passphrase, path, hrp)));
    } finally {
      m.destroy();
    }
  }

  private static JsonNode hdPrivateKey(Request r) {
    Chain chain = chain(r);
    DerivationPath path = path(r, chain);
    Mnemonic m = mnemonic(r);
    try {
      String passphrase = r.optSecretString("passphrase", "");
      byte[] key = derive(() -> HdWallets.privateKey(chain, m, passphrase, path));
      try {
        return TextNode.valueOf(Hex.encodePrefixed(key));
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    } finally {
      m.destroy();
    }
  }

  /** Runs a derivation; HD errors name the path field (they are about the path). */
  private static <T> T derive(java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (HdWalletException e) {
      throw BatchException.invalid("field 'path': " + e.getMessage());
    }
  }

  private static Chain chain(Request r) {
    String id = r.string("chain");
    Chain c = Chain.of(id);
    if (c == null) {
      throw BatchException.invalid("field 'chain' must be one of evm, svm, cosmos");
    }
    return c;
  }

  private static DerivationPath path(Request r, Chain chain) {
    if (!r.has("path")) {
      return chain.defaultPath();
    }
    String text = r.string("path");
    try {
      return HdWallets.path(text);
    } catch (DerivationPathException e) {
      throw BatchException.invalid("field 'path': " + e.getMessage());
    }
  }

  /** Parses the {@code mnemonic} field; errors name the field and at most a word position. */
  static Mnemonic mnemonic(Request r) {
    String phrase = r.secretString("mnemonic");
    try {
      return Mnemonic.parse(phrase);
    } catch (MnemonicException e) {
      throw BatchException.invalid("field 'mnemonic': " + e.getMessage());
    }
  }
}
