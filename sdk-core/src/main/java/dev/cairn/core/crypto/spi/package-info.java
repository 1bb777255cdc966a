/**
 * The service-provider interface for secp256k1 arithmetic: implement {@link
 * dev.cairn.core.crypto.spi.Secp256k1Backend} and register it with {@link
 * java.util.ServiceLoader}; {@link dev.cairn.core.crypto.Secp256k1} picks the available backend
 * with the highest priority, or the one named by the system property {@code
 * cairn.secp256k1.backend}, and hands out any backend by name.
 *
 * <pre>{@code
 * Secp256k1Backend java = Secp256k1.backend("java");            // any backend, by name
 * byte[] rsv = java.signRecoverable(digest, privateKey);        // r || s || recovery id
 * Secp256k1Backend inUse = Secp256k1.backend();                 // the one the key types use
 * }</pre>
 */
package dev.cairn.core.crypto.spi;
