// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./Tokens.sol";

library Shapes {
    struct Point { int64 x; int64 y; }
}

contract Nested {
    enum Status { Pending, Active, Closed }
    struct Leaf { bytes32 id; string label; Shapes.Point[] path; }
    struct Branch { uint256 weight; Leaf[2] leaves; bytes data; }
    struct Tree { address owner; Branch[] branches; Status status; }

    event Planted(address indexed owner, Tree tree, Status indexed status);
    event Pruned(Leaf indexed leaf, string indexed why, bytes32[] ids) anonymous;
    event Raw(bytes indexed blob, uint8 small, int16 indexed signed_) anonymous;
    error BadTree(Tree tree, uint256 depth);
    error Unauthorized();

    constructor(IERC20 token, Status initial) payable {}

    function plant(Tree calldata tree, Shapes.Point[][] memory grid) external returns (uint256 id, Leaf[] memory leaves) {}
    function inspect(uint256 id) external view returns (Tree memory) {}
    function token() external pure returns (IERC20) {}
    function callback(function (uint256) external returns (bool) f) external {}
    function matrix(uint16[3][] calldata m, bytes1 b, bytes20 c) external pure returns (int256[2][2] memory) {}

    fallback() external payable {}
    receive() external payable {}
}
