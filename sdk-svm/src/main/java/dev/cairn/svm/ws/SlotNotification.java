package dev.cairn.svm.ws;

/** A new slot ({@code slotNotification}). Immutable. */
public final class SlotNotification {
  private final long slot;
  private final long parent;
  private final long root;

  private SlotNotification(long slot, long parent, long root) {
    this.slot = slot;
    this.parent = parent;
    this.root = root;
  }

  /** A notification. */
  public static SlotNotification of(long slot, long parent, long root) {
    return new SlotNotification(slot, parent, root);
  }

  /** The new slot. */
  public long slot() {
    return slot;
  }

  /** Its parent slot. */
  public long parent() {
    return parent;
  }

  /** The current root. */
  public long root() {
    return root;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlotNotification && ((SlotNotification) o).slot == slot && ((SlotNotification) o).parent == parent
        && ((SlotNotification) o).root == root;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(slot) * 961 + Long.hashCode(parent) * 31 + Long.hashCode(root);
  }

  @Override
  public String toString() {
    return "SlotNotification[" + slot + ", parent " + parent + ", root " + root + "]";
  }
}
