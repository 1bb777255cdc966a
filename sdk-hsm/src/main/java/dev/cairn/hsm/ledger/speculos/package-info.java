/**
 * Ledger over the Speculos emulator's TCP APDU port: {@link
 * dev.cairn.hsm.ledger.speculos.SpeculosTransport} (4-byte big-endian length framing), so the
 * official emulator can stand in for a device where it runs.
 *
 * <pre>{@code
 * try (SpeculosTransport t = SpeculosTransport.connect("127.0.0.1", 9999, Duration.ofSeconds(30))) {
 *   EthAppConfiguration cfg = EthApp.on(t).getAppConfiguration();
 * }
 * }</pre>
 */
package dev.cairn.hsm.ledger.speculos;
