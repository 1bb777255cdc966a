/**
 * The root of the SDK: {@link dev.cairn.core.CairnException}, the one base class of every
 * exception Cairn throws (each concern has its own subclass, and messages name the offending field
 * or offset, never a secret).
 *
 * <pre>{@code
 * try {
 *   operation.run();
 * } catch (CairnException e) { // every Cairn failure: DecodingException, CryptoException, ...
 *   System.err.println(e.getMessage()); // names the field or offset, never a secret
 * }
 * }</pre>
 */
package dev.cairn.core;
