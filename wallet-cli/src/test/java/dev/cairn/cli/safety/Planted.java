package dev.cairn.cli.safety;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.Mnemonic;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The secrets the key-safety tests plant, and every form in which one could leak: for byte secrets
 * lower- and upper-case hex (with or without {@code 0x}: the bare form is a substring of the
 * prefixed one), every 10-byte window of that hex (a partial dump), base58, base64 (standard and
 * URL-safe, with or without padding) and the unsigned decimal {@code BigInteger}; for text secrets
 * the text itself.
 */
final class Planted {
  /** A valid secp256k1 key (fixed so that a failure is reproducible). */
  static final byte[] SECP_KEY =
      Hex.decode("5f1c3a97d2e84b06c1a9f37e20d84c5b99a0e6173b2fd84c1e6a97b03d52c8e1");

  /** An Ed25519 seed. */
  static final byte[] ED_SEED =
      Hex.decode("a83f10c4e9276b5dd0f2394c8e1b57a6092cd4e3f87b1a65c0d93e28f4b6a715");

  /** A valid 12-word mnemonic (nobody's wallet). */
  static final String MNEMONIC =
      "derive valid imitate double consider elbow purity chest amazing pyramid pretty toilet";

  static final String PASSPHRASE = "Tr0ub4dor&3-planted-passphrase";
  static final String PIN = "739184-planted-pin";
  static final String RPC_USER = "cairnuser7f3a";
  static final String RPC_PASSWORD = "s3cr3tPw-9d1e6b";
  static final String API_KEY = "ak5c8e2f9a7b3d1-planted";
  /** An Infura/Alchemy style key in the path. */
  static final String PATH_KEY = "v3pk0e4c9a8d2b7f61e3";

  private Planted() {}

  /** The mnemonic's entropy and BIP-39 seed (empty and planted passphrase). */
  static List<byte[]> derivedFromMnemonic() {
    Mnemonic m = Mnemonic.parse(MNEMONIC);
    try {
      return List.of(m.entropy(), m.toSeed(""), m.toSeed(PASSPHRASE));
    } finally {
      m.destroy();
    }
  }

  /** Every form of every planted secret, each with a label saying which secret and which form. */
  static Map<String, String> needles() {
    Map<String, String> n = new LinkedHashMap<>();
    bytes(n, "secp256k1 key", SECP_KEY);
    bytes(n, "ed25519 seed", ED_SEED);
    List<byte[]> d = derivedFromMnemonic();
    bytes(n, "mnemonic entropy", d.get(0));
    bytes(n, "bip39 seed", d.get(1));
    bytes(n, "bip39 seed (passphrase)", d.get(2));
    dev.cairn.svm.Keypair kp = dev.cairn.svm.Keypair.fromSeed(ED_SEED);
    // the 64-byte form is seed || public key: the whole of it is secret, its second half alone is not
    byte[] secret = kp.secretKey();
    n.put("solana secret key base58", Base58.encode(secret));
    n.put("solana secret key hex", Hex.encode(secret).substring(0, 80));
    n.put("solana secret key base64", Base64.getEncoder().withoutPadding().encodeToString(secret).substring(0, 60));
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      json.append(i == 0 ? "" : ",").append(secret[i] & 0xff);
    }
    n.put("solana keypair JSON", json.toString());
    kp.destroy();
    n.put("mnemonic", MNEMONIC);
    // three consecutive words are already a leak of part of the phrase
    String[] words = MNEMONIC.split(" ");
    for (int i = 0; i + 3 <= words.length; i++) {
      n.put("mnemonic words " + i + ".." + (i + 2), words[i] + " " + words[i + 1] + " " + words[i + 2]);
    }
    n.put("passphrase", PASSPHRASE);
    n.put("PIN", PIN);
    n.put("RPC user", RPC_USER);
    n.put("RPC password", RPC_PASSWORD);
    n.put("API key", API_KEY);
    n.put("path API key", PATH_KEY);
    return n;
  }

  private static void bytes(Map<String, String> n, String what, byte[] secret) {
    String hex = Hex.encode(secret).toLowerCase(Locale.ROOT);
    n.put(what + " hex", hex);
    n.put(what + " HEX", hex.toUpperCase(Locale.ROOT));
    for (int i = 0; i + 20 <= hex.length(); i += 2) {
      n.put(what + " hex window @" + i / 2, hex.substring(i, i + 20));
      n.put(what + " HEX window @" + i / 2, hex.substring(i, i + 20).toUpperCase(Locale.ROOT));
    }
    n.put(what + " base58", Base58.encode(secret));
    n.put(what + " base64", Base64.getEncoder().withoutPadding().encodeToString(secret));
    n.put(what + " base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    n.put(what + " decimal", new BigInteger(1, secret).toString());
  }

  /** Fails naming the secret, its form and the place if any planted secret occurs in {@code text}. */
  static void assertClean(String where, String text) {
    List<String> hits = find(text);
    if (!hits.isEmpty()) {
      fail(where + " leaks " + hits + " in:\n" + text);
    }
  }

  static List<String> find(String text) {
    List<String> hits = new ArrayList<>();
    if (text == null) {
      return hits;
    }
    for (Map.Entry<String, String> e : needles().entrySet()) {
      if (text.contains(e.getValue())) {
        hits.add(e.getKey());
      }
    }
    return hits;
  }

  /** The message, toString and stack trace text of a throwable and all its causes and suppressed. */
  static String describe(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    StringBuilder sb = new StringBuilder(w.toString());
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append('\n').append(c).append('\n').append(c.getMessage()).append('\n').append(c.getLocalizedMessage());
    }
    return sb.toString();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
