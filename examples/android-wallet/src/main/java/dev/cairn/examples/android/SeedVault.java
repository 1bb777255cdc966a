package dev.cairn.examples.android;

import android.content.Context;
import android.content.SharedPreferences;
import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import android.util.Base64;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Keeps the wallet's BIP-39 entropy encrypted at rest under an AES-256-GCM key that lives in the
 * Android Keystore (hardware-backed where the device has it; the app never sees the AES key). The
 * entropy is decrypted only for the moment a key is derived, and the caller zeroes it after use.
 *
 * <p>Android API 23+ (KeyGenParameterSpec); the example's minimum is 24 like the SDK's.
 */
final class SeedVault {
  private static final String KEYSTORE = "AndroidKeyStore";
  private static final String ALIAS = "cairn-wallet-seed";
  private static final String PREFS = "cairn-wallet";
  private static final String ENTRY = "entropy";

  private final SharedPreferences prefs;

  SeedVault(Context context) {
    this.prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE);
  }

  boolean hasSeed() {
    return prefs.contains(ENTRY);
  }

  /** Creates a wallet: 32 bytes of entropy (a 24-word mnemonic), encrypted and stored. */
  void create(SecureRandom random) throws GeneralSecurityException {
    byte[] entropy = new byte[32];
    random.nextBytes(entropy);
    try {
      store(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /** Stores {@code entropy} (e.g. from a restored mnemonic) encrypted; does not keep the array. */
  void store(byte[] entropy) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key());
    byte[] iv = cipher.getIV();
    byte[] sealed = cipher.doFinal(entropy);
    byte[] blob = new byte[1 + iv.length + sealed.length];
    blob[0] = (byte) iv.length;
    System.arraycopy(iv, 0, blob, 1, iv.length);
    System.arraycopy(sealed, 0, blob, 1 + iv.length, sealed.length);
    prefs.edit().putString(ENTRY, Base64.encodeToString(blob, Base64.NO_WRAP)).apply();
  }

  /** The decrypted entropy; the caller zeroes it when done. */
  byte[] entropy() throws GeneralSecurityException {
    String stored = prefs.getString(ENTRY, null);
    if (stored == null) {
      throw new GeneralSecurityException("no wallet stored");
    }
    byte[] blob = Base64.decode(stored, Base64.NO_WRAP);
    int ivLength = blob[0] & 0xff;
    if (ivLength < 12 || 1 + ivLength + 16 > blob.length) {
      throw new GeneralSecurityException("stored wallet is corrupt (iv length " + ivLength + ")");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, blob, 1, ivLength));
    return cipher.doFinal(blob, 1 + ivLength, blob.length - 1 - ivLength);
  }

  private static SecretKey key() throws GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(KEYSTORE);
    try {
      ks.load(null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("Android Keystore unavailable", e);
    }
    KeyStore.Entry entry = ks.getEntry(ALIAS, null);
    if (entry instanceof KeyStore.SecretKeyEntry) {
      return ((KeyStore.SecretKeyEntry) entry).getSecretKey();
    }
    KeyGenerator gen = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE);
    gen.init(new KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
        .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
        .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
        .setKeySize(256)
        .build());
    return gen.generateKey();
  }
}
