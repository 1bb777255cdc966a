package dev.cairn.svm.idl;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Anchor's framework error codes (anchor-lang {@code ErrorCode}), names and messages, as published
 * by @coral-xyz/anchor 0.32.1 ({@code LangErrorCode}, {@code LangErrorMessage}).
 */
final class AnchorErrors {
  static final Map<Long, IdlError> BY_CODE;

  static {
    Map<Long, IdlError> m = new HashMap<>();
    Adder a = new Adder(m);
    a.all();
    BY_CODE = Collections.unmodifiableMap(m);
  }

  private AnchorErrors() {}

  private static final class Adder {
    private final Map<Long, IdlError> m;

    Adder(Map<Long, IdlError> m) {
      this.m = m;
    }

    void e(long code, String name, String msg) {
      m.put(code, new IdlError(code, name, msg, IdlError.Source.ANCHOR));
    }

    void all() {
      e(100, "InstructionMissing", "Instruction discriminator not provided");
      e(101, "InstructionFallbackNotFound", "Fallback functions are not supported");
      e(102, "InstructionDidNotDeserialize", "The program could not deserialize the given instruction");
      e(103, "InstructionDidNotSerialize", "The program could not serialize the given instruction");
      e(1000, "IdlInstructionStub", "The program was compiled without idl instructions");
      e(1001, "IdlInstructionInvalidProgram", "The transaction was given an invalid program for the IDL instruction");
      e(1002, "IdlAccountNotEmpty", "IDL account must be empty in order to resize, try closing first");
      e(1500, "EventInstructionStub", "The program was compiled without `event-cpi` feature");
      e(2000, "ConstraintMut", "A mut constraint was violated");
      e(2001, "ConstraintHasOne", "A has one constraint was violated");
      e(2002, "ConstraintSigner", "A signer constraint was violated");
      e(2003, "ConstraintRaw", "A raw constraint was violated");
      e(2004, "ConstraintOwner", "An owner constraint was violated");
      e(2005, "ConstraintRentExempt", "A rent exemption constraint was violated");
      e(2006, "ConstraintSeeds", "A seeds constraint was violated");
      e(2007, "ConstraintExecutable", "An executable constraint was violated");
      e(2008, "ConstraintState", "Deprecated Error, feel free to replace with something else");
      e(2009, "ConstraintAssociated", "An associated constraint was violated");
      e(2010, "ConstraintAssociatedInit", "An associated init constraint was violated");
      e(2011, "ConstraintClose", "A close constraint was violated");
      e(2012, "ConstraintAddress", "An address constraint was violated");
      e(2013, "ConstraintZero", "Expected zero account discriminant");
      e(2014, "ConstraintTokenMint", "A token mint constraint was violated");
      e(2015, "ConstraintTokenOwner", "A token owner constraint was violated");
      e(2016, "ConstraintMintMintAuthority", "A mint mint authority constraint was violated");
      e(2017, "ConstraintMintFreezeAuthority", "A mint freeze authority constraint was violated");
      e(2018, "ConstraintMintDecimals", "A mint decimals constraint was violated");
      e(2019, "ConstraintSpace", "A space constraint was violated");
      e(2020, "ConstraintAccountIsNone", "A required account for the constraint is None");
      e(2021, "ConstraintTokenTokenProgram", "A token account token program constraint was violated");
      e(2022, "ConstraintMintTokenProgram", "A mint token program constraint was violated");
      e(2023, "ConstraintAssociatedTokenTokenProgram", "An associated token account token program constraint was violated");
      e(2024, "ConstraintMintGroupPointerExtension", "A group pointer extension constraint was violated");
      e(2025, "ConstraintMintGroupPointerExtensionAuthority", "A group pointer extension authority constraint was violated");
      e(2026, "ConstraintMintGroupPointerExtensionGroupAddress", "A group pointer extension group address constraint was violated");
      e(2027, "ConstraintMintGroupMemberPointerExtension", "A group member pointer extension constraint was violated");
      e(2028, "ConstraintMintGroupMemberPointerExtensionAuthority", "A group member pointer extension authority constraint was violated");
      e(2029, "ConstraintMintGroupMemberPointerExtensionMemberAddress", "A group member pointer extension group address constraint was violated");
      e(2030, "ConstraintMintMetadataPointerExtension", "A metadata pointer extension constraint was violated");
      e(2031, "ConstraintMintMetadataPointerExtensionAuthority", "A metadata pointer extension authority constraint was violated");
      e(2032, "ConstraintMintMetadataPointerExtensionMetadataAddress", "A metadata pointer extension metadata address constraint was violated");
      e(2033, "ConstraintMintCloseAuthorityExtension", "A close authority constraint was violated");
      e(2034, "ConstraintMintCloseAuthorityExtensionAuthority", "A close authority extension authority constraint was violated");
      e(2035, "ConstraintMintPermanentDelegateExtension", "A permanent delegate extension constraint was violated");
      e(2036, "ConstraintMintPermanentDelegateExtensionDelegate", "A permanent delegate extension delegate constraint was violated");
      e(2037, "ConstraintMintTransferHookExtension", "A transfer hook extension constraint was violated");
      e(2038, "ConstraintMintTransferHookExtensionAuthority", "A transfer hook extension authority constraint was violated");
      e(2039, "ConstraintMintTransferHookExtensionProgramId", "A transfer hook extension transfer hook program id constraint was violated");
      e(2500, "RequireViolated", "A require expression was violated");
      e(2501, "RequireEqViolated", "A require_eq expression was violated");
      e(2502, "RequireKeysEqViolated", "A require_keys_eq expression was violated");
      e(2503, "RequireNeqViolated", "A require_neq expression was violated");
      e(2504, "RequireKeysNeqViolated", "A require_keys_neq expression was violated");
      e(2505, "RequireGtViolated", "A require_gt expression was violated");
      e(2506, "RequireGteViolated", "A require_gte expression was violated");
      e(3000, "AccountDiscriminatorAlreadySet", "The account discriminator was already set on this account");
      e(3001, "AccountDiscriminatorNotFound", "No discriminator was found on the account");
      e(3002, "AccountDiscriminatorMismatch", "Account discriminator did not match what was expected");
      e(3003, "AccountDidNotDeserialize", "Failed to deserialize the account");
      e(3004, "AccountDidNotSerialize", "Failed to serialize the account");
      e(3005, "AccountNotEnoughKeys", "Not enough account keys given to the instruction");
      e(3006, "AccountNotMutable", "The given account is not mutable");
      e(3007, "AccountOwnedByWrongProgram", "The given account is owned by a different program than expected");
      e(3008, "InvalidProgramId", "Program ID was not as expected");
      e(3009, "InvalidProgramExecutable", "Program account is not executable");
      e(3010, "AccountNotSigner", "The given account did not sign");
      e(3011, "AccountNotSystemOwned", "The given account is not owned by the system program");
      e(3012, "AccountNotInitialized", "The program expected this account to be already initialized");
      e(3013, "AccountNotProgramData", "The given account is not a program data account");
      e(3014, "AccountNotAssociatedTokenAccount", "The given account is not the associated token account");
      e(3015, "AccountSysvarMismatch", "The given public key does not match the required sysvar");
      e(3016, "AccountReallocExceedsLimit", "The account reallocation exceeds the MAX_PERMITTED_DATA_INCREASE limit");
      e(3017, "AccountDuplicateReallocs", "The account was duplicated for more than one reallocation");
      e(4100, "DeclaredProgramIdMismatch", "The declared program id does not match the actual program id");
      e(4101, "TryingToInitPayerAsProgramAccount", "You cannot/should not initialize the payer account as a program account");
      e(4102, "InvalidNumericConversion", "The program could not perform the numeric conversion, out of range integral type conversion attempted");
      e(5000, "Deprecated", "The API being used is deprecated and should no longer be used");
    }
  }
}
