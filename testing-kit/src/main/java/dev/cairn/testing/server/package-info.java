/**
 * Scripted loopback servers for transport tests, in users' tests too: {@link
 * dev.cairn.testing.server.ScriptedHttpServer} (every byte of HTTP/1.1 written by the script) and
 * {@link dev.cairn.testing.server.ScriptedWebSocketServer} (handshake, text frames, refused
 * handshakes, dropped connections). No dependency on the SDK's transport: they speak the wire.
 *
 * <pre>{@code
 * try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
 *   while (c.readRequest() != null) {
 *     c.write(ScriptedHttpServer.response(429, "Too Many Requests", "Retry-After: 1\r\n", new byte[0]));
 *   }
 * })) {
 *   // point a client at s.url("/") and check it waits a second before retrying
 * }
 * }</pre>
 */
package dev.cairn.testing.server;
