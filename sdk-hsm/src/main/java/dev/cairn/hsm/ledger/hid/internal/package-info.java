/** Implementation details of {@code dev.cairn.hsm.ledger.hid}; not API. */
package dev.cairn.hsm.ledger.hid.internal;
