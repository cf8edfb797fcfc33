package org.amplify.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.amplify.accounts.RouteRules;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI 3 document ({@code /v3/api-docs}, browsable at {@code /swagger-ui}): every
 * {@code /api/v1} route, the bearer scheme of API tokens, and the RFC 9457 problem details every
 * route may answer with (401 and 403 from the security layer, 400 for bad parameters or bodies, 404
 * for unknown ids). The document and the UI are public: they describe the API, not its data.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI amplifyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Amplify API").version("v1").description("""
                        Amplify's REST API. Send an API token (created on your account page, shown once) as \
                        `Authorization: Bearer amp_...`; a signed-in browser may call it too. Errors are RFC 9457 \
                        problem details (`application/problem+json`); a bad parameter is a 400 that names it in \
                        `detail` and in `errors[].field`. Researchers export datasets under Datasets: JSON Lines by \
                        default, pages of JSON with `Accept: application/json`."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token from your account page: `Authorization: Bearer amp_...`")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the problem responses to every operation under {@code /api/}. */
    @Bean
    OpenApiCustomizer apiProblemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> addProblems(path, item));
        };
    }

    private static void addProblems(String path, PathItem item) {
        if (!path.startsWith("/api/")) {
            return;
        }
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
            Operation operation = entry.getValue();
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            boolean hasParameters = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                    || operation.getRequestBody() != null;
            if (hasParameters) {
                responses.putIfAbsent("400", problem("A parameter or the body is invalid; `errors` names each",
                        400, "Bad Request", badRequestExample(operation, path), path));
            }
            responses.putIfAbsent("401", problem("No token, or a wrong or revoked one", 401, "Unauthorized",
                    "Authentication is required: send 'Authorization: Bearer <token>' with an API token created "
                            + "on your account page", path));
            responses.putIfAbsent("403", problem("The caller's roles do not allow this request", 403, "Forbidden",
                    "Your roles do not allow this request", path));
            if (path.contains("{")) {
                responses.putIfAbsent("404", problem("No such id", 404, "Not Found",
                        "No " + thing(path) + " with id 12", path));
            }
            operation.setResponses(responses);
        }
    }

    /** The API docs and Swagger UI are public. */
    @Bean
    RouteRules apiDocumentationRoutes() {
        return routes -> routes.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                "/swagger-ui", "/swagger-ui/**", "/swagger-ui.html").permitAll();
    }

    /** What a 400 of this operation typically says. */
    private static String badRequestExample(Operation operation, String path) {
        boolean verdict = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "verdict".equals(p.getName()));
        if (verdict) {
            return "verdict: 'maybe' is not a verdict: one of [accept, correct, expand]";
        }
        if (path.contains("{")) {
            return path.substring(path.indexOf('{') + 1, path.indexOf('}')) + ": 'abc' is not a valid value";
        }
        if (operation.getRequestBody() != null) {
            return "body: the request body is not valid JSON for this request";
        }
        return "domain: unknown domain 'chess'";
    }

    /** The thing an id of the path names, as the not-found messages say it: "snapshot", "model version". */
    private static String thing(String path) {
        String collection = path.substring("/api/v1/".length()).split("/")[0];
        return switch (collection) {
            case "models" -> "model version";
            case "users" -> "user";
            default -> collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
        };
    }

    private static ApiResponse problem(String description, int status, String title, String detail, String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", status == 400 ? "Invalid request" : title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path);
        if (status == 400) {
            int colon = detail.indexOf(':');
            example.put("errors", java.util.List.of(Map.of("field", detail.substring(0, colon),
                    "message", detail.substring(colon + 2))));
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(title, new Example().value(example))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema error = new ObjectSchema().description("one bad field or parameter")
                .addProperty("field", new StringSchema().description("its name").example("verdict"))
                .addProperty("message", new StringSchema().description("what is wrong with it")
                        .example("'maybe' is not a verdict: one of [accept, correct, expand]"));
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("what went wrong, naming the bad parameter")
                        .example("verdict: 'maybe' is not a verdict: one of [accept, correct, expand]"))
                .addProperty("instance", new StringSchema().description("the request's path")
                        .example("/api/v1/transcripts"))
                .addProperty("errors", new ArraySchema().items(error)
                        .description("400 only: each bad field or parameter"));
    }
}
