package cn.yrd.contracts;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which names are compared, by the registries (one organization per normalized name in
 * a province, R-NAME-01) and by recognition (NAME_COLLISION across provinces, R-CONFLICT-03): NFKC
 * (which also folds full-width forms to half-width), traditional → simplified Chinese (opencc4j),
 * Latin letters lower-cased, whitespace and punctuation removed.
 */
public final class NameNormalizer {
  private NameNormalizer() {}

  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
    String simplified = ZhConverterUtil.toSimple(folded);
    StringBuilder out = new StringBuilder(simplified.length());
    simplified
        .codePoints()
        .filter(
            cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !isPunctuation(cp))
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isPunctuation(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }
}
