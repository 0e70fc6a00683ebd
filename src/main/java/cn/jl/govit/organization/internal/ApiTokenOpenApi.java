package cn.jl.govit.organization.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names the bearer token next to HTTP Basic: every operation accepts either (two alternative
 * requirements), except the issue of a token, which declares Basic alone.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokenOpenApi {

    static final String SCHEME = "bearer";

    @Bean
    OpenApiCustomizer apiTokenSecurityScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("opaque")
                    .description("POST /api/v1/tokens with HTTP Basic issues one; SM3 digest kept, never the token"));
            boolean listed = openApi.getSecurity() != null
                    && openApi.getSecurity().stream().anyMatch(r -> r.containsKey(SCHEME));
            if (!listed) {
                openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            }
        };
    }
}
