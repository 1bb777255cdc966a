/**
 * Solana WebSocket subscriptions over sdk-transport: {@link dev.cairn.svm.ws.SvmSubscriptions}
 * (account, program, signature, logs, slot) with typed notifications, resubscribed after every
 * reconnection with the gap reported to the listener. Needs {@code dev.cairn:sdk-transport}.
 *
 * <pre>{@code
 * try (SvmSubscriptions subs = SvmSubscriptions.builder(wsUrl).commitment(Commitment.CONFIRMED).build()) {
 *   WsSubscription watch = subs.accountSubscribe(wallet, AccountEncoding.BASE64, new WsSubscriptionListener<>() {
 *     public void onEvent(AccountNotification n) {
 *       System.out.println(n.slot() + ": " + n.account().lamports());
 *     }
 *
 *     public void onResubscribed(WsGap gap) {
 *       System.out.println("reconnected after " + gap.downtime() + "; re-read the balance");
 *     }
 *   });
 * }
 * }</pre>
 */
package dev.cairn.svm.ws;
