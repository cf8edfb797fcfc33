package org.amplify.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.amplify.AmplifyProperties;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The champion of a domain: promoting a version makes it the champion, promoting an older one rolls
 * back, the history keeps every change, and each change publishes {@link ChampionChanged}.
 * (The same Spring context as the web tests, so that one embedded PostgreSQL serves them all.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ChampionTests {

    static final ModelSize TINY = new ModelSize(8, 1, 1, 8);

    @Autowired
    ModelRegistry registry;

    @Autowired
    Domains domains;

    @Autowired
    AmplifyProperties amplify;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void promotingSetsTheChampionAndPromotingAnOlderVersionRollsBack() {
        AlgorithmicDomain domain = domains.get("wildcard-search");
        ModelVersion v1 = register(domain, null, 1);
        ModelVersion v2 = register(domain, v1.id(), 2);
        Long before = registry.champion(domain.name()).map(ModelVersion::id).orElse(null);

        assertThat(registry.promote(v1.id(), "alice")).isEqualTo(v1);
        assertThat(registry.champion(domain.name())).contains(v1);
        registry.promote(v2.id(), "alice");
        assertThat(registry.champion(domain.name())).contains(v2);
        registry.promote(v1.id(), "bob"); // the roll back
        assertThat(registry.champion(domain.name())).contains(v1);

        List<ChampionChange> history = registry.championHistory(domain.name());
        assertThat(history).hasSizeGreaterThanOrEqualTo(3);
        assertThat(history.subList(0, 3)).extracting(ChampionChange::versionId, ChampionChange::previousVersionId,
                        ChampionChange::setBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(v1.id(), v2.id(), "bob"),
                        org.assertj.core.groups.Tuple.tuple(v2.id(), v1.id(), "alice"),
                        org.assertj.core.groups.Tuple.tuple(v1.id(), before, "alice"));
        assertThat(history).allMatch(change -> change.domain().equals(domain.name()));
        assertThat(history.get(0).setAt()).isAfterOrEqualTo(history.get(2).setAt());

        assertThat(events.stream(ChampionChanged.class)).containsExactly(
                new ChampionChanged(domain.name(), v1.id(), before),
                new ChampionChanged(domain.name(), v2.id(), v1.id()),
                new ChampionChanged(domain.name(), v1.id(), v2.id()));
    }

    @Test
    void promotingTheChampionAgainChangesNothing() {
        AlgorithmicDomain domain = domains.get("shortest-path");
        ModelVersion version = register(domain, null, 3);
        registry.promote(version.id(), "alice");
        int entries = registry.championHistory(domain.name()).size();

        registry.promote(version.id(), "bob");

        assertThat(registry.championHistory(domain.name())).hasSize(entries);
        assertThat(registry.championHistory(domain.name()).get(0).setBy()).isEqualTo("alice");
        assertThat(events.stream(ChampionChanged.class)).hasSize(1);
    }

    @Test
    void anUnknownVersionOrAnAlteredFileIsNotPromoted() throws Exception {
        AlgorithmicDomain domain = domains.get("sequential-assignments");
        assertThatThrownBy(() -> registry.promote(987_654L, "alice"))
                .isInstanceOf(ModelVersionNotFoundException.class).hasMessage("No model version with id 987654");

        ModelVersion champion = register(domain, null, 4);
        registry.promote(champion.id(), "alice");
        ModelVersion altered = register(domain, champion.id(), 5);
        Path file = amplify.dataDir().resolve(altered.artifactPath());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        jdbc.update("UPDATE model_artifacts SET content = ? WHERE model_version_id = ?", bytes, altered.id());

        assertThatThrownBy(() -> registry.promote(altered.id(), "alice"))
                .isInstanceOf(ModelArtifactException.class).hasMessageContaining("checksum");
        assertThat(registry.champion(domain.name())).contains(champion);
        assertThat(events.stream(ChampionChanged.class)).hasSize(1);
    }

    @Test
    void theHistoryIsAppendOnly() {
        AlgorithmicDomain domain = domains.get("union-find");
        registry.promote(register(domain, null, 6).id(), "alice");

        assertThatThrownBy(() -> jdbc.update("UPDATE model_alias_events SET set_by = 'mallory'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM model_alias_events"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(registry.championHistory(domain.name())).isNotEmpty();
    }

    private ModelVersion register(AlgorithmicDomain domain, Long parentId, long seed) {
        try (AnswerModel model = AnswerModel.create(domain, TINY, 1e-3f, seed)) {
            return registry.register(model, ModelKind.SL, parentId, Map.of("accuracy", 0.5 + seed / 100.0));
        }
    }
}
