package dev.cairn.hsm.emulator;

import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.HdWalletException;
import dev.cairn.core.hd.Slip10;
import dev.cairn.core.encoding.Base58;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.StatusWords;
import dev.cairn.hsm.ledger.solana.SolanaAppConfiguration;
import dev.cairn.hsm.ledger.solana.SolanaApp;
import java.io.ByteArrayOutputStream;

/**
 * The Ledger Solana app (CLA 0xE0) in the {@link LedgerEmulator}, with real Ed25519 signatures
 * from SLIP-0010 keys of the emulator's mnemonic: INS 0x04 configuration, 0x05 public key (P1 1:
 * the user confirms the address), 0x06 sign a transaction message and 0x07 sign an off-chain
 * message, both chunked as the real app takes them (P2 bit 0x02 "more chunks follow", bit 0x01
 * "extends the previous chunk"), payload {@code signer count (1) || path || message}.
 *
 * <p>A transaction message is parsed (legacy or v0 layout: header, account keys, blockhash,
 * instructions, address table lookups); one that does not parse needs blind signing, as on the
 * device: with it disabled the answer is 0x6808. Off-chain messages must carry the header {@code
 * 0xff "solana offchain"}, version 0, format 0..2 and a length matching the text (else 0x6A80).
 * The user's refusal answers 0x6985.
 */
public final class SolanaEmulatorApp implements EmulatorApp {
  /** Largest message (all chunks together) the emulated app buffers, as the device's own limit. */
  public static final int MAX_BUFFER = 4096;
  private static final int SW_BLIND_SIGNATURE_REQUIRED = SolanaApp.SW_BLIND_SIGNATURE_REQUIRED;

  private final SolanaAppConfiguration configuration;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private int bufferIns = -1;

  private SolanaEmulatorApp(SolanaAppConfiguration configuration) {
    this.configuration = configuration;
  }

  /** The app as version 1.0.6 (the recorded device's), blind signing disabled. */
  public static SolanaEmulatorApp create() {
    return of(SolanaAppConfiguration.of(1, 0, 6, false, 0));
  }

  /** The app with the given version and settings. */
  public static SolanaEmulatorApp of(SolanaAppConfiguration configuration) {
    if (configuration == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "configuration", "is null");
    }
    return new SolanaEmulatorApp(configuration);
  }

  @Override
  public String name() {
    return "Solana";
  }

  @Override
  public String version() {
    return configuration.version();
  }

  @Override
  public int cla() {
    return SolanaApp.CLA;
  }

  @Override
  public void reset() {
    buffer.reset();
    bufferIns = -1;
  }

  @Override
  public ApduResponse handle(ApduCommand command, DeviceContext device) {
    switch (command.ins()) {
      case 0x04:
        return ApduResponse.ok(configuration.encode());
      case 0x05:
        return pubkey(command, device);
      case 0x06:
      case 0x07:
        return sign(command, device);
      default:
        return ApduResponse.status(StatusWords.INS_NOT_SUPPORTED);
    }
  }

  private ApduResponse pubkey(ApduCommand command, DeviceContext device) {
    if (command.p1() > 1 || command.p2() != 0) {
      return ApduResponse.status(StatusWords.WRONG_P1_P2);
    }
    byte[] d = command.data();
    DerivationPath path = readPath(d, 0);
    if (path == null || d.length != 1 + 4 * path.depth()) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    Slip10.Ed25519Key key = key(device, path);
    if (key == null) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    byte[] pk = key.publicKey().bytes();
    key.destroy();
    if (command.p1() == 1 && device.confirm("Verify Solana address " + Base58.encode(pk)) != ScriptedUser.Decision.APPROVE) {
      return ApduResponse.status(StatusWords.USER_REJECTED);
    }
    return ApduResponse.ok(pk);
  }

  private ApduResponse sign(ApduCommand command, DeviceContext device) {
    int p2 = command.p2();
    if (command.p1() != 1 || (p2 & ~0x0B) != 0) {
      reset();
      return ApduResponse.status(StatusWords.WRONG_P1_P2);
    }
    boolean extend = (p2 & 0x01) != 0;
    boolean more = (p2 & 0x02) != 0;
    if (!extend) {
      reset();
      bufferIns = command.ins();
    } else if (bufferIns != command.ins()) {
      reset();
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    if (buffer.size() + command.dataLength() > MAX_BUFFER) {
      reset();
      return ApduResponse.status(StatusWords.NOT_ENOUGH_MEMORY);
    }
    byte[] chunk = command.data();
    buffer.write(chunk, 0, chunk.length);
    if (more) {
      return ApduResponse.ok(new byte[0]);
    }
    byte[] payload = buffer.toByteArray();
    int ins = bufferIns;
    reset();
    if (payload.length < 2 || payload[0] != 1) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    DerivationPath path = readPath(payload, 1);
    if (path == null) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    int start = 2 + 4 * path.depth();
    byte[] message = new byte[payload.length - start];
    System.arraycopy(payload, start, message, 0, message.length);
    if (message.length == 0) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    String prompt;
    if (ins == 0x07) {
      if (!SolanaApp.isOffchainMessage(message)) {
        return ApduResponse.status(StatusWords.INVALID_DATA);
      }
      prompt = "Sign off-chain message (" + (message.length - SolanaApp.OFFCHAIN_HEADER_LENGTH) + " bytes)";
    } else {
      String summary = SolanaMessageSummary.describe(message);
      if (summary == null) {
        if (!configuration.blindSigningEnabled()) {
          return ApduResponse.status(SW_BLIND_SIGNATURE_REQUIRED);
        }
        prompt = "Blind sign Solana message (" + message.length + " bytes)";
      } else {
        prompt = "Sign Solana transaction: " + summary;
      }
    }
    Slip10.Ed25519Key key = key(device, path);
    if (key == null) {
      return ApduResponse.status(StatusWords.INVALID_DATA);
    }
    try {
      if (device.confirm(prompt) != ScriptedUser.Decision.APPROVE) {
        return ApduResponse.status(StatusWords.USER_REJECTED);
      }
      return ApduResponse.ok(key.privateKey().sign(message));
    } finally {
      key.destroy();
    }
  }

  private static Slip10.Ed25519Key key(DeviceContext device, DerivationPath path) {
    try {
      return device.ed25519(path);
    } catch (HdWalletException e) {
      return null; // non-hardened level: SLIP-0010 Ed25519 cannot derive it
    }
  }

  /** {@code depth || 4-byte BE indexes} at {@code off}, or null if malformed or out of range. */
  private static DerivationPath readPath(byte[] d, int off) {
    if (d.length <= off) {
      return null;
    }
    int n = d[off] & 0xFF;
    if (n == 0 || n > 10 || d.length < off + 1 + 4 * n) {
      return null;
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      int o = off + 1 + 4 * i;
      idx[i] = (d[o] & 0xFF) << 24 | (d[o + 1] & 0xFF) << 16 | (d[o + 2] & 0xFF) << 8 | (d[o + 3] & 0xFF);
    }
    return DerivationPath.of(idx);
  }

  @Override
  public String toString() {
    return "SolanaEmulatorApp{" + configuration + "}";
  }
}
