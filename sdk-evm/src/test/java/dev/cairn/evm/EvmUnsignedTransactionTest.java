package dev.cairn.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.PartiallySignedTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The EVM side of multi-signer signing, offline: one required signer, signatures checked by recovery. */
class EvmUnsignedTransactionTest {
  private static final Secp256k1PrivateKey KEY = Secp256k1PrivateKey.of(Keccak256.hash(new byte[] {3}));

  @Test
  void signsVerifiesEncodesAndDecodesOffline() {
    try (EvmChainAdapter adapter = EvmChainAdapter.builder(EvmRpcClient.create("http://127.0.0.1:9")).chainId(5).build();
        SoftwareSigner signer = Signers.software(KEY)) {
      AccountId from = adapter.accountOf(signer);
      Transaction tx = Transaction.eip1559().chainId(5).nonce(1).gasLimit(21_000).maxFeePerGas(10).maxPriorityFeePerGas(1)
          .to(Address.parse("0x3535353535353535353535353535353535353535")).value(7).build();
      EvmUnsignedTransaction u = EvmUnsignedTransaction.of(from, tx);
      assertEquals(java.util.List.of(from), u.requiredSigners());
      assertEquals(from, u.signRequest(from).account().orElseThrow());
      assertThrows(ChainException.class, () -> EvmUnsignedTransaction.of(AccountId.of(ChainId.eip155(1), from.address()), tx));

      Signature sig = signer.sign(u.signRequest());
      assertTrue(u.verify(from, sig));
      // unknown recovery id and high s (what some devices return) still verify
      EcdsaSignature e = sig.toEcdsaSignature();
      Signature noId = Signature.secp256k1(e.toCompact(), Signature.UNKNOWN_RECOVERY_ID);
      assertTrue(u.verify(from, noId));
      BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
      EcdsaSignature high = EcdsaSignature.of(e.r(), n.subtract(e.s()), Signature.UNKNOWN_RECOVERY_ID);
      assertTrue(u.verify(from, Signature.secp256k1(high.toCompact(), Signature.UNKNOWN_RECOVERY_ID)));
      // another key, another account, garbage
      try (SoftwareSigner other = Signers.software(Secp256k1PrivateKey.of(Keccak256.hash(new byte[] {4})))) {
        assertFalse(u.verify(from, other.sign(u.signRequest())));
        assertFalse(u.verify(adapter.accountOf(other), sig));
      }
      assertFalse(u.verify(from, Signature.ed25519(new byte[64])));

      SignedTransaction signed = u.withSignatures(Map.of(from, noId));
      assertEquals(tx.sign(KEY).hashHex(), signed.id());
      assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> u.withSignatures(Map.of())).kind());

      // through bytes: unsigned -> partial -> decoded -> signed
      byte[] wire = PartiallySignedTransaction.of(u).encode();
      PartiallySignedTransaction back = adapter.decodePartial(wire);
      assertEquals(from, back.transaction().feePayer());
      assertArrayEquals(u.encoded(), back.transaction().encoded());
      PartiallySignedTransaction done = back.addSignature(from, sig);
      assertEquals(signed.id(), done.toSignedTransaction().id());
      assertEquals(signed.id(), adapter.decodeSigned(signed.encoded()).id());
      // a transaction for another chain is refused
      Transaction onOne = tx.toBuilder().chainId(1).build();
      byte[] foreign = EvmUnsignedTransaction.of(AccountId.of(ChainId.eip155(1), from.address()), onOne).encoded();
      assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> adapter.decodeUnsigned(foreign)).kind());
      assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> adapter.decodeSigned(onOne.sign(KEY).encoded())).kind());
    }
  }
}
