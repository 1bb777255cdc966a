// SPDX-License-Identifier: MIT
// Test contract for Cairn's sdk-evm integration tests: a small ERC-20 with every revert flavour
// (require message, custom errors, compiler panics) and the standard events. Not for production.
pragma solidity 0.8.30;

contract TestToken {
    error InsufficientBalance(address account, uint256 balance, uint256 needed);
    error Unauthorized(address caller);

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;
    address public immutable owner;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256[] private slots;

    constructor(string memory name_, string memory symbol_, uint8 decimals_, uint256 supply) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
        owner = msg.sender;
        slots.push(7);
        _mint(msg.sender, supply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= value, "TestToken: insufficient allowance");
        allowance[from][msg.sender] = allowed - value;
        _move(from, to, value);
        return true;
    }

    function mint(address to, uint256 value) external {
        if (msg.sender != owner) revert Unauthorized(msg.sender);
        _mint(to, value);
    }

    /// Panics with code 0x12 when divisor is zero.
    function divide(uint256 a, uint256 divisor) external pure returns (uint256) {
        return a / divisor;
    }

    /// Panics with code 0x01 when flag is false.
    function checked(bool flag) external pure returns (bool) {
        assert(flag);
        return flag;
    }

    /// Panics with code 0x32 for any index but 0.
    function slotAt(uint256 index) external view returns (uint256) {
        return slots[index];
    }

    function _mint(address to, uint256 value) private {
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    function _move(address from, address to, uint256 value) private {
        uint256 have = balanceOf[from];
        if (have < value) revert InsufficientBalance(from, have, value);
        balanceOf[from] = have - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
