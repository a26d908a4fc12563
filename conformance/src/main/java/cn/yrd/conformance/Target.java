package cn.yrd.conformance;

import cn.yrd.contracts.Province;
import java.util.Optional;

/** A federation the kit runs against: its services' base URLs and a token for each role. */
public interface Target {

  String registryUrl(Province province);

  String recognitionUrl();

  /** A bearer token for a role in a province (null for region-wide roles such as auditor). */
  String token(String role, Province province);

  /**
   * The broker's bootstrap servers, where the target lets the kit publish as a registry would (for
   * the rules that only a misbehaving registry can trigger); empty otherwise.
   */
  default Optional<String> kafkaBootstrap() {
    return Optional.empty();
  }
}
