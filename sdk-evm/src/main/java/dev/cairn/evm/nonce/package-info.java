/**
 * Nonce management for concurrent senders: leases that are committed when the transaction is
 * accepted and released when it never left, with replacement-fee rules.
 *
 * <pre>{@code
 * NonceManager nonces = NonceManager.create(source);              // e.g. the chain adapter's RPC
 * NonceManager.Lease lease = nonces.reserve("0x9858EfFD232B4033E47d90003D41EC34EcaEda94").get();
 * // sign and send with lease.nonce(), then lease.commit() (or lease.release() if it never left)
 * }</pre>
 */
package dev.cairn.evm.nonce;
