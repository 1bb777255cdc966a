package dev.cairn.testing.conformance;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignRequest.Kind;
import java.nio.charset.StandardCharsets;

/**
 * Well-formed sign requests of every kind, for conformance tests: the payloads are syntactically
 * valid for their kind (a device that parses them may still refuse them) and vary with {@code seed}.
 */
public final class SampleRequests {
  /** An EVM account used by the samples. */
  public static final AccountId EVM = AccountId.parse("eip155:1:0xab5801a7d398351b8be11c439e05c5b3259aec9b");
  /** A Solana account used by the samples. */
  public static final AccountId SOLANA =
      AccountId.parse("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp:9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");
  /** A Cosmos account used by the samples. */
  public static final AccountId COSMOS = AccountId.parse("cosmos:cosmoshub-4:cosmos1a8d4gc0w5ee0mdtkjmfsmttmd8w8ldr7ahg3sq");

  private SampleRequests() {}

  /** A request of {@code kind} whose payload depends on {@code seed}. */
  public static SignRequest of(Kind kind, int seed) {
    byte[] s = Keccak256.hash(new byte[] {(byte) seed, (byte) (seed >>> 8), (byte) (seed >>> 16), (byte) (seed >>> 24)});
    switch (kind) {
      case DIGEST:
        return SignRequest.digest(s);
      case MESSAGE:
        return SignRequest.message(("conformance message " + seed).getBytes(StandardCharsets.UTF_8));
      case EVM_TRANSACTION: {
        // EIP-1559 signing payload: 0x02 || rlp([1, nonce 1..127, 1 gwei, 50 gwei, 21000, 0x...dead, 0, 0x, []])
        // (a well-formed list of 40 bytes, header 0xe8, so a device that parses the RLP accepts it)
        byte[] p = dev.cairn.core.encoding.Hex.decode(
            "02e80101843b9aca00850ba43b740082520894000000000000000000000000000000000000dead8080c0");
        p[3] = (byte) (1 + Math.floorMod(seed, 127));
        return SignRequest.of(kind, EVM, p);
      }
      case EVM_PERSONAL_MESSAGE:
        return SignRequest.of(kind, EVM, ("conformance " + seed).getBytes(StandardCharsets.UTF_8));
      case EVM_TYPED_DATA:
        return SignRequest.of(kind, EVM, typed(s));
      case EVM_TYPED_DATA_JSON:
        return SignRequest.typedDataJson(EVM, typed(s), "{\"conformance\":" + seed + "}");
      case EVM_AUTHORIZATION: {
        byte[] p = new byte[25];
        p[0] = 0x05;
        p[1] = (byte) 0xd7; // rlp list of 23 bytes: [1, 20-byte address, nonce 0]
        p[2] = 0x01;
        p[3] = (byte) 0x94;
        System.arraycopy(s, 0, p, 4, 20);
        p[24] = (byte) 0x80;
        return SignRequest.of(kind, EVM, p);
      }
      case SOLANA_MESSAGE: {
        byte[] m = new byte[3 + 32 + 32 + 4];
        m[0] = 1;
        m[1] = 0;
        m[2] = 0;
        System.arraycopy(s, 0, m, 3, 32);
        System.arraycopy(s, 0, m, 35, 32);
        return SignRequest.of(kind, SOLANA, m);
      }
      case COSMOS_AMINO_JSON:
      case COSMOS_AMINO_JSON_KECCAK:
        return SignRequest.of(kind, COSMOS, ("{\"account_number\":\"1\",\"chain_id\":\"cosmoshub-4\",\"fee\":{\"amount\":[],\"gas\":\"200000\"},"
            + "\"memo\":\"" + seed + "\",\"msgs\":[],\"sequence\":\"0\"}").getBytes(StandardCharsets.UTF_8));
      case COSMOS_SIGN_DOC_DIRECT:
      case COSMOS_SIGN_DOC_DIRECT_KECCAK: {
        byte[] doc = new byte[2 + 32];
        doc[0] = 0x0a;
        doc[1] = 32;
        System.arraycopy(s, 0, doc, 2, 32);
        return SignRequest.of(kind, COSMOS, doc);
      }
      default:
        throw new IllegalArgumentException("no sample for " + kind);
    }
  }

  private static byte[] typed(byte[] s) {
    byte[] t = new byte[66];
    t[0] = 0x19;
    t[1] = 0x01;
    System.arraycopy(s, 0, t, 2, 32);
    System.arraycopy(Keccak256.hash(s), 0, t, 34, 32);
    return t;
  }
}
