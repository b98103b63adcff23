package org.athar.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.athar.report.Gazetteer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame ({@code GET /v3/api-docs}): title, version and licence, the two ways a script signs
 * in (applied to every operation, so the Swagger UI at /api-docs.html can sign in), the query parameters of the
 * endpoints that read their whole query string ({@link AcceptsQuery}) and the error answers ({@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";

    @Bean
    OpenAPI atharOpenApi(Gazetteer gazetteer) {
        Components components = new Components()
                .addSecuritySchemes(
                        BASIC,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("Username and password, for accounts without two-step sign-in. Each "
                                        + "request costs a password check: prefer an API token."))
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("Athar API token (athar_...)")
                                .description("A personal API token made under Account → API tokens: "
                                        + "Authorization: Bearer athar_... It acts with its owner's roles."));
        new QueryParameterDocs(gazetteer).components().forEach(components::addParameters);
        return new OpenAPI()
                .info(new Info()
                        .title("Athar API")
                        .version(version())
                        .description("Search, count, chart and export reports of enforced disappearance and "
                                + "missing persons in Syria; import data and administer Athar. Every call needs a "
                                + "sign-in and the permission of the role (docs/security.md); errors are problem "
                                + "details (application/problem+json).")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(components)
                .security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(BASIC)));
    }

    /** The parameters of {@link AcceptsQuery}, as references to {@code components.parameters}. */
    @Bean
    OperationCustomizer acceptedQueryParameters() {
        return (operation, handler) -> {
            AcceptsQuery accepts = handler.getMethodAnnotation(AcceptsQuery.class);
            if (accepts != null) {
                for (String name : accepts.value().accepted()) {
                    operation.addParametersItem(new Parameter()
                            .$ref("#/components/parameters/" + QueryParameterDocs.key(accepts.value(), name)));
                }
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemResponses::addTo;
    }

    /** The project's version, written into the resource by the build. */
    private static String version() {
        try (InputStream in = ApiDocumentation.class.getResourceAsStream("/athar-api/api.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "athar-api/api.properties is missing from the classpath; build Athar with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
