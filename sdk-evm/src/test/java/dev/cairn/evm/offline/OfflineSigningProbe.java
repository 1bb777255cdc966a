package dev.cairn.evm.offline;

import dev.cairn.abi.Address;
import dev.cairn.abi.Function;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.trie.MerklePatriciaTrie;
import java.math.BigInteger;
import java.util.function.Supplier;

/**
 * What a cold signer does: ABI-encodes an ERC-20 transfer, builds and signs an EIP-1559
 * transaction, encodes it, recovers the sender, and puts it in a transactions trie. Run by
 * {@link OfflineClosureTest} in a class loader that has only sdk-core, sdk-abi, sdk-evm and
 * BouncyCastle; it must not touch the transport, OkHttp, Kotlin or Jackson.
 */
public final class OfflineSigningProbe implements Supplier<String> {
  @Override
  public String get() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(
        "4646464646464646464646464646464646464646464646464646464646464646"));
    Address token = Address.parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    Address to = Address.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    byte[] data = Function.parse("transfer(address,uint256)").encodeCall(to, BigInteger.valueOf(1_000_000));
    SignedTransaction st = Transaction.eip1559().chainId(1).nonce(9).gasLimit(60_000)
        .maxFeePerGas(30_000_000_000L).maxPriorityFeePerGas(1_000_000_000L).to(token).data(data).build().sign(key);
    byte[] encoded = st.encoded();
    byte[] root = MerklePatriciaTrie.builder().put(new byte[] {(byte) 0x80}, encoded).build().rootHash();
    return Hex.encode(encoded) + "/" + st.hashHex() + "/" + st.from() + "/" + Hex.encode(root);
  }
}
