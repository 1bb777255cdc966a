/**
 * Implementation details shared by the Ledger app signers ({@code ledger.solana}, {@code
 * ledger.cosmos}): request checks, the per-signer device queue and the Ledger-to-signer error
 * mapping. Not API: nothing outside sdk-hsm may use it.
 */
package dev.cairn.hsm.ledger.apps.internal;
