package org.amplify.domains.assignments;

import java.util.Arrays;
import org.amplify.domains.Names;
import org.amplify.domains.assignments.SequentialAssignments.Program;

/** Builds a {@link Program}'s values, depths and operands from its facts: what generating and pasting share. */
final class Programs {

    private Programs() {
    }

    /**
     * The program of facts whose assignments, in the given order of names, use only names assigned
     * before: what generating and pasting share.
     */
    static Program of(SequentialAssignments domain, int size, int[][] facts, int[] variables) {
        int[] value = new int[Names.COUNT];
        int[] depth = new int[Names.COUNT];
        int[] first = new int[Names.COUNT];
        int[] second = new int[Names.COUNT];
        Arrays.fill(value, -1);
        Arrays.fill(depth, -1);
        Arrays.fill(first, -1);
        Arrays.fill(second, -1);
        int[][] entries = new int[SequentialAssignments.VALUES][SequentialAssignments.VALUES];
        for (int[] row : entries) {
            Arrays.fill(row, -1);
        }
        int[][] assignment = new int[Names.COUNT][];
        for (int[] fact : facts) {
            if (domain.isName(fact[0])) {
                assignment[fact[0] - domain.nameToken(0)] = fact;
            } else if (domain.isValue(fact[0])) {
                entries[fact[0] - domain.valueToken(1)][fact[1] - domain.valueToken(1)] = fact[2] - domain.valueToken(1);
            }
        }
        for (int x : variables) {
            int[] fact = assignment[x];
            if (domain.isValue(fact[1])) {
                value[x] = fact[1] - domain.valueToken(1);
                depth[x] = 0;
                continue;
            }
            int y = fact[1] - domain.nameToken(0);
            int z = fact[2] - domain.nameToken(0);
            value[x] = entries[value[y]][value[z]];
            depth[x] = Math.max(depth[y], depth[z]) + 1;
            first[x] = y;
            second[x] = z;
        }
        return new Program(size, facts, variables.clone(), value, depth, first, second, entries);
    }
}
