package org.amplify.datasets.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.TestAccounts;
import org.amplify.datasets.TestDatasets;
import org.amplify.datasets.TestDatasets.Fixture;
import org.amplify.domains.wildcard.WildcardSearch;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelSize;
import org.amplify.models.ModelVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model versions over the API: metrics as registered, lineage both ways (ancestors, children),
 * the champion, and the snapshot and round a round's version was trained on; the snapshots list the
 * model trained on them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModelApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ModelRegistry registry;

    @Autowired
    TestDatasets datasets;

    @Autowired
    JsonMapper json;

    @Test
    void versionsShowTheirMetricsAndLineage() throws Exception {
        WildcardSearch domain = new WildcardSearch();
        ModelVersion root;
        ModelVersion child;
        ModelVersion grandchild;
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 11)) {
            root = registry.register(model, ModelKind.SL, null, Map.of("accuracy", 0.5, "labels", 640));
            child = registry.register(model, ModelKind.IA, root.id(), Map.of("accuracy", 0.75, "callsToH", 12));
            grandchild = registry.register(model, ModelKind.IA, child.id(), Map.of("accuracy", 0.875));
        }
        registry.promote(child.id(), "tests");

        JsonNode versions = get("/api/v1/models?domain=" + WildcardSearch.NAME);
        List<Long> ids = new ArrayList<>();
        versions.forEach(v -> ids.add(v.get("id").asLong()));
        assertThat(ids).containsSubsequence(root.id(), child.id(), grandchild.id());
        versions.forEach(v -> assertThat(DatasetExportTests.names(v))
                .isEqualTo(DatasetExportTests.components(ModelResponse.class)));

        JsonNode middle = get("/api/v1/models/" + child.id());
        assertThat(middle.get("domain").asString()).isEqualTo(WildcardSearch.NAME);
        assertThat(middle.get("kind").asString()).isEqualTo("IA");
        assertThat(middle.get("parentId").asLong()).isEqualTo(root.id());
        assertThat(middle.get("champion").asBoolean()).isTrue();
        assertThat(middle.get("sha256").asString()).isEqualTo(child.sha256());
        assertThat(middle.get("metrics").get("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(middle.get("metrics").get("callsToH").asInt()).isEqualTo(12);
        assertThat(longs(middle.get("ancestors"))).containsExactly(root.id());
        assertThat(longs(middle.get("children"))).containsExactly(grandchild.id());
        assertThat(middle.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

        JsonNode last = get("/api/v1/models/" + grandchild.id());
        assertThat(longs(last.get("ancestors"))).containsExactly(child.id(), root.id());
        assertThat(last.get("champion").asBoolean()).isFalse();
        assertThat(longs(get("/api/v1/models/" + root.id()).get("children"))).containsExactly(child.id());
    }

    @Test
    void aSnapshotNamesTheModelTrainedOnItAndTheModelItsSnapshot() throws Exception {
        Fixture fixture = datasets.fixture();
        JsonNode snapshot = get("/api/v1/snapshots/" + fixture.round().snapshotId());
        assertThat(snapshot.get("domain").asString()).isEqualTo("text");
        assertThat(snapshot.get("roundId").asLong()).isEqualTo(fixture.round().id());
        assertThat(snapshot.get("size").asInt()).isEqualTo(fixture.round().snapshotSize());
        assertThat(snapshot.get("transcripts").asString())
                .isEqualTo("/api/v1/snapshots/" + fixture.round().snapshotId() + "/transcripts");
        JsonNode all = get("/api/v1/snapshots?domain=text");
        List<Long> ids = new ArrayList<>();
        all.forEach(s -> ids.add(s.get("id").asLong()));
        assertThat(ids).contains(fixture.round().snapshotId());
        if (fixture.round().modelVersionId() == null) {
            assertThat(snapshot.get("modelVersionId").isNull()).isTrue();
        } else {
            assertThat(snapshot.get("modelVersionId").asLong()).isEqualTo(fixture.round().modelVersionId());
            JsonNode model = get("/api/v1/models/" + fixture.round().modelVersionId());
            assertThat(model.get("kind").asString()).isEqualTo("ROUND");
            assertThat(model.get("roundId").asLong()).isEqualTo(fixture.round().id());
            assertThat(model.get("snapshotId").asLong()).isEqualTo(fixture.round().snapshotId());
        }
    }

    private JsonNode get(String path) throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + accounts.token(accounts.researcher())))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }
}
