package org.amplify.web;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} parses as OpenAPI (swagger-core's model), every
 * {@code $ref} in it resolves, it holds every {@code /api/v1} route of every controller with the
 * bearer scheme and problem-detail errors, documents the export records' fields and both formats;
 * Swagger UI is served at {@code /swagger-ui}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void theDocumentParsesAndHoldsEveryApiRouteWithItsErrors() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String document = response.getContentAsString();
        OpenAPI api = Json31.mapper().readValue(document, OpenAPI.class);
        assertThat(api.getOpenapi()).startsWith("3.1");
        assertThat(api.getInfo().getTitle()).isEqualTo("Amplify API");

        Set<String> missing = new TreeSet<>();
        Set<String> routes = apiRoutes();
        assertThat(routes).contains("GET /api/v1/me", "GET /api/v1/users", "POST /api/v1/experiments",
                "GET /api/v1/experiments/{id}/points", "GET /api/v1/rounds", "GET /api/v1/snapshots/{id}/transcripts",
                "GET /api/v1/transcripts", "GET /api/v1/feedback", "GET /api/v1/models/{id}");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            PathItem item = api.getPaths().get(path);
            Operation operation = item == null ? null
                    : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
            if (operation == null) {
                missing.add(route);
                continue;
            }
            for (String status : List.of("401", "403")) {
                ApiResponse error = operation.getResponses().get(status);
                assertThat(error).as(route + " " + status).isNotNull();
                assertThat(error.getContent()).as(route + " " + status).containsKey("application/problem+json");
            }
            if (path.contains("{")) {
                assertThat(operation.getResponses()).as(route).containsKey("404");
            }
        }
        assertThat(missing).as("routes missing from /v3/api-docs").isEmpty();

        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
        assertThat(api.getSecurity().get(0)).containsKey("bearer");

        for (String export : List.of("/api/v1/transcripts", "/api/v1/feedback", "/api/v1/snapshots/{id}/transcripts")) {
            Operation operation = api.getPaths().get(export).getGet();
            var ok = operation.getResponses().get("200").getContent();
            assertThat(ok).as(export).containsKeys("application/x-ndjson", "application/json");
            assertThat(ok.get("application/x-ndjson").getExamples()).as(export).isNotEmpty();
            assertThat(operation.getResponses().get("400").getContent().get("application/problem+json").getExamples())
                    .isNotEmpty();
        }
        List<String> filters = api.getPaths().get("/api/v1/transcripts").getGet().getParameters().stream()
                .map(p -> p.getName()).toList();
        assertThat(filters).contains("domain", "from", "to", "expert", "verdict", "cursor", "limit");
        for (String export : List.of("/api/v1/transcripts", "/api/v1/feedback")) {
            var parameters = api.getPaths().get(export).getGet().getParameters();
            assertThat(parameters).as(export).extracting(p -> p.getName())
                    .containsExactlyInAnyOrder("domain", "from", "to", "expert", "verdict", "cursor", "limit");
            assertThat(parameters).as(export).allSatisfy(p -> {
                assertThat(p.getIn()).isEqualTo("query");
                assertThat(p.getDescription()).isNotBlank();
            });
        }
        assertThat(api.getPaths().get("/api/v1/snapshots/{id}/subquestions").getGet().getResponses().get("200")
                .getContent()).containsKeys("application/x-ndjson", "application/json", "text/csv");
        for (String export : List.of("/api/v1/snapshots/{id}/chat", "/api/v1/snapshots/{id}/preferences")) {
            var get = api.getPaths().get(export).getGet();
            assertThat(get.getDescription()).as(export).contains("JSON Lines", "system prompt");
            var ok = get.getResponses().get("200").getContent();
            assertThat(ok).as(export).containsOnlyKeys("application/x-ndjson");
            assertThat(ok.get("application/x-ndjson").getExamples()).as(export).isNotEmpty();
            assertThat(get.getResponses()).as(export).containsKey("404");
        }

        assertThat(api.getComponents().getSchemas().get("Transcript").getProperties().keySet())
                .containsExactlyInAnyOrderElementsOf(recordFields("org.amplify.datasets.web.TranscriptRecord"));
        assertThat(api.getComponents().getSchemas().get("TranscriptSubquestion").getProperties().keySet())
                .containsExactlyInAnyOrderElementsOf(recordFields("org.amplify.datasets.web.TranscriptRecord$SubquestionRecord"));
        assertThat(api.getComponents().getSchemas().get("Feedback").getProperties().keySet())
                .containsExactlyInAnyOrderElementsOf(recordFields("org.amplify.datasets.web.FeedbackRecord"));
        for (String type : List.of("Transcript", "TranscriptSubquestion", "TranscriptAnswer", "TranscriptVerdict",
                "Feedback", "Snapshot", "ModelVersion")) {
            Map<String, io.swagger.v3.oas.models.media.Schema> properties =
                    api.getComponents().getSchemas().get(type).getProperties();
            properties.forEach((name, schema) -> assertThat(schema.getDescription() != null
                    || schema.getItems() != null).as(type + "." + name + " is described").isTrue());
        }

        Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"").matcher(document);
        List<String> unresolved = new ArrayList<>();
        while (refs.find()) {
            if (!api.getComponents().getSchemas().containsKey(refs.group(1))) {
                unresolved.add(refs.group(1));
            }
        }
        assertThat(unresolved).as("$refs to no schema").isEmpty();
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        MockHttpServletResponse redirect = mvc.perform(get("/swagger-ui")).andReturn().getResponse();
        assertThat(redirect.getStatus()).isEqualTo(302);
        assertThat(redirect.getRedirectedUrl()).contains("/swagger-ui/index.html");
        MockHttpServletResponse page = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("swagger-ui");
    }

    private Set<String> apiRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/v1")) {
                        (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                                .forEach(method -> routes.add(method.name() + " " + pattern));
                    }
                }
            }
        }
        return routes;
    }

    private static List<String> recordFields(String type) throws ClassNotFoundException {
        return java.util.Arrays.stream(Class.forName(type).getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
    }
}
