package cn.yrd.registry.service.clearance;

import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Asks the recognition service about an intended registration, without blocking, with the
 * registrar's own token. It never fails: no answer in time is an UNAVAILABLE check, and the
 * registration goes on, so a federation outage never stops a province from registering.
 */
@ApplicationScoped
public class ClearanceClient {
  private static final Logger LOG = Logger.getLogger(ClearanceClient.class);

  @Inject RegistryConfig config;
  @Inject ObjectMapper json;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public CompletionStage<ClearanceCheck> check(Organization org, String authorization) {
    if (config.clearance().url().isEmpty() || authorization == null) {
      return CompletableFuture.completedFuture(ClearanceCheck.notAsked());
    }
    URI base = config.clearance().url().get();
    ObjectNode body = json.createObjectNode();
    body.put("uscc", org.uscc);
    body.put("normalizedName", org.normalizedName);
    body.put("category", org.category.name());
    body.put("personRef", org.legalRepPersonRef);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/clearance"))
            .timeout(config.clearance().timeout())
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> answer(base, response))
        .exceptionally(
            e -> {
              LOG.warnf("clearance not checked for %s: %s", org.uscc, e.getMessage());
              return ClearanceCheck.unavailable(e.getClass().getSimpleName());
            });
  }

  private ClearanceCheck answer(URI base, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return ClearanceCheck.unavailable("HTTP " + response.statusCode());
    }
    try {
      JsonNode answer = json.readTree(response.body());
      List<ClearanceCheck.Finding> findings = new ArrayList<>();
      answer
          .path("findings")
          .forEach(
              f ->
                  findings.add(
                      new ClearanceCheck.Finding(
                          f.path("type").asText(),
                          f.path("ruleId").asText(),
                          f.path("severity").asText())));
      List<String> missing = new ArrayList<>();
      answer.path("missing").forEach(m -> missing.add(m.asText()));
      String id = answer.path("clearanceId").asText(null);
      return new ClearanceCheck(
          answer.path("outcome").asText(),
          findings,
          missing,
          id == null ? null : base.resolve("/api/v1/clearance/" + id + "/details"),
          null);
    } catch (Exception e) {
      return ClearanceCheck.unavailable("unreadable answer");
    }
  }
}
