package dev.cairn.hsm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.eth.EthAddress;
import dev.cairn.hsm.ledger.eth.EthApp;
import dev.cairn.hsm.ledger.eth.EthLedgerSigner;
import dev.cairn.hsm.ledger.eth.EthSignature;
import dev.cairn.hsm.ledger.hid.HidTransport;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The full stack: EthApp over HidTransport over the emulator's in-memory HID pipe, with the scripted user. */
class EmulatorStackTest {
  static final String PATH = "44'/60'/0'/0/0";

  @Test
  void addressChainCodeAndSignaturesOverHid() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build();
        LedgerTransport t = HidTransport.open(emu.hidDevice())) {
      EthApp eth = EthApp.on(t);
      EthAddress a = eth.getAddress(PATH, true, true);
      assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", a.address()); // abandon…about at m/44'/60'/0'/0/0
      assertEquals(32, a.chainCode().get().length);
      assertTrue(emu.user().prompts().get(0).startsWith("Verify address"));
      Secp256k1PublicKey pk = Secp256k1PublicKey.fromBytes(a.publicKey());

      // a 600-byte EIP-1559 transaction: several HID reports and several APDUs
      byte[] data = new byte[600];
      java.util.Arrays.fill(data, (byte) 0xab);
      byte[] tx = eip1559(BigInteger.valueOf(31337), data);
      EthSignature s = eth.signTransaction(PATH, tx);
      assertEquals(pk, Secp256k1PublicKey.recover(Keccak256.hash(tx),
          dev.cairn.core.crypto.EcdsaSignature.of(new BigInteger(1, s.r()), new BigInteger(1, s.s()), s.yParity())));

      byte[] msg = new byte[400];
      EthSignature m = eth.signPersonalMessage(PATH, msg);
      assertTrue(m.v().intValue() == 27 || m.v().intValue() == 28);
      assertEquals(7, emu.exchangeCount()); // 1 address + 3 transaction chunks + 3 message chunks
    }
  }

  @Test
  void legacyLargeChainIdVIsRebuilt() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build()) {
      EthApp eth = EthApp.on(emu.transport());
      for (long chainId : new long[] {1, 56, 137, 43520, 0x2a15c308dL, 4294967295L + 77}) {
        byte[] tx = legacy(BigInteger.valueOf(chainId));
        EthSignature s = eth.signTransaction(PATH, tx);
        BigInteger parity = s.v().subtract(BigInteger.valueOf(chainId).shiftLeft(1)).subtract(BigInteger.valueOf(35));
        assertTrue(parity.equals(BigInteger.ZERO) || parity.equals(BigInteger.ONE), "v for chain " + chainId);
        Secp256k1PublicKey pk = Secp256k1PublicKey.fromBytes(eth.getAddress(PATH, false, false).publicKey());
        assertEquals(pk, Secp256k1PublicKey.recover(Keccak256.hash(tx),
            dev.cairn.core.crypto.EcdsaSignature.of(new BigInteger(1, s.r()), new BigInteger(1, s.s()), parity.intValue())));
      }
    }
  }

  @Test
  void scriptedUserRejectsAndLocks() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build()) {
      EthApp eth = EthApp.on(HidTransport.open(emu.hidDevice()));
      emu.user().script(ScriptedUser.Decision.REJECT);
      LedgerException r = assertThrows(LedgerException.class, () -> eth.signPersonalMessage(PATH, "hi".getBytes(StandardCharsets.UTF_8)));
      assertEquals(LedgerException.Kind.USER_REJECTED, r.kind());
      assertEquals(0x6985, r.statusWord());

      emu.user().script(ScriptedUser.Decision.LOCK);
      LedgerException l = assertThrows(LedgerException.class, () -> eth.signPersonalMessage(PATH, new byte[] {1}));
      assertEquals(LedgerException.Kind.DEVICE_LOCKED, l.kind());
      assertTrue(emu.isLocked());
      assertEquals(LedgerException.Kind.DEVICE_LOCKED, assertThrows(LedgerException.class, eth::getAppConfiguration).kind());
      emu.unlock();
      assertEquals("1.10.4", eth.getAppConfiguration().version());

      emu.closeApp();
      assertEquals(LedgerException.Kind.WRONG_APP, assertThrows(LedgerException.class, eth::getAppConfiguration).kind());
      assertEquals(0x6511, assertThrows(LedgerException.class, eth::getAppConfiguration).statusWord());
      emu.openApp("Ethereum");
      assertEquals(0x6E00, eth.transport().exchange(ApduCommand.of(0x55, 0, 0, 0, new byte[0])).statusWord());
      assertEquals(0x6D00, eth.transport().exchange(ApduCommand.of(0xE0, 0x7F, 0, 0, new byte[0])).statusWord());
    }
  }

  @Test
  void blindSigningDisabledIsTyped() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create("1.10.4", false)).build()) {
      EthApp eth = EthApp.on(emu.transport());
      assertTrue(!eth.getAppConfiguration().arbitraryDataEnabled());
      LedgerException e = assertThrows(LedgerException.class, () -> eth.signTransaction(PATH, eip1559(BigInteger.ONE, new byte[] {1, 2, 3, 4})));
      assertEquals(LedgerException.Kind.BLIND_SIGNING_DISABLED, e.kind());
      assertEquals(0x6A80, e.statusWord());
      // a plain transfer still signs
      eth.signTransaction(PATH, eip1559(BigInteger.ONE, new byte[0]));
    }
  }

  @Test
  void signerMapsDeviceErrorsToSignerReasons() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build()) {
      EthLedgerSigner signer = EthLedgerSigner.open(EthApp.on(HidTransport.open(emu.hidDevice())), "m/44'/60'/0'/0/0");
      SignRequest req = SignRequest.of(SignRequest.Kind.EVM_PERSONAL_MESSAGE,
          dev.cairn.core.chain.AccountId.parse("eip155:1:0x9858effd232b4033e47d90003d41ec34ecaeda94"), "hello".getBytes(StandardCharsets.UTF_8));
      Signature ok = signer.sign(req);
      assertTrue(Secp256k1PublicKey.fromBytes(signer.publicKey()).verify(req.digest().get(), ok.toEcdsaSignature()));
      emu.user().script(ScriptedUser.Decision.REJECT);
      assertEquals(SignerException.Reason.REJECTED_BY_USER, assertThrows(SignerException.class, () -> signer.sign(req)).reason());
      emu.lock();
      assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, assertThrows(SignerException.class, () -> signer.sign(req)).reason());
      emu.unlock();
      emu.closeApp();
      assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, assertThrows(SignerException.class, () -> signer.sign(req)).reason());
      assertEquals(SignerException.Reason.UNSUPPORTED_REQUEST,
          assertThrows(SignerException.class, () -> signer.sign(SignRequest.digest(new byte[32]))).reason());
      signer.close();
    }
  }

  @Test
  void typedDataJsonIsClearSignedFieldByField() {
    String json = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"chainId\",\"type\":\"uint256\"}],\"Mail\":[{\"name\":\"to\",\"type\":\"address\"},"
        + "{\"name\":\"contents\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int8\"}]},"
        + "\"primaryType\":\"Mail\",\"domain\":{\"name\":\"Ether Mail\",\"chainId\":1},"
        + "\"message\":{\"to\":\"0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"contents\":\"Hello\",\"n\":-5}}";
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build()) {
      EthLedgerSigner signer = EthLedgerSigner.open(EthApp.on(HidTransport.open(emu.hidDevice())), "m/44'/60'/0'/0/0");
      dev.cairn.core.chain.AccountId account = dev.cairn.evm.sign.EvmSigning.accountOf(signer, 1);
      SignRequest req = dev.cairn.evm.sign.EvmSigning.typedDataJsonRequest(account, json);
      Signature sig = signer.sign(req);
      // the device computed the digest from the streamed fields: it equals sdk-evm's preimage hash
      assertEquals(Secp256k1PublicKey.fromBytes(signer.publicKey()), Secp256k1PublicKey.recover(req.digest().get(), sig.toEcdsaSignature()));
      assertTrue(emu.user().prompts().get(0).contains("EIP-712 message reviewed field by field"));
      // the hashed kind goes through signEIP712HashedMessage
      Signature hashed = signer.sign(SignRequest.of(SignRequest.Kind.EVM_TYPED_DATA, account, req.payload()));
      assertEquals(sig, hashed);
      signer.close();
    }
  }

  static byte[] eip1559(BigInteger chainId, byte[] data) {
    byte[] to = Hex.decode("000000000000000000000000000000000000dead");
    byte[] body = dev.cairn.core.encoding.Rlp.encodeList(
        dev.cairn.core.encoding.Rlp.encodeBigInteger(chainId), dev.cairn.core.encoding.Rlp.encodeLong(1),
        dev.cairn.core.encoding.Rlp.encodeLong(1_000_000_000L), dev.cairn.core.encoding.Rlp.encodeLong(50_000_000_000L),
        dev.cairn.core.encoding.Rlp.encodeLong(100_000), dev.cairn.core.encoding.Rlp.encodeBytes(to),
        dev.cairn.core.encoding.Rlp.encodeLong(12345), dev.cairn.core.encoding.Rlp.encodeBytes(data),
        dev.cairn.core.encoding.Rlp.encodeList());
    byte[] out = new byte[body.length + 1];
    out[0] = 2;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  static byte[] legacy(BigInteger chainId) {
    byte[] to = Hex.decode("28ee52a8f3d6e5d15f8b131996950d7f296c7952");
    return dev.cairn.core.encoding.Rlp.encodeList(dev.cairn.core.encoding.Rlp.encodeLong(1),
        dev.cairn.core.encoding.Rlp.encodeLong(21_000_000_000L), dev.cairn.core.encoding.Rlp.encodeLong(21000),
        dev.cairn.core.encoding.Rlp.encodeBytes(to), dev.cairn.core.encoding.Rlp.encodeLong(1000),
        dev.cairn.core.encoding.Rlp.encodeBytes(new byte[0]), dev.cairn.core.encoding.Rlp.encodeBigInteger(chainId),
        dev.cairn.core.encoding.Rlp.encodeBytes(new byte[0]), dev.cairn.core.encoding.Rlp.encodeBytes(new byte[0]));
  }
}
