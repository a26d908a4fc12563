package cn.yrd.support.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page a problem's {@code type} resolves to ({@code /problems/<name>}): what the error means
 * and how to fix it, from {@link ProblemTypeCatalog}. Part of every service's documentation rather
 * than its API, so it is left out of the OpenAPI document.
 */
@Path(ProblemTypes.PATH)
@PermitAll
public class ProblemTypeResource {
  private static final ProblemTypeCatalog CATALOG = ProblemTypeCatalog.load();

  @GET
  @Path("{name: .+}")
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  @Operation(hidden = true)
  public String page(@PathParam("name") String name) {
    return CATALOG
        .page(name)
        .orElseThrow(() -> ProblemException.notFound("no problem type '" + name + "'"));
  }
}
