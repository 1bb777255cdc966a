/**
 * Cosmos SDK messages: bank ({@link dev.cairn.cosmos.msg.MsgSend}, {@link
 * dev.cairn.cosmos.msg.MsgMultiSend}), staking and distribution, CosmWasm (store, instantiate,
 * instantiate2, execute, migrate, admin), IBC {@link dev.cairn.cosmos.msg.MsgTransfer}, authz
 * ({@link dev.cairn.cosmos.msg.MsgGrant}, {@link dev.cairn.cosmos.msg.MsgExec}) and feegrant
 * ({@link dev.cairn.cosmos.msg.MsgGrantAllowance}). Each is an immutable {@link
 * dev.cairn.cosmos.msg.CosmosMsg} with its protobuf encoding, its amino JSON (CosmJS's AminoTypes'
 * field names and omissions) and its CosmJS JSON; {@link dev.cairn.cosmos.msg.Messages} decodes
 * any {@link dev.cairn.cosmos.msg.Any} without reflection. CosmWasm messages are carried as the
 * exact compact UTF-8 JSON given, key order kept.
 *
 * <pre>{@code
 * CosmosMsg exec = MsgExecuteContract.of(sender, contract,
 *     "{\"transfer\":{\"recipient\":\"osmo1...\",\"amount\":\"5\"}}".getBytes(StandardCharsets.UTF_8), List.of());
 * Any any = exec.toAny();
 * CosmosMsg back = Messages.decode(any);   // a MsgExecuteContract again; unknown type URLs give UnknownMsg
 * JsonObject json = Messages.toJson(back); // {"typeUrl": ..., "value": {...}} as CosmJS writes it
 * JsonObject amino = back.toAmino();       // {"sender": ..., "contract": ..., "msg": {...}, "funds": []}
 * }</pre>
 */
package dev.cairn.cosmos.msg;
