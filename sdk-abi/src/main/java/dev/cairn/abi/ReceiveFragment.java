package dev.cairn.abi;

/**
 * A contract's {@code receive() external payable} function, run for calls with empty calldata.
 * Always payable and without parameters; a contract has at most one.
 */
public final class ReceiveFragment {
  /** The only instance. */
  public static final ReceiveFragment INSTANCE = new ReceiveFragment();

  private ReceiveFragment() {}

  /** Always {@code payable}. */
  public String stateMutability() {
    return "payable";
  }

  /** {@code receive() external payable}. */
  @Override
  public String toString() {
    return "receive() external payable";
  }
}
