// SPDX-License-Identifier: MIT
// Test contract for EIP-7702: an EOA delegates its code to this contract; calls to the EOA then run
// this code with address(this) == the EOA. Not for production.
pragma solidity 0.8.30;

contract Delegate {
    event Pinged(address indexed self, address indexed caller, uint256 count);

    uint256 public count;

    function ping() external returns (uint256) {
        count += 1;
        emit Pinged(address(this), msg.sender, count);
        return count;
    }
}
