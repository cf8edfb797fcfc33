package org.amplify.domains;

import java.util.List;
import org.amplify.domains.assignments.SequentialAssignments;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.shortestpath.ShortestPath;
import org.amplify.domains.unionfind.UnionFind;
import org.amplify.domains.wildcard.WildcardSearch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainsTests {

    private final Domains domains = new Domains(List.of(new PermutationPowering(), new SequentialAssignments(),
            new WildcardSearch(), new ShortestPath(), new UnionFind()));

    @Test
    void theFiveTasksOfThePaperAreKnownByName() {
        assertThat(domains.algorithmic()).extracting(AlgorithmicDomain::name).containsExactly("permutation-powering",
                "sequential-assignments", "shortest-path", "union-find", "wildcard-search");
        assertThat(domains.get("union-find")).isInstanceOf(UnionFind.class);
        assertThat(domains.find(null)).isEmpty();
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> domains.get("chess"))
                .isInstanceOf(UnknownDomainException.class)
                .hasMessageContaining("unknown domain 'chess'")
                .hasMessageContaining("permutation-powering, sequential-assignments");
    }

    @Test
    void twoDomainsOfOneNameAreAMistake() {
        assertThatThrownBy(() -> new Domains(List.of(new PermutationPowering(), new PermutationPowering())))
                .isInstanceOf(IllegalStateException.class);
    }
}
