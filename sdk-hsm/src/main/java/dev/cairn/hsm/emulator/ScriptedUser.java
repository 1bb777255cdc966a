package dev.cairn.hsm.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The emulated user in front of the device: answers each confirmation screen with the next
 * scripted {@link Decision}, or the default decision when the script is empty (APPROVE unless set).
 * Records every prompt shown. Thread-safe.
 *
 * <pre>{@code
 * emulator.user().script(ScriptedUser.Decision.REJECT);     // the next confirmation is rejected
 * emulator.user().setDefault(ScriptedUser.Decision.APPROVE);
 * }</pre>
 */
public final class ScriptedUser {
  /** What the user does on a confirmation screen. */
  public enum Decision {
    /** Press "approve": the app signs (0x9000). */
    APPROVE,
    /** Press "reject": the app answers 0x6985. */
    REJECT,
    /** Walk away: the device locks; this and every later command answer 0x5515 until unlocked. */
    LOCK
  }

  private final Deque<Decision> script = new ArrayDeque<>();
  private final List<String> prompts = new ArrayList<>();
  private Decision defaultDecision = Decision.APPROVE;

  ScriptedUser() {}

  /** Appends decisions to the script, used in order by the next confirmations. */
  public synchronized ScriptedUser script(Decision... decisions) {
    for (Decision d : decisions) {
      if (d == null) {
        throw new IllegalArgumentException("decisions: contains null");
      }
      script.addLast(d);
    }
    return this;
  }

  /** The decision used when the script is empty. */
  public synchronized ScriptedUser setDefault(Decision decision) {
    if (decision == null) {
      throw new IllegalArgumentException("decision: is null");
    }
    this.defaultDecision = decision;
    return this;
  }

  /** The prompts shown so far (a snapshot). */
  public synchronized List<String> prompts() {
    return Collections.unmodifiableList(new ArrayList<>(prompts));
  }

  /** How many scripted decisions are left. */
  public synchronized int pending() {
    return script.size();
  }

  synchronized Decision decide(String prompt) {
    prompts.add(prompt);
    Decision d = script.pollFirst();
    return d == null ? defaultDecision : d;
  }
}
