package dev.cairn.hsm.policy;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.chain.TransactionSummary.Action;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable signing policy: rules that all must hold (all-of) before a {@link PolicySigner}
 * lets its wrapped signer sign. Every content rule is checked against what {@link
 * dev.cairn.core.chain.Inspectors#inspect} reads from the request's <em>payload</em>, never against
 * anything a caller claims beside it. A rule that is not configured does not restrict.
 *
 * <ul>
 *   <li><b>chains</b>: the payload's CAIP-2 chain must be allowed.
 *   <li><b>accounts</b> / <b>keyIds</b>: the signing account (from the payload) and the wrapped
 *       signer's {@link SignerDescriptor#keyId()} must be allowed.
 *   <li><b>perTransactionLimit</b> / <b>windowLimit</b>: per {@link Asset}, the base units a request
 *       moves — native transfers, call funds (EVM value, CosmWasm funds, staking amounts), a deploy's
 *       endowment, token transfers <em>and approvals</em> — at most so much per request and within a
 *       sliding time window (counted by the {@link PolicySigner} over requests that were approved and
 *       signed). When any limit is set, an asset without a limit is denied unless {@link
 *       Builder#allowUnlimitedOtherAssets()}. Fees are not counted.
 *   <li><b>recipients</b>: the recipient or spender of every transfer and approval, and the contract
 *       of every call that carries funds, must be allowed.
 *   <li><b>calls</b>: every call (EVM contract with 4-byte selector, Solana program with instruction,
 *       CosmWasm contract with the execute message's top-level key, Cosmos messages as the inspector
 *       reports them), EIP-712 verifying contract and EIP-7702 delegation target must be allowed,
 *       with its method when methods are listed; deployments only with {@link Builder#allowDeploy()}.
 *       Token transfers and approvals are governed by the limits and recipients, not by this rule.
 *   <li><b>uninspected</b>: a request no inspector reads (bare digests, raw messages, personal
 *       messages, hashed EIP-712...) is denied unless its kind is listed in {@link
 *       Builder#allowUninspected}; such a request is then checked only by the chain, account and key
 *       id rules (on the request's account, which is all there is), never by content rules. A
 *       payload an inspector rejects as malformed is always denied.
 *   <li><b>unresolved</b>: what the inspector reads but cannot resolve — a Solana transfer whose
 *       accounts come from v0 lookup tables, a plain SPL {@code transfer}/{@code approve} (no mint)
 *       — is denied whenever a limit or recipient rule is configured.
 * </ul>
 *
 * <p>Build with {@link #builder()}; {@link #allowAll()} is the policy that denies nothing (audit only).
 */
public final class Policy {
  static final String SYSTEM_PROGRAM = "11111111111111111111111111111111";
  static final String TOKEN_PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
  static final String TOKEN_2022_PROGRAM = "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb";
  private static final Set<String> UNRESOLVED_SYSTEM = Set.of("transfer", "transferWithSeed", "createAccount",
      "createAccountWithSeed", "withdrawNonceAccount");
  private static final Set<String> UNRESOLVED_TOKEN = Set.of("transfer", "approve", "transferChecked", "approveChecked");

  private final boolean allowAll;
  private final Set<ChainId> chains;
  private final Set<String> accounts;
  private final Set<String> keyIds;
  private final Map<Asset, BigInteger> perTx;
  private final Map<Asset, WindowLimit> perWindow;
  private final boolean otherAssets;
  private final Set<String> recipients;
  private final Map<String, Set<String>> calls;
  private final boolean deploy;
  private final Set<SignRequest.Kind> uninspected;

  /** A window limit: at most {@code units} within {@code window}. */
  static final class WindowLimit {
    final BigInteger units;
    final Duration window;

    WindowLimit(BigInteger units, Duration window) {
      this.units = units;
      this.window = window;
    }
  }

  private Policy(Builder b, boolean allowAll) {
    this.allowAll = allowAll;
    this.chains = b.chains == null ? null : Collections.unmodifiableSet(new HashSet<>(b.chains));
    this.accounts = b.accounts == null ? null : Collections.unmodifiableSet(new HashSet<>(b.accounts));
    this.keyIds = b.keyIds == null ? null : Collections.unmodifiableSet(new HashSet<>(b.keyIds));
    this.perTx = Collections.unmodifiableMap(new LinkedHashMap<>(b.perTx));
    this.perWindow = Collections.unmodifiableMap(new LinkedHashMap<>(b.perWindow));
    this.otherAssets = b.otherAssets;
    this.recipients = b.recipients == null ? null : Collections.unmodifiableSet(new HashSet<>(b.recipients));
    if (b.calls == null) {
      this.calls = null;
    } else {
      Map<String, Set<String>> c = new HashMap<>();
      for (Map.Entry<String, Set<String>> e : b.calls.entrySet()) {
        c.put(e.getKey(), e.getValue() == null ? null : Collections.unmodifiableSet(new HashSet<>(e.getValue())));
      }
      this.calls = Collections.unmodifiableMap(c);
    }
    this.deploy = b.deploy;
    this.uninspected = Collections.unmodifiableSet(b.uninspected.isEmpty()
        ? EnumSet.noneOf(SignRequest.Kind.class) : EnumSet.copyOf(b.uninspected));
  }

  /** A builder of a policy with no rules yet (which allows every inspectable request and no uninspectable one). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The policy that denies nothing, not even uninspectable or malformed payloads: a {@link
   * PolicySigner} with it only audits.
   */
  public static Policy allowAll() {
    return new Policy(new Builder(), true);
  }

  /** Whether this is {@link #allowAll()}. */
  public boolean allowsAll() {
    return allowAll;
  }

  /** The kinds allowed without inspection (unmodifiable). */
  public Set<SignRequest.Kind> uninspectedKinds() {
    return uninspected;
  }

  /** Whether any window limit is configured. */
  boolean hasWindowLimits() {
    return !perWindow.isEmpty();
  }

  Map<Asset, WindowLimit> windowLimits() {
    return perWindow;
  }

  private boolean hasValueRules() {
    return !perTx.isEmpty() || !perWindow.isEmpty();
  }

  /** Why a rule denied: the rule's name and the offending value, in words (no secrets). */
  static final class Denial {
    final String rule;
    final String problem;

    Denial(String rule, String problem) {
      this.rule = rule;
      this.problem = problem;
    }

    SignerException exception() {
      return new SignerException(SignerException.Reason.POLICY_DENIED, "policy." + rule, problem);
    }
  }

  /** Checks the identity rules (chains, accounts, key ids); null when they hold. */
  Denial checkIdentity(ChainId chain, AccountId account, SignerDescriptor descriptor) {
    if (chains != null) {
      if (chain == null) {
        return new Denial("chains", "the request names no chain, and only " + sorted(chains) + " are allowed");
      }
      if (!chains.contains(chain)) {
        return new Denial("chains", "chain " + chain + " is not allowed");
      }
    }
    if (accounts != null) {
      if (account == null) {
        return new Denial("accounts", "the request names no signing account");
      }
      if (!accounts.contains(Addresses.key(account))) {
        return new Denial("accounts", "signing account " + account + " is not allowed");
      }
    }
    if (keyIds != null) {
      String id = descriptor.keyId().orElse(null);
      if (id == null) {
        return new Denial("keyIds", "the signer (backend " + descriptor.backend() + ") has no key id");
      }
      if (!keyIds.contains(id)) {
        return new Denial("keyIds", "key id " + id + " is not allowed");
      }
    }
    return null;
  }

  /** Checks the content rules on an inspected summary; null when they hold. */
  Denial checkContent(TransactionSummary s) {
    boolean valueRules = hasValueRules();
    for (Action a : s.actions()) {
      if ((valueRules || recipients != null) && isUnresolved(a)) {
        return new Denial("unresolved", "action " + a.type() + " of " + a.to().map(AccountId::toString).orElse("?")
            + " method " + a.method().orElse("?") + " moves value the inspector cannot resolve from the payload");
      }
      if (recipients != null) {
        Denial d = checkRecipient(a);
        if (d != null) {
          return d;
        }
      }
      if (calls != null) {
        Denial d = checkCall(a);
        if (d != null) {
          return d;
        }
      }
    }
    if (valueRules) {
      Map<Asset, BigInteger> moved = amounts(s);
      for (Map.Entry<Asset, BigInteger> e : moved.entrySet()) {
        Asset asset = e.getKey();
        BigInteger max = perTx.get(asset);
        if (max == null && !perWindow.containsKey(asset) && !otherAssets) {
          return new Denial("assets", asset + " has no limit (moves " + e.getValue() + " units)");
        }
        if (max != null && e.getValue().compareTo(max) > 0) {
          return new Denial("perTransactionLimit", asset + ": " + e.getValue() + " units exceed the limit of " + max);
        }
        WindowLimit w = perWindow.get(asset);
        if (w != null && e.getValue().compareTo(w.units) > 0) {
          return new Denial("windowLimit", asset + ": " + e.getValue() + " units exceed the window limit of " + w.units
              + " per " + w.window);
        }
      }
    }
    return null;
  }

  private Denial checkRecipient(Action a) {
    switch (a.type()) {
      case NATIVE_TRANSFER:
      case TOKEN_TRANSFER:
      case TOKEN_APPROVAL: {
        AccountId to = a.to().orElse(null);
        if (to == null || !recipients.contains(Addresses.key(to))) {
          return new Denial("recipients", (a.type() == Action.Type.TOKEN_APPROVAL ? "spender " : "recipient ")
              + (to == null ? "(none)" : to.toString()) + " is not allowed");
        }
        return null;
      }
      case CALL:
        if (carriesFunds(a)) {
          AccountId to = a.to().orElse(null);
          if (to == null || !recipients.contains(Addresses.key(to))) {
            return new Denial("recipients", "call of " + (to == null ? "(none)" : to.toString())
                + " carries funds " + a.funds() + " and is not an allowed recipient");
          }
        }
        return null;
      case DEPLOY:
        if (a.amount().isPresent() && !a.amount().get().isZero()) {
          return new Denial("recipients", "a deployment with endowment " + a.amount().get() + " has no allowed recipient");
        }
        return null;
      default:
        return null;
    }
  }

  private Denial checkCall(Action a) {
    switch (a.type()) {
      case CALL:
      case DELEGATION:
      case TYPED_DATA: {
        AccountId to = a.to().orElse(null);
        if (to == null) {
          return new Denial("calls", a.type() + " names no contract, which no allowed-calls rule can admit");
        }
        String key = Addresses.key(to);
        if (!calls.containsKey(key)) {
          return new Denial("calls", (a.type() == Action.Type.CALL ? "contract or program " : a.type() == Action.Type.DELEGATION
              ? "delegation target " : "verifying contract ") + to + " is not allowed");
        }
        Set<String> methods = calls.get(key);
        if (methods != null && a.type() != Action.Type.DELEGATION) {
          String m = a.method().map(Policy::normalizeMethod).orElse(null);
          if (m == null || !methods.contains(m)) {
            return new Denial("calls", "method " + (m == null ? "(none)" : m) + " of " + to + " is not allowed");
          }
        }
        return null;
      }
      case DEPLOY:
        return deploy ? null : new Denial("calls", "contract deployment is not allowed");
      default:
        return null;
    }
  }

  private static boolean carriesFunds(Action a) {
    for (Amount f : a.funds()) {
      if (!f.isZero()) {
        return true;
      }
    }
    return false;
  }

  /** A Solana call the inspector reports as a call because it could not resolve a transfer. */
  static boolean isUnresolved(Action a) {
    if (a.type() != Action.Type.CALL || !a.to().isPresent() || !"solana".equals(a.to().get().chainId().namespace())) {
      return false;
    }
    String program = a.to().get().address();
    String method = a.method().orElse("");
    if (SYSTEM_PROGRAM.equals(program)) {
      return UNRESOLVED_SYSTEM.contains(method);
    }
    if (TOKEN_PROGRAM.equals(program) || TOKEN_2022_PROGRAM.equals(program)) {
      return UNRESOLVED_TOKEN.contains(method);
    }
    return false;
  }

  /** The base units each asset moves in {@code s}. */
  static Map<Asset, BigInteger> amounts(TransactionSummary s) {
    Map<Asset, BigInteger> out = new LinkedHashMap<>();
    ChainId chain = s.chainId();
    for (Action a : s.actions()) {
      switch (a.type()) {
        case NATIVE_TRANSFER:
        case DEPLOY:
          if (a.amount().isPresent()) {
            add(out, Asset.nativeAsset(chain, a.amount().get().denomination().code()), a.amount().get().units());
          }
          break;
        case CALL:
          for (Amount f : a.funds()) {
            add(out, Asset.nativeAsset(chain, f.denomination().code()), f.units());
          }
          break;
        case TOKEN_TRANSFER:
        case TOKEN_APPROVAL:
          add(out, Asset.token(a.token().get()), a.tokenAmount().get());
          break;
        default:
          break;
      }
    }
    return out;
  }

  private static void add(Map<Asset, BigInteger> m, Asset a, BigInteger units) {
    m.merge(a, units, BigInteger::add);
  }

  static String normalizeMethod(String m) {
    return m.startsWith("0x") || m.startsWith("0X") ? m.toLowerCase(Locale.ROOT) : m;
  }

  private static String sorted(Set<ChainId> c) {
    java.util.List<String> l = new java.util.ArrayList<>();
    for (ChainId id : c) {
      l.add(id.toString());
    }
    Collections.sort(l);
    return l.toString();
  }

  @Override
  public String toString() {
    if (allowAll) {
      return "Policy{allowAll}";
    }
    return "Policy{" + (chains == null ? "" : "chains=" + sorted(chains) + ", ") + (accounts == null ? "" : "accounts=" + accounts.size() + ", ")
        + (keyIds == null ? "" : "keyIds=" + keyIds.size() + ", ") + "perTransaction=" + perTx.keySet() + ", windows=" + perWindow.keySet()
        + (recipients == null ? "" : ", recipients=" + recipients.size()) + (calls == null ? "" : ", calls=" + calls.size())
        + ", uninspected=" + uninspected + "}";
  }

  /** Builder of {@link Policy}. Each call adds to the rule it names; rules never configured do not restrict. Not thread-safe. */
  public static final class Builder {
    private Set<ChainId> chains;
    private Set<String> accounts;
    private Set<String> keyIds;
    private final Map<Asset, BigInteger> perTx = new LinkedHashMap<>();
    private final Map<Asset, WindowLimit> perWindow = new LinkedHashMap<>();
    private boolean otherAssets;
    private Set<String> recipients;
    private Map<String, Set<String>> calls;
    private boolean deploy;
    private final Set<SignRequest.Kind> uninspected = EnumSet.noneOf(SignRequest.Kind.class);

    private Builder() {}

    /** Allows requests whose payload is for one of these CAIP-2 chains (rule {@code chains}). */
    public Builder allowChains(ChainId... ids) {
      if (chains == null) {
        chains = new HashSet<>();
      }
      for (ChainId id : nonNull("chains", ids)) {
        chains.add(id);
      }
      return this;
    }

    /** Allows these signing accounts (rule {@code accounts}; EVM addresses compared case-insensitively). */
    public Builder allowAccounts(AccountId... ids) {
      if (accounts == null) {
        accounts = new HashSet<>();
      }
      for (AccountId id : nonNull("accounts", ids)) {
        accounts.add(Addresses.key(id));
      }
      return this;
    }

    /** Allows wrapped signers whose {@link SignerDescriptor#keyId()} is one of these (rule {@code keyIds}). */
    public Builder allowKeyIds(String... ids) {
      if (keyIds == null) {
        keyIds = new HashSet<>();
      }
      for (String id : nonNull("keyIds", ids)) {
        keyIds.add(id);
      }
      return this;
    }

    /** At most {@code maxUnits} base units of {@code asset} per request (rule {@code perTransactionLimit}). */
    public Builder maxPerTransaction(Asset asset, BigInteger maxUnits) {
      perTx.put(nonNullOne("asset", asset), units(maxUnits));
      return this;
    }

    /**
     * At most {@code maxUnits} base units of {@code asset} within any sliding {@code window}
     * (rule {@code windowLimit}), counting requests approved and signed by the {@link PolicySigner}.
     */
    public Builder maxPerWindow(Asset asset, BigInteger maxUnits, Duration window) {
      if (window == null || window.isNegative() || window.isZero()) {
        throw invalid("window", "is null, zero or negative");
      }
      perWindow.put(nonNullOne("asset", asset), new WindowLimit(units(maxUnits), window));
      return this;
    }

    /** With limits configured, lets assets that have none move without limit (default: denied, rule {@code assets}). */
    public Builder allowUnlimitedOtherAssets() {
      otherAssets = true;
      return this;
    }

    /** Allows these recipients and spenders (rule {@code recipients}). */
    public Builder allowRecipients(AccountId... ids) {
      if (recipients == null) {
        recipients = new HashSet<>();
      }
      for (AccountId id : nonNull("recipients", ids)) {
        recipients.add(Addresses.key(id));
      }
      return this;
    }

    /**
     * Allows calls of {@code target} (contract, program, verifying contract, delegation target)
     * with any method (rule {@code calls}).
     */
    public Builder allowContract(AccountId target) {
      calls().put(Addresses.key(nonNullOne("contract", target)), null);
      return this;
    }

    /** Allows calls of these EVM contracts, CosmWasm contracts or Solana programs with any method. */
    public Builder allowContracts(AccountId... targets) {
      for (AccountId t : nonNull("contracts", targets)) {
        allowContract(t);
      }
      return this;
    }

    /** Allows calls of these Solana programs with any instruction (the same rule as contracts). */
    public Builder allowPrograms(AccountId... programs) {
      return allowContracts(programs);
    }

    /**
     * Allows calls of {@code target} only with these methods: EVM 4-byte selectors ({@code 0xa9059cbb},
     * case-insensitive), Solana instruction names as the inspector reports them, CosmWasm execute
     * message top-level keys, EIP-712 primary types. Adds to the methods already allowed; a target
     * allowed with any method stays so.
     */
    public Builder allowMethods(AccountId target, String... methods) {
      String key = Addresses.key(nonNullOne("contract", target));
      Map<String, Set<String>> c = calls();
      if (c.containsKey(key) && c.get(key) == null) {
        return this;
      }
      Set<String> s = c.computeIfAbsent(key, k -> new HashSet<>());
      for (String m : nonNull("methods", methods)) {
        if (m.isEmpty()) {
          throw invalid("methods", "contains an empty method");
        }
        s.add(normalizeMethod(m));
      }
      return this;
    }

    /** Allows EVM contract creation (otherwise denied once a calls rule exists). */
    public Builder allowDeploy() {
      deploy = true;
      return this;
    }

    /**
     * Allows requests of these kinds even when no inspector reads them (blind signing: bare digests,
     * raw messages, personal messages, hashed EIP-712, EIP-7702 authorizations). Content rules do
     * not apply to them; chain, account and key id rules do.
     */
    public Builder allowUninspected(SignRequest.Kind... kinds) {
      for (SignRequest.Kind k : nonNull("uninspected", kinds)) {
        uninspected.add(k);
      }
      return this;
    }

    private Map<String, Set<String>> calls() {
      if (calls == null) {
        calls = new HashMap<>();
      }
      return calls;
    }

    /** The policy. */
    public Policy build() {
      return new Policy(this, false);
    }

    private static BigInteger units(BigInteger u) {
      if (u == null || u.signum() < 0) {
        throw invalid("maxUnits", "is null or negative");
      }
      return u;
    }

    private static <T> T nonNullOne(String field, T t) {
      if (t == null) {
        throw invalid(field, "is null");
      }
      return t;
    }

    @SafeVarargs
    private static <T> T[] nonNull(String field, T... ts) {
      if (ts == null) {
        throw invalid(field, "is null");
      }
      for (T t : ts) {
        if (t == null) {
          throw invalid(field, "contains null");
        }
      }
      return ts;
    }

    private static SignerException invalid(String field, String problem) {
      return new SignerException(SignerException.Reason.INVALID_REQUEST, "policy." + field, problem);
    }
  }
}
