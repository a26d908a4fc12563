package cn.yrd.registry.rest;

import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Roles;
import cn.yrd.registry.api.ImportReport;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.service.AccessPolicy;
import cn.yrd.registry.service.ImportRowReader;
import cn.yrd.registry.service.ImportService;
import cn.yrd.support.security.Caller;
import cn.yrd.support.security.CallerInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 批量导入: onboarding an existing register. */
@Path("/api/v1/registrations/import")
@Tag(name = "Registrations")
@SecurityRequirement(name = "bearer")
public class ImportResource {
  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  @Inject ImportService imports;
  @Inject RegistryConfig config;
  @Inject Caller caller;

  @POST
  @RolesAllowed(Roles.REGISTRAR)
  @Consumes({NDJSON, CSV})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Bulk-import registrations (批量导入)",
      description =
          "Streams an NDJSON file (one registration object per line, as for POST /registrations) or a"
              + " CSV file with a header naming the columns uscc, name, category, legalRepName,"
              + " legalRepIdNumber, domicile, businessScope, registeredFunds, supervisoryUnit,"
              + " registrationAuthority, establishmentDate. Valid rows are stored and published in"
              + " batches of 500; every refused row is reported with its line number and stores"
              + " nothing.")
  @RequestBody(
      content = {
        @Content(
            mediaType = NDJSON,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description =
                        "NDJSON: one RegistrationRequest object (as for POST /registrations) per"
                            + " line"),
            example =
                "{\"uscc\":\"51310115000004212C\",\"name\":\"上海市软件行业协会\",\"category\":\"SOCIAL_GROUP\",…}"),
        @Content(
            mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING, description = "UTF-8 CSV with a header row"),
            example =
                "uscc,name,category,legalRepName,legalRepIdNumber,domicile,businessScope,registeredFunds,supervisoryUnit,registrationAuthority,establishmentDate")
      })
  @APIResponse(
      responseCode = "200",
      description = "The import ran; the report says what was stored and what was refused",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(
      responseCode = "415",
      description = "Neither NDJSON nor CSV",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public ImportReport importRegistrations(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    CallerInfo who = caller.info();
    new AccessPolicy(config.province()).requireRegistrationWrite(who);
    ImportRowReader.Format format =
        contentType != null && contentType.startsWith(CSV)
            ? ImportRowReader.Format.CSV
            : ImportRowReader.Format.NDJSON;
    return imports.importRegistrations(body, format, who);
  }
}
