package cn.yrd.support.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * What each parameter of the federation's APIs means, in one table by name and place, for the
 * parameters whose resource method does not say more ({@code @Parameter(description = …)} wins).
 * Names mean the same thing in every service; an {@code id} in a path is named by the collection
 * before it.
 */
final class ParameterDescriptions {
  private static final Map<String, String> PATH =
      Map.ofEntries(
          Map.entry(
              "uscc", "The organization's unified social credit code (统一社会信用代码), 18 characters"),
          Map.entry("code", "The 18-character code to decode"),
          Map.entry("eventId", "The event's id: its CloudEvents ce_id (a UUID)"),
          Map.entry(
              "personRef",
              "A person reference: HMAC-SHA256 of the normalized resident ID number under the"
                  + " federation key, hex (the ID number itself never leaves its province)"),
          Map.entry("originHash", "SHA-256, hex, of the audit log's checkpoint origin line"),
          Map.entry("level", "The tile's level in the Merkle tree (C2SP tlog-tiles)"),
          Map.entry(
              "index",
              "The tile's index in tlog-tiles path form (x001/x234/067), with .p/<width> for a"
                  + " partial tile"));
  private static final Map<String, String> QUERY =
      Map.ofEntries(
          Map.entry("uscc", "Only those concerning this USCC"),
          Map.entry("province", "Only those concerning this province"),
          Map.entry("status", "Only those in this status"),
          Map.entry("type", "Only those of this type"),
          Map.entry("severity", "Only conflicts of this severity"),
          Map.entry("category", "Only organizations of this category"),
          Map.entry("name", "Only names that contain this (after normalization)"),
          Map.entry("home", "Only requests whose home (registering) province is this"),
          Map.entry("host", "Only requests to be recognized in this (host) province"),
          Map.entry(
              "registrationAuthority",
              "Only organizations registered by this authority (its name)"),
          Map.entry("establishedFrom", "Only organizations established on or after this date"),
          Map.entry("establishedTo", "Only organizations established on or before this date"),
          Map.entry("from", "Only events received at or after this instant (ISO 8601)"),
          Map.entry("to", "Only events received before this instant (ISO 8601)"),
          Map.entry(
              "correlation",
              "Only events of one flow: the correlation id they share (a recognition request's id)"),
          Map.entry("first", "The size of the earlier tree (0 ≤ first ≤ second)"),
          Map.entry("second", "The size of the later tree"),
          Map.entry("cursor", "nextCursor of the previous page; absent for the first page"),
          Map.entry("limit", "Items per page"));

  private ParameterDescriptions() {}

  static void describe(String path, Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    for (Parameter parameter : operation.getParameters()) {
      if (parameter.getDescription() != null && !parameter.getDescription().isBlank()) {
        continue;
      }
      String name = parameter.getName();
      String description =
          switch (parameter.getIn()) {
            case PATH -> name.equals("id") ? idOf(path) : PATH.get(name);
            case QUERY -> QUERY.get(name);
            default -> null;
          };
      if (description != null) {
        parameter.setDescription(description);
      }
    }
  }

  /** {@code /api/v1/conflicts/{id}/…} → the conflict's id. */
  private static String idOf(String path) {
    String before = path.substring(0, path.indexOf("/{id}"));
    String collection = before.substring(before.lastIndexOf('/') + 1);
    String one =
        switch (collection) {
          case "conflicts" -> "conflict";
          case "recognitions" -> "recognition request";
          default -> collection;
        };
    return "The " + one + "'s id (a UUID)";
  }
}
