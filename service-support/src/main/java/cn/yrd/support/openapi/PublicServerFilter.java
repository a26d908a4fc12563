package cn.yrd.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Names the URL a deployment serves the API at ({@code yrd.openapi.public-url}, {@code
 * YRD_PUBLIC_URL}) as the document's only server, so a generated client calls it and not the
 * address the process happened to bind. Runs when the document is requested, never at start-up.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class PublicServerFilter implements OASFilter {
  static final String PUBLIC_URL = "yrd.openapi.public-url";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Optional<String> url = ConfigProvider.getConfig().getOptionalValue(PUBLIC_URL, String.class);
    url.ifPresent(
        u ->
            openAPI.setServers(
                List.of(
                    OASFactory.createServer()
                        .url(u)
                        .description(
                            ConfigProvider.getConfig()
                                .getOptionalValue("quarkus.application.name", String.class)
                                .orElse("this service")))));
  }
}
