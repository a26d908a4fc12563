package cn.yrd.conformance;

import cn.yrd.contracts.Province;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Runs the conformance cases against a deployment, so that a province can check its own
 * installation: {@code --target target.properties [--cases conformance/cases] [--rule R-LIST-02]}.
 * The target file names the services and a token per role (see docs/rules.md). It prints one line
 * per case and "N passed, N failed, N not run"; the exit code is 1 if any case failed.
 */
public final class ConformanceMain {
  private ConformanceMain() {}

  public static void main(String[] args) throws IOException {
    Path targetFile = null;
    Path cases = Path.of("conformance", "cases");
    String rule = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--target" -> targetFile = Path.of(args[++i]);
        case "--cases" -> cases = Path.of(args[++i]);
        case "--rule" -> rule = args[++i];
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (targetFile == null) {
      usage("--target is required");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(targetFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    List<Case> all = CaseFile.readAll(cases);
    String only = rule;
    List<Case> chosen = all.stream().filter(c -> only == null || c.rule().equals(only)).toList();
    CaseRunner runner = new CaseRunner(new PropertiesTarget(properties));
    if (!runner.clockMovable()) {
      System.out.println(
          "The target's business clock is fixed: cases that cross a date boundary are not run.");
    }
    List<Result> results = runner.runAll(chosen, System.out::println);
    System.out.println(Summary.of(results));
    System.exit(results.stream().anyMatch(r -> r.outcome() == Result.Outcome.FAILED) ? 1 : 0);
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(
        "usage: ConformanceMain --target target.properties [--cases DIR] [--rule RULE-ID]");
    System.exit(2);
  }

  /**
   * A target described by properties: {@code registry.SH=https://…} (and JS, ZJ, AH), {@code
   * recognition=https://…}, and {@code token.<role>.<PROVINCE>=…} per role and province ({@code
   * token.auditor=…} for the region-wide auditor); optionally {@code kafka=host:port}, the broker,
   * for the cases that publish as a registry would.
   */
  record PropertiesTarget(Properties properties) implements Target {
    @Override
    public String registryUrl(Province province) {
      return required("registry." + province.name());
    }

    @Override
    public String recognitionUrl() {
      return required("recognition");
    }

    @Override
    public String token(String role, Province province) {
      return required(
          "token." + role.toLowerCase(Locale.ROOT) + (province == null ? "" : "." + province));
    }

    @Override
    public java.util.Optional<String> kafkaBootstrap() {
      return java.util.Optional.ofNullable(properties.getProperty("kafka")).map(String::strip);
    }

    private String required(String key) {
      String value = properties.getProperty(key);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("the target file has no " + key);
      }
      return value.strip();
    }
  }
}
