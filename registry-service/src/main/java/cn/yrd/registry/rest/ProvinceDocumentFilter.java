package cn.yrd.registry.rest;

import cn.yrd.contracts.Province;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Puts the province a registry serves into its OpenAPI document ({@code info.summary} and {@code
 * x-province}; the title comes from configuration, which SmallRye applies after the filters), so
 * the four registries' documents are told apart by whoever generates a client from one.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ProvinceDocumentFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Province province =
        ConfigProvider.getConfig().getValue("yrd.registry.province", Province.class);
    openAPI
        .getInfo()
        .summary(
            "The register of "
                + province.englishName()
                + " ("
                + province.chineseName()
                + ", "
                + province.name()
                + ")")
        .addExtension("x-province", province.name());
  }
}
