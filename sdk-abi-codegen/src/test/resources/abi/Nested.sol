// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Exercises the generator: nested structs at several depths, arrays of structs, fixed-size
/// arrays, small integer types, overloads, multiple returns, struct-carrying events and errors,
/// an indexed string and an anonymous event, and a parameter named like a Java keyword.
contract Nested {
    struct Leaf { uint64 id; bytes32 tag; string label; }
    struct Branch { Leaf[] leaves; Leaf main; address owner; uint8[3] weights; }
    struct Tree { Branch[2] branches; bytes data; int128 balance; }

    event Planted(address indexed gardener, string indexed name, Tree tree);
    event Pruned(uint256 indexed id, Leaf leaf) anonymous;
    event Tagged(Leaf indexed leaf, uint256[] indexed ids, bytes indexed blob, bool flag);

    error BadTree(Tree tree, string reason);
    error Empty();

    constructor(address owner, uint256 native) {}

    function plant(Tree calldata tree) external pure returns (Tree memory) { return tree; }
    function echoBranches(Branch[] calldata bs) external pure returns (Branch[] memory) { return bs; }
    function stats(Leaf calldata l) external pure returns (uint64 id, int128 scaled, bool ok) {
        return (l.id, int128(uint128(l.id)) * -2, bytes(l.label).length > 0);
    }
    function grow(uint256 n) external {}
    function grow(uint256 n, bytes calldata seed) external {}
    function matrix(uint256[2][3] calldata m) external pure returns (uint256[2][3] memory) { return m; }
    function small(int8 a, uint16 b, uint32 c, int64 d, uint64 e, int24 f) external pure returns (int8, uint32) {
        return (a, c + b + uint32(uint24(f)) + uint32(uint64(d)) + uint32(e));
    }
}
