package org.amplify.models.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelVersion;
import org.amplify.models.web.Lineage.Edge;
import org.amplify.models.web.Lineage.Node;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lineage picture's layout: rows for branches, an edge per parent, never a line through a node. */
class LineageTests {

    @Test
    void aFirstChildContinuesItsParentsRowAndASecondChildBranches() {
        // v1 ← v2 ← v4, v1 ← v3 (a second child of v1), v5 unrelated
        List<ModelVersion> versions = List.of(version(5, 5, null), version(4, 4, 2L), version(3, 3, 1L),
                version(2, 2, 1L), version(1, 1, null));

        Lineage lineage = Lineage.of(versions, 3L, Map.of(3L, "v3 · champion"));

        assertThat(lineage.nodes()).extracting(Node::version).containsExactly(1, 2, 3, 4, 5);
        Node v1 = node(lineage, 1);
        Node v2 = node(lineage, 2);
        Node v3 = node(lineage, 3);
        Node v4 = node(lineage, 4);
        assertThat(v2.y()).isEqualTo(v1.y());
        assertThat(v4.y()).isEqualTo(v2.y());
        assertThat(v3.y()).isNotEqualTo(v1.y());
        assertThat(lineage.nodes()).extracting(Node::x).isSorted().doesNotHaveDuplicates();
        assertThat(lineage.edges()).extracting(Edge::parentId, Edge::childId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(1L, 2L), org.assertj.core.groups.Tuple.tuple(1L, 3L),
                org.assertj.core.groups.Tuple.tuple(2L, 4L));
        assertThat(lineage.nodes()).filteredOn(Node::champion).extracting(Node::version).containsExactly(3);
        assertThat(v3.tooltip()).isEqualTo("v3 · champion");
        assertThat(lineage.nodes()).allMatch(n -> n.x() < lineage.width() && n.y() < lineage.height());
    }

    @Test
    void noEdgeAlongARowPassesThroughAnotherNode() {
        // a chain with side branches and unrelated versions in between, as experiments and rounds make them
        List<ModelVersion> versions = new ArrayList<>();
        Long[] parents = {null, 1L, null, 2L, 2L, null, 4L, 3L, null, 5L, 7L, 1L};
        for (int i = 0; i < parents.length; i++) {
            versions.add(version(i + 1, i + 1, parents[i]));
        }
        Lineage lineage = Lineage.of(versions, null, Map.of());

        for (Edge edge : lineage.edges()) {
            Node parent = node(lineage, (int) edge.parentId());
            Node child = node(lineage, (int) edge.childId());
            if (parent.y() == child.y()) {
                assertThat(lineage.nodes()).as("nodes on the straight edge %s", edge)
                        .noneMatch(n -> n.y() == parent.y() && n.x() > parent.x() && n.x() < child.x());
            }
        }
        assertThat(lineage.edges()).hasSize(8);
    }

    @Test
    void aParentOutsideThePictureOrNoVersionAtAllIsDrawable() {
        Lineage orphan = Lineage.of(List.of(version(7, 2, 99L)), null, Map.of());
        assertThat(orphan.edges()).isEmpty();
        assertThat(orphan.nodes()).hasSize(1);

        Lineage empty = Lineage.of(List.of(), null, Map.of());
        assertThat(empty.nodes()).isEmpty();
        assertThat(empty.width()).isPositive();
    }

    private static Node node(Lineage lineage, int version) {
        return lineage.nodes().stream().filter(n -> n.version() == version).findFirst().orElseThrow();
    }

    private static ModelVersion version(long id, int version, Long parentId) {
        return new ModelVersion(id, "permutation-powering", version, parentId, ModelKind.IA, "models/x/model.bin",
                "0".repeat(64), Map.of(), Instant.EPOCH, null);
    }
}
