/** Implementation of the Solana RPC client: streaming readers of the JSON-RPC results. Not an API. */
package dev.cairn.svm.rpc.internal;
