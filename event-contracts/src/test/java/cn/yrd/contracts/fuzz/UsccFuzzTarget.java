package cn.yrd.contracts.fuzz;

import cn.yrd.contracts.InvalidUsccException;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccCheckCharacters;
import cn.yrd.contracts.UsccValidator;
import cn.yrd.contracts.UsccViolation;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Optional;

/**
 * Jazzer fuzz target (coverage-guided, run by the build for a few seconds): whatever the input, the
 * USCC and ID-number validators answer instead of throwing, the validator and the parser agree, and
 * an accepted code is refused once its check character changes.
 */
public final class UsccFuzzTarget {
  private UsccFuzzTarget() {}

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    Optional<UsccViolation> violation = UsccValidator.check(input);
    ResidentIdNumber.check(input);
    UsccValidator.checkCivilAffairs(input);
    if (violation.isPresent()) {
      try {
        Uscc.parse(input);
        throw new AssertionError("parsed a code the validator refuses: " + input);
      } catch (InvalidUsccException expected) {
        return;
      }
    }
    String code = Uscc.parse(input).value();
    if (!code.equals(input)) {
      throw new AssertionError("the parser changed " + input + " into " + code);
    }
    String alphabet = UsccCheckCharacters.ALPHABET;
    char check = Character.toUpperCase(code.charAt(17));
    char other = alphabet.charAt((alphabet.indexOf(check) + 1) % alphabet.length());
    if (UsccValidator.check(code.substring(0, 17) + other).isEmpty()) {
      throw new AssertionError("accepted " + code + " with another check character " + other);
    }
  }
}
