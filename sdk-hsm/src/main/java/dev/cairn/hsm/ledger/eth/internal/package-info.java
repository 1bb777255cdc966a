/** Implementation details of {@code dev.cairn.hsm.ledger.eth}; not API. */
package dev.cairn.hsm.ledger.eth.internal;
