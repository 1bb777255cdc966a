package dev.cairn.hsm.policy;

import static dev.cairn.hsm.policy.Fixtures.denied;
import static dev.cairn.hsm.policy.Fixtures.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signers;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvmPolicyTest {
  static final ChainId MAINNET = ChainId.eip155(1);
  static final Address ME = Address.fromPublicKey(Fixtures.secp().publicKey());
  static final AccountId ALICE = AccountId.of(MAINNET, ME.toChecksumString());
  static final Address BOB = Address.parse("0x3535353535353535353535353535353535353535");
  static final Address CAROL = Address.parse("0x7777777777777777777777777777777777777777");
  static final Address TOKEN = Address.parse("0x6B175474E89094C44Da98b954EedeAC495271d0F");
  static final Address ROUTER = Address.parse("0x1111111254EEB25477B68fb85Ed929f73A960582");

  static AccountId on(Address a) {
    return AccountId.of(MAINNET, a.toChecksumString());
  }

  static Transaction.Builder eip1559() {
    return Transaction.eip1559().chainId(1).nonce(3).gasLimit(90_000).maxFeePerGas(30_000_000_000L).maxPriorityFeePerGas(1_000_000_000L);
  }

  static Transaction.Builder legacy() {
    return Transaction.legacy().chainId(1).nonce(0).gasLimit(21_000).gasPrice(7);
  }

  static byte[] erc20(String selector, Address who, BigInteger units) {
    String a = who.toHexLowercase().substring(2);
    String u = units.toString(16);
    return Hex.decode(selector + "0".repeat(64 - a.length()) + a + "0".repeat(64 - u.length()) + u);
  }

  static Fixtures.Device device() {
    return Fixtures.Device.of(Signers.software(Fixtures.secp()));
  }

  @Test
  void chainsRule() {
    Fixtures.Device d = device();
    PolicySigner s = PolicySigner.wrap(d, Policy.builder().allowChains(MAINNET).build());
    assertNotNull(signed(s, eip1559().to(BOB).value(5).build().toSignRequest(ALICE)));
    AccountId onOptimism = AccountId.of(ChainId.eip155(10), ALICE.address());
    Transaction t10 = Transaction.eip1559().chainId(10).nonce(0).gasLimit(21_000).maxFeePerGas(1).maxPriorityFeePerGas(1)
        .to(BOB).value(5).build();
    denied(s, t10.toSignRequest(onOptimism), "chains", "eip155:10");
    assertEquals(1, d.asked.get(), "the device is not asked for a denied request");
  }

  @Test
  void accountsAndKeyIdsRules() {
    Fixtures.Device d = device();
    PolicySigner byAccount = PolicySigner.wrap(d, Policy.builder()
        .allowAccounts(AccountId.of(MAINNET, ME.toHexLowercase())).build()); // case-insensitive for EVM
    signed(byAccount, legacy().to(BOB).value(1).build().toSignRequest(ALICE));
    AccountId other = on(CAROL);
    denied(byAccount, legacy().to(BOB).value(1).build().toSignRequest(other), "accounts", CAROL.toChecksumString());

    PolicySigner byKey = PolicySigner.wrap(d, Policy.builder().allowKeyIds("test-key").build());
    signed(byKey, legacy().to(BOB).value(1).build().toSignRequest(ALICE));
    PolicySigner wrongKey = PolicySigner.wrap(new Fixtures.Device(Signers.software(Fixtures.secp()), "hot-wallet", 0),
        Policy.builder().allowKeyIds("test-key").build());
    denied(wrongKey, legacy().to(BOB).value(1).build().toSignRequest(ALICE), "keyIds", "hot-wallet");
    PolicySigner noKeyId = PolicySigner.wrap(new Fixtures.Device(Signers.software(Fixtures.secp()), null, 0),
        Policy.builder().allowKeyIds("test-key").build());
    denied(noKeyId, legacy().to(BOB).value(1).build().toSignRequest(ALICE), "keyIds", "no key id");
  }

  @Test
  void recipientsRuleOnNativeAndErc20Transfers() {
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowRecipients(on(BOB)).build());
    signed(s, legacy().to(BOB).value(10).build().toSignRequest(ALICE));
    signed(s, eip1559().to(BOB).value(10).build().toSignRequest(ALICE));
    denied(s, eip1559().to(CAROL).value(10).build().toSignRequest(ALICE), "recipients", CAROL.toChecksumString());
    // ERC-20: the token contract is called, the recipient is in the calldata
    signed(s, eip1559().to(TOKEN).data(erc20("a9059cbb", BOB, BigInteger.TEN)).build().toSignRequest(ALICE));
    denied(s, eip1559().to(TOKEN).data(erc20("a9059cbb", CAROL, BigInteger.TEN)).build().toSignRequest(ALICE),
        "recipients", CAROL.toChecksumString());
    // approve: the spender must be allowed
    denied(s, eip1559().to(TOKEN).data(erc20("095ea7b3", CAROL, BigInteger.ONE)).build().toSignRequest(ALICE),
        "recipients", "spender");
    // a contract call that carries ETH sends it to the contract
    denied(s, eip1559().to(ROUTER).value(1).data(Hex.decode("12345678")).build().toSignRequest(ALICE), "recipients",
        ROUTER.toChecksumString());
  }

  @Test
  void perTransactionLimitsForEthAndTokens() {
    Asset eth = Asset.nativeAsset(MAINNET, "ETH");
    Asset dai = Asset.token(on(TOKEN));
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder()
        .maxPerTransaction(eth, BigInteger.valueOf(1000))
        .maxPerTransaction(dai, BigInteger.valueOf(50)).build());
    signed(s, legacy().to(BOB).value(1000).build().toSignRequest(ALICE));
    denied(s, legacy().to(BOB).value(1001).build().toSignRequest(ALICE), "perTransactionLimit", "1001");
    signed(s, eip1559().to(TOKEN).data(erc20("a9059cbb", BOB, BigInteger.valueOf(50))).build().toSignRequest(ALICE));
    denied(s, eip1559().to(TOKEN).data(erc20("a9059cbb", BOB, BigInteger.valueOf(51))).build().toSignRequest(ALICE),
        "perTransactionLimit", "51");
    // approvals count as exposure
    denied(s, eip1559().to(TOKEN).data(erc20("095ea7b3", BOB, BigInteger.valueOf(51))).build().toSignRequest(ALICE),
        "perTransactionLimit", "51");
    // a token with no limit is denied unless explicitly allowed
    Address other = Address.parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    denied(s, eip1559().to(other).data(erc20("a9059cbb", BOB, BigInteger.ONE)).build().toSignRequest(ALICE), "assets",
        other.toChecksumString());
    PolicySigner lenient = PolicySigner.wrap(device(), Policy.builder().maxPerTransaction(eth, BigInteger.TEN)
        .allowUnlimitedOtherAssets().build());
    signed(lenient, eip1559().to(other).data(erc20("a9059cbb", BOB, BigInteger.valueOf(1_000_000))).build().toSignRequest(ALICE));
    // ETH sent along a contract call counts too
    denied(lenient, eip1559().to(ROUTER).value(11).data(Hex.decode("12345678")).build().toSignRequest(ALICE),
        "perTransactionLimit", "11");
  }

  @Test
  void contractsAndSelectorsRule() {
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder()
        .allowMethods(on(ROUTER), "0x12345678", "0xABCDEF01").build());
    signed(s, eip1559().to(ROUTER).data(Hex.decode("12345678" + "00".repeat(32))).build().toSignRequest(ALICE));
    signed(s, eip1559().to(ROUTER).data(Hex.decode("abcdef01")).build().toSignRequest(ALICE));
    denied(s, eip1559().to(ROUTER).data(Hex.decode("deadbeef")).build().toSignRequest(ALICE), "calls", "0xdeadbeef");
    denied(s, eip1559().to(CAROL).data(Hex.decode("12345678")).build().toSignRequest(ALICE), "calls", CAROL.toChecksumString());
    denied(s, eip1559().to(ROUTER).data(new byte[] {1, 2}).build().toSignRequest(ALICE), "calls", "(none)");
    denied(s, eip1559().data(Hex.decode("6080604052")).build().toSignRequest(ALICE), "calls", "deployment");
    PolicySigner deployer = PolicySigner.wrap(device(), Policy.builder().allowContract(on(ROUTER)).allowDeploy().build());
    signed(deployer, eip1559().data(Hex.decode("6080604052")).build().toSignRequest(ALICE));
    signed(deployer, eip1559().to(ROUTER).data(Hex.decode("deadbeef")).build().toSignRequest(ALICE));
  }

  static String permit(Address spender, long value) {
    return "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"chainId\",\"type\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\"}],"
        + "\"Permit\":[{\"name\":\"owner\",\"type\":\"address\"},{\"name\":\"spender\",\"type\":\"address\"},"
        + "{\"name\":\"value\",\"type\":\"uint256\"},{\"name\":\"nonce\",\"type\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\"}]},"
        + "\"primaryType\":\"Permit\",\"domain\":{\"name\":\"Dai\",\"chainId\":1,\"verifyingContract\":\"" + TOKEN.toChecksumString() + "\"},"
        + "\"message\":{\"owner\":\"" + ALICE.address() + "\",\"spender\":\"" + spender.toChecksumString() + "\",\"value\":\""
        + value + "\",\"nonce\":0,\"deadline\":99}}";
  }

  @Test
  void eip712TypedDataIsCheckedByVerifyingContractPrimaryTypeAndPermitApproval() {
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowMethods(on(TOKEN), "Permit")
        .allowRecipients(on(BOB)).maxPerTransaction(Asset.token(on(TOKEN)), BigInteger.valueOf(1000)).build());
    signed(s, EvmSigning.typedDataJsonRequest(ALICE, permit(BOB, 1000)));
    denied(s, EvmSigning.typedDataJsonRequest(ALICE, permit(CAROL, 1)), "recipients", CAROL.toChecksumString());
    denied(s, EvmSigning.typedDataJsonRequest(ALICE, permit(BOB, 1001)), "perTransactionLimit", "1001");
    PolicySigner otherContract = PolicySigner.wrap(device(), Policy.builder().allowContract(on(ROUTER)).build());
    denied(otherContract, EvmSigning.typedDataJsonRequest(ALICE, permit(BOB, 1)), "calls", TOKEN.toChecksumString());
  }

  @Test
  void uninspectableKindsAreDeniedUnlessAllowedBlind() {
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowChains(MAINNET).build());
    byte[] digest = new byte[32];
    denied(s, SignRequest.digest(digest), "uninspected", "DIGEST");
    denied(s, SignRequest.of(SignRequest.Kind.EVM_PERSONAL_MESSAGE, ALICE, "hi".getBytes(StandardCharsets.UTF_8)),
        "uninspected", "EVM_PERSONAL_MESSAGE");
    PolicySigner blind = PolicySigner.wrap(device(), Policy.builder().allowChains(MAINNET)
        .allowUninspected(SignRequest.Kind.DIGEST, SignRequest.Kind.EVM_PERSONAL_MESSAGE).build());
    signed(blind, SignRequest.of(SignRequest.Kind.EVM_PERSONAL_MESSAGE, ALICE, "hi".getBytes(StandardCharsets.UTF_8)));
    // a bare digest names no chain, so the chain rule still denies it
    denied(blind, SignRequest.digest(digest), "chains", "no chain");
    PolicySigner blindAnyChain = PolicySigner.wrap(device(), Policy.builder().allowUninspected(SignRequest.Kind.DIGEST).build());
    signed(blindAnyChain, SignRequest.digest(digest));
  }

  @Test
  void aCallerCannotLieBesideThePayload() {
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowChains(MAINNET).allowRecipients(on(BOB)).build());
    // the account claims mainnet, the payload is for chain 5 (and pays Carol): the payload wins
    Transaction goerli = Transaction.eip1559().chainId(5).nonce(0).gasLimit(21_000).maxFeePerGas(1).maxPriorityFeePerGas(1)
        .to(BOB).value(1).build();
    denied(s, SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, ALICE, goerli.signingPayload()), "inspection", "eip155:5");
    // typed data whose shown JSON names Bob but whose signed preimage is a permit for Carol
    SignRequest carol = EvmSigning.typedDataJsonRequest(ALICE, permit(CAROL, 5));
    SignRequest lying = SignRequest.typedDataJson(ALICE, carol.payload(), permit(BOB, 5));
    denied(s, lying, "inspection", "does not hash to the payload");
    // a digest computed elsewhere must be the payload's hash (sdk-core refuses otherwise), so the digest signed is the payload's
    Transaction toCarol = eip1559().to(CAROL).value(1).build();
    byte[] bobsDigest = eip1559().to(BOB).value(1).build().toSignRequest(ALICE).digest().get();
    dev.cairn.core.signer.SignerException e = org.junit.jupiter.api.Assertions.assertThrows(dev.cairn.core.signer.SignerException.class,
        () -> SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, ALICE, toCarol.signingPayload(), bobsDigest));
    assertEquals(dev.cairn.core.signer.SignerException.Reason.INVALID_REQUEST, e.reason());
    denied(s, SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, ALICE, toCarol.signingPayload()), "recipients", CAROL.toChecksumString());
  }

  @Test
  void eip7702DelegationsNeedTheirTargetAllowedAndAuthorizationsAreBlind() {
    dev.cairn.evm.tx.Authorization auth = dev.cairn.evm.tx.Authorization.sign(BigInteger.ONE, CAROL, 0, Fixtures.secp());
    Transaction tx = Transaction.eip7702().chainId(1).nonce(0).gasLimit(80_000).maxFeePerGas(2).maxPriorityFeePerGas(1)
        .to(ROUTER).data(Hex.decode("12345678")).authorizationList(java.util.List.of(auth)).build();
    PolicySigner s = PolicySigner.wrap(device(), Policy.builder().allowContract(on(ROUTER)).build());
    denied(s, tx.toSignRequest(ALICE), "calls", "delegation target " + on(CAROL));
    PolicySigner both = PolicySigner.wrap(device(), Policy.builder().allowContracts(on(ROUTER), on(CAROL)).build());
    signed(both, tx.toSignRequest(ALICE));
    // the authorization itself (EVM_AUTHORIZATION) has no inspector: blind unless allowed
    SignRequest authorization = SignRequest.of(SignRequest.Kind.EVM_AUTHORIZATION, ALICE,
        dev.cairn.evm.tx.Authorization.signingPayload(BigInteger.ONE, CAROL, 0));
    denied(both, authorization, "uninspected", "EVM_AUTHORIZATION");
  }
}
