package cn.jl.govit;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: title, version and HTTP Basic for every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI govitOpenApi() {
        return new OpenAPI()
                .info(new Info().title("GovIT — 政务信息化项目全生命周期管理平台 API").version("v1")
                        .description("REST API of the platform that runs Jilin government IT projects under the "
                                + "Jilin Province Government Informatization Project Construction Management Measures (2020). "
                                + "Errors are application/problem+json; 422 answers list the violated rules with their articles."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
