package cn.yrd.registry.rest;

import cn.yrd.contracts.InvalidUsccException;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccRule;
import cn.yrd.registry.service.RegistrationRules;
import cn.yrd.support.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 统一社会信用代码查验: decodes a code, or names the rule it fails. Public: it reads no record. */
@Path("/api/v1/uscc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "USCC", description = "统一社会信用代码: decode and check a code (GB 32100-2015)")
public class UsccResource {

  /** A decoded code. */
  public record DecodedUscc(
      @Schema(example = "53100000500021676K") String uscc,
      @Schema(
              example = "5",
              description = "Position 1: registration-authority kind; 5 is civil affairs")
          char authorityKind,
      @Schema(description = "Whether a civil-affairs registry may hold it") boolean civilAffairs,
      @Schema(description = "Position 2 read as a civil-affairs category") OrgCategory category,
      @Schema(example = "100000", description = "Positions 3-8: the issuing authority's division")
          String divisionCode,
      @Schema(description = "The delta province of that division, if any") Province province,
      @Schema(description = "Issued by the national ministry (100000)") boolean national,
      @Schema(example = "500021676", description = "Positions 9-17: GB 11714 organization code")
          String organizationCode) {}

  @GET
  @Path("/{code}")
  @PermitAll
  @Operation(
      summary = "Decode a USCC, or name the rule it fails",
      description =
          "Checks an 18-character unified social credit code (统一社会信用代码, GB 32100) and"
              + " splits it into its registration authority, category, division and organization"
              + " code. Open to anyone: a registrar may check a code before registering it.")
  @APIResponse(
      responseCode = "200",
      description = "A valid code and its parts",
      content = @Content(schema = @Schema(implementation = DecodedUscc.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "Invalid: errors[0].message names the rule (LENGTH, ALPHABET, …, CHECK_CHARACTER) and position",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public DecodedUscc decodeUscc(
      @PathParam("code") @Parameter(example = "53100000500021676K") String code) {
    try {
      Uscc uscc = Uscc.parse(RegistrationRules.normalizeUscc(code));
      return new DecodedUscc(
          uscc.value(),
          uscc.authorityKind(),
          uscc.category().isPresent(),
          uscc.category().orElse(null),
          uscc.divisionCode(),
          uscc.province().orElse(null),
          uscc.isNational(),
          uscc.organizationCode());
    } catch (InvalidUsccException e) {
      UsccRule rule = e.violation().rule();
      throw ProblemException.validation(
          List.of(new Problem.FieldError("uscc", rule + ": " + e.violation().message())));
    }
  }
}
