package cn.yrd.audit.service;

import cn.yrd.audit.config.AuditConfig;
import cn.yrd.contracts.tlog.SignedNote;
import cn.yrd.contracts.tlog.VerifierKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Collects cosignatures for a checkpoint from every configured witness at once (C2SP tlog-witness
 * add-checkpoint). Each witness is sent the consistency proof from the size it last cosigned; a
 * witness that answers 409 names that size, and is asked once more from it.
 */
@ApplicationScoped
public class Witnessing {
  @Inject AuditConfig config;

  private final Map<String, Long> lastCosigned = new ConcurrentHashMap<>();
  private Map<String, VerifierKey> keys;
  private Map<String, String> urls;
  private HttpClient http;

  /** What the witnesses answered for one checkpoint. */
  public record Round(
      long treeSize, Map<String, String> cosignatures, Map<String, String> refusals) {}

  @PostConstruct
  void configure() {
    keys = new TreeMap<>();
    urls = new TreeMap<>();
    for (String witness : config.witnesses().orElse(List.of())) {
      String[] parts = witness.strip().split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "yrd.audit.witnesses: each is <URL> <verifier key>, not " + witness);
      }
      VerifierKey key = VerifierKey.parse(parts[1]);
      keys.put(key.name(), key);
      urls.put(key.name(), parts[0]);
    }
    http = HttpClient.newBuilder().connectTimeout(config.witnessTimeout()).build();
  }

  /** The configured witnesses and their keys: the published witness policy. */
  public Map<String, VerifierKey> keys() {
    return keys;
  }

  /** Where each witness's add-checkpoint is. */
  public Map<String, String> urls() {
    return urls;
  }

  /**
   * The cosignatures needed before a checkpoint is published; 0 publishes unwitnessed, which only a
   * test or a lone development instance should configure.
   */
  public int quorum() {
    return config.witnessQuorum();
  }

  /**
   * Asks every witness to cosign {@code checkpoint} (of {@code size}); {@code proofFrom} gives the
   * base64 consistency proof lines from an older size to this one.
   */
  public Round cosign(SignedNote checkpoint, long size, LongFunction<List<String>> proofFrom) {
    Map<String, CompletableFuture<String>> pending = new LinkedHashMap<>();
    urls.forEach(
        (name, url) ->
            pending.put(
                name,
                CompletableFuture.supplyAsync(() -> ask(name, url, checkpoint, size, proofFrom))));
    Map<String, String> cosignatures = new TreeMap<>();
    Map<String, String> refusals = new TreeMap<>();
    pending.forEach(
        (name, answer) -> {
          try {
            cosignatures.put(name, answer.join());
          } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            refusals.put(name, cause.getMessage() == null ? cause.toString() : cause.getMessage());
          }
        });
    return new Round(size, cosignatures, refusals);
  }

  private String ask(
      String name, String url, SignedNote checkpoint, long size, LongFunction<List<String>> proof) {
    long old = Math.min(lastCosigned.getOrDefault(name, 0L), size);
    HttpResponse<String> answer = post(url, old, proof.apply(old), checkpoint);
    if (answer.statusCode() == 409) {
      old = Long.parseLong(answer.body().strip());
      if (old > size) {
        throw new IllegalStateException(
            "witness " + name + " has cosigned size " + old + ", larger than " + size);
      }
      answer = post(url, old, proof.apply(old), checkpoint);
    }
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "witness " + name + " refused: " + answer.statusCode() + " " + answer.body().strip());
    }
    VerifierKey key = keys.get(name);
    List<String> lines = checkpoint.with(List.of(answer.body().split("\n"))).linesBy(key);
    if (lines.isEmpty()) {
      throw new IllegalStateException("witness " + name + " sent no valid cosignature");
    }
    lastCosigned.put(name, size);
    return lines.get(0);
  }

  private HttpResponse<String> post(String url, long old, List<String> proof, SignedNote note) {
    StringBuilder body = new StringBuilder("old ").append(old).append('\n');
    proof.forEach(line -> body.append(line).append('\n'));
    body.append('\n').append(note.text());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/add-checkpoint"))
            .timeout(config.witnessTimeout())
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("witness unreachable at " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String b64(byte[] hash) {
    return Base64.getEncoder().encodeToString(hash);
  }
}
