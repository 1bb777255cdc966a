// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A small contract for the golden-file test.
contract Small {
    struct Point { int32 x; int32 y; }

    event Moved(address indexed who, Point to);

    error OutOfBounds(Point p, uint256 limit);

    function move(Point calldata to) external returns (bool) { emit Moved(msg.sender, to); return true; }
    function position(address who) external pure returns (Point memory p) { p = Point(int32(uint32(uint160(who))), 0); }
}
