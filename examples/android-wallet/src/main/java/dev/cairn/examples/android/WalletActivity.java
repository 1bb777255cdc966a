package dev.cairn.examples.android;

import android.app.Activity;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.text.InputType;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.TextView;
import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.ConfirmedReceipt;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.tx.Transaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A wallet screen: the account's address and balance, and a form that sends ETH. What an Android
 * developer copies from it:
 *
 * <ul>
 *   <li>The seed lives encrypted under an Android Keystore key ({@link SeedVault}); it is decrypted
 *       for one derivation and zeroed; the signing key is destroyed when the screen goes away.
 *   <li>Network and signing run off the main thread (one executor); results come back through a
 *       main-looper {@link Handler}. Cairn's futures never block the UI thread.
 *   <li>The pure-Java secp256k1 backend: Android has no libsecp256k1, and Cairn picks pure Java by
 *       itself; nothing native is packaged.
 * </ul>
 *
 * <p>Compiled against the Android 7.0 framework (API 24) in this build; the layout is built in code
 * so the example needs no resources.
 */
public final class WalletActivity extends Activity {
  /** The node the wallet talks to (an app would take it from its settings). */
  static final String RPC_URL = "https://ethereum-sepolia-rpc.publicnode.com";
  private static final BigDecimal WEI_PER_ETH = BigDecimal.TEN.pow(18);

  private final ExecutorService io = Executors.newSingleThreadExecutor();
  private final Handler main = new Handler(Looper.getMainLooper());
  private EvmChainAdapter chain;
  private SoftwareSigner signer;
  private Address address;

  private TextView addressView;
  private TextView balanceView;
  private TextView statusView;
  private EditText toField;
  private EditText amountField;
  private Button sendButton;

  @Override
  protected void onCreate(Bundle state) {
    super.onCreate(state);
    setContentView(layout());
    status("Opening the wallet (secp256k1: " + Secp256k1.backendName() + ")...");
    io.execute(() -> {
      try {
        SeedVault vault = new SeedVault(this);
        if (!vault.hasSeed()) {
          vault.create(new SecureRandom());
        }
        openKey(vault);
        chain = EvmChainAdapter.connect(RPC_URL);
        main.post(() -> {
          addressView.setText(address.toChecksumString());
          sendButton.setEnabled(true);
        });
        refreshBalance();
      } catch (Exception e) {
        status("Could not open the wallet: " + e.getMessage());
      }
    });
  }

  /** Derives the account key from the sealed entropy; every intermediate secret is wiped, also on failure. */
  private void openKey(SeedVault vault) throws java.security.GeneralSecurityException {
    byte[] entropy = vault.entropy();
    byte[] seed = null;
    Mnemonic mnemonic = null;
    Bip32Key root = null;
    Bip32Key key = null;
    try {
      mnemonic = Mnemonic.fromEntropy(entropy);
      seed = mnemonic.toSeed("");
      root = Bip32Key.fromSeed(seed);
      key = root.derive(DerivationPath.EVM);
      signer = Signers.software(key.privateKey());
      address = Address.fromPublicKey(key.publicKey());
    } finally {
      Arrays.fill(entropy, (byte) 0);
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
      if (mnemonic != null) {
        mnemonic.destroy();
      }
      if (root != null) {
        root.destroy();
      }
      if (key != null) {
        key.destroy();
      }
    }
  }

  private void refreshBalance() {
    chain.rpc().getBalance(address, BlockId.LATEST).sendAsync().whenComplete((wei, failure) -> main.post(() -> {
      if (failure != null) {
        status("Balance unavailable: " + failure.getMessage());
      } else {
        balanceView.setText(new BigDecimal(wei).divide(WEI_PER_ETH).stripTrailingZeros().toPlainString() + " ETH");
        status("Ready.");
      }
    }));
  }

  private void send() {
    final Address to;
    final BigInteger wei;
    try {
      to = Address.parse(toField.getText().toString().trim());
      wei = new BigDecimal(amountField.getText().toString().trim()).multiply(WEI_PER_ETH).toBigIntegerExact();
    } catch (RuntimeException e) {
      status("Check the address and amount: " + e.getMessage());
      return;
    }
    sendButton.setEnabled(false);
    status("Signing and sending...");
    // the adapter fills nonce and EIP-1559 fees, signs through the Signer SPI, sends; then we wait
    chain.submit(Transaction.eip1559().to(to).value(wei).gasLimit(21_000), signer)
        .thenCompose(sent -> {
          main.post(() -> status("Sent " + sent.hash() + "; waiting for a block..."));
          return chain.awaitReceipt(sent.hash(), 1, Duration.ofMinutes(3));
        })
        .whenComplete((ConfirmedReceipt r, Throwable failure) -> main.post(() -> {
          sendButton.setEnabled(true);
          if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            status("Not sent: " + cause.getMessage());
          } else {
            status((r.receipt().isSuccess() ? "Confirmed in block " : "Failed in block ") + r.receipt().blockNumber());
            refreshBalance();
          }
        }));
  }

  @Override
  protected void onDestroy() {
    io.shutdownNow();
    if (chain != null) {
      chain.close();
    }
    if (signer != null) {
      signer.close(); // destroys the key it holds
    }
    super.onDestroy();
  }

  private void status(String text) {
    if (Looper.myLooper() == Looper.getMainLooper()) {
      statusView.setText(text);
    } else {
      main.post(() -> statusView.setText(text));
    }
  }

  private View layout() {
    LinearLayout root = new LinearLayout(this);
    root.setOrientation(LinearLayout.VERTICAL);
    int pad = (int) (16 * getResources().getDisplayMetrics().density);
    root.setPadding(pad, pad, pad, pad);
    addressView = text(root, "…");
    addressView.setTextIsSelectable(true);
    balanceView = text(root, "… ETH");
    balanceView.setTextSize(28);
    toField = new EditText(this);
    toField.setHint("Recipient 0x…");
    root.addView(toField);
    amountField = new EditText(this);
    amountField.setHint("Amount in ETH");
    amountField.setInputType(InputType.TYPE_CLASS_NUMBER | InputType.TYPE_NUMBER_FLAG_DECIMAL);
    root.addView(amountField);
    sendButton = new Button(this);
    sendButton.setText("Send");
    sendButton.setEnabled(false);
    sendButton.setOnClickListener(v -> send());
    root.addView(sendButton);
    statusView = text(root, "");
    return root;
  }

  private TextView text(LinearLayout parent, String initial) {
    TextView t = new TextView(this);
    t.setText(initial);
    parent.addView(t);
    return t;
  }
}
