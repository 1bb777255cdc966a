package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state-override set of {@code eth_call} (third parameter): per account, a replacement
 * balance, nonce, code, full storage ({@code state}) or storage patches ({@code stateDiff}).
 * Immutable; build with {@link #builder()}.
 */
public final class StateOverride {
  private final Map<Address, Account> accounts;

  private StateOverride(Map<Address, Account> accounts) {
    this.accounts = accounts;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether no account is overridden. */
  public boolean isEmpty() {
    return accounts.isEmpty();
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    for (Map.Entry<Address, Account> e : accounts.entrySet()) {
      g.writeFieldName(e.getKey().toHexLowercase());
      e.getValue().write(g);
    }
    g.writeEndObject();
  }

  private static final class Account {
    BigInteger balance;
    Long nonce;
    byte[] code;
    Map<Hash32, Hash32> state;
    Map<Hash32, Hash32> stateDiff;

    void write(JsonGenerator g) throws IOException {
      g.writeStartObject();
      if (balance != null) {
        g.writeFieldName("balance");
        Json.writeQuantity(g, balance);
      }
      if (nonce != null) {
        g.writeFieldName("nonce");
        Json.writeQuantity(g, nonce);
      }
      if (code != null) {
        g.writeFieldName("code");
        Json.writeData(g, code);
      }
      writeSlots(g, "state", state);
      writeSlots(g, "stateDiff", stateDiff);
      g.writeEndObject();
    }

    private static void writeSlots(JsonGenerator g, String name, Map<Hash32, Hash32> slots) throws IOException {
      if (slots == null) {
        return;
      }
      g.writeObjectFieldStart(name);
      for (Map.Entry<Hash32, Hash32> s : slots.entrySet()) {
        g.writeStringField(s.getKey().toHex(), s.getValue().toHex());
      }
      g.writeEndObject();
    }
  }

  /** Builds a {@link StateOverride}. Not thread-safe. */
  public static final class Builder {
    private final Map<Address, Account> accounts = new LinkedHashMap<>();

    private Builder() {}

    private Account account(Address a) {
      return accounts.computeIfAbsent(a, k -> new Account());
    }

    /** Overrides the balance of {@code account}. */
    public Builder balance(Address account, BigInteger balance) {
      if (balance.signum() < 0) {
        throw new IllegalArgumentException("balance is negative");
      }
      account(account).balance = balance;
      return this;
    }

    /** Overrides the nonce of {@code account}. */
    public Builder nonce(Address account, long nonce) {
      if (nonce < 0) {
        throw new IllegalArgumentException("nonce is negative");
      }
      account(account).nonce = nonce;
      return this;
    }

    /** Overrides the code of {@code account} (copied). */
    public Builder code(Address account, byte[] code) {
      account(account).code = code.clone();
      return this;
    }

    /** Replaces the whole storage of {@code account} with {@code slots}. */
    public Builder state(Address account, Map<Hash32, Hash32> slots) {
      account(account).state = new LinkedHashMap<>(slots);
      return this;
    }

    /** Patches one storage slot of {@code account}, keeping the others. */
    public Builder stateDiff(Address account, Hash32 slot, Hash32 value) {
      Account a = account(account);
      if (a.stateDiff == null) {
        a.stateDiff = new LinkedHashMap<>();
      }
      a.stateDiff.put(slot, value);
      return this;
    }

    /** The override set. */
    public StateOverride build() {
      Map<Address, Account> copy = new LinkedHashMap<>();
      for (Map.Entry<Address, Account> e : accounts.entrySet()) {
        Account a = new Account();
        Account s = e.getValue();
        a.balance = s.balance;
        a.nonce = s.nonce;
        a.code = s.code;
        a.state = s.state == null ? null : new LinkedHashMap<>(s.state);
        a.stateDiff = s.stateDiff == null ? null : new LinkedHashMap<>(s.stateDiff);
        copy.put(e.getKey(), a);
      }
      return new StateOverride(Collections.unmodifiableMap(copy));
    }
  }
}
