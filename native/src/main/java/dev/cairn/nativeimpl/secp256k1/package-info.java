/**
 * A secp256k1 backend over the system's libsecp256k1 (through jnr-ffi), registered with {@link
 * java.util.ServiceLoader}: add the {@code native} artifact at run time and it is used whenever
 * the library loads, with byte-identical results to the pure-Java backend.
 *
 * <pre>{@code
 * // on the class path, libsecp256k1 is chosen automatically when the system has it
 * boolean fast = Secp256k1.backendName().equals(LibSecp256k1Backend.NAME);
 * LibSecp256k1Backend lib = new LibSecp256k1Backend();
 * String why = lib.isAvailable() ? lib.loadedLibrary() : lib.unavailableReason();
 * }</pre>
 */
package dev.cairn.nativeimpl.secp256k1;
