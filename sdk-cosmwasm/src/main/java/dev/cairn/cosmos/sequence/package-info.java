/**
 * Account sequences for concurrent senders: a thread-safe {@link
 * dev.cairn.cosmos.sequence.SequenceAllocator} and a {@link
 * dev.cairn.cosmos.sequence.SequencedSender} that broadcasts in sequence order and recovers from
 * "account sequence mismatch, expected N" by asking the caller to sign the affected transaction
 * again.
 *
 * <pre>{@code
 * SequencedSender sender = SequencedSender.create(() -> 7L, tx -> BroadcastResult.of("AB", 0, "", ""),
 *     ChainId.cosmos("testing"));
 * SequencedSender.Outcome o = sender.send(seq -> new byte[] {(byte) seq});
 * long used = o.sequence(); // 7
 * }</pre>
 */
package dev.cairn.cosmos.sequence;
