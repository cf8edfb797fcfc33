package org.amplify.domains.assignments;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.amplify.domains.Names;
import org.amplify.domains.PastedFacts;
import org.amplify.domains.assignments.SequentialAssignments.Program;

/**
 * A program pasted as facts, checked and put in order: every name assigned once, ⌊√N⌋ constants,
 * operands assigned, no cycle (the message names it), one table entry for each pair of operand values
 * an application uses, padded with filler facts. Each refusal names the line it is about.
 */
final class PastedProgram {

    private final SequentialAssignments domain;
    private final int firstName;
    private final int firstValue;
    private final int filler;

    PastedProgram(SequentialAssignments domain) {
        this.domain = domain;
        this.firstName = domain.nameToken(0);
        this.firstValue = domain.valueToken(1);
        this.filler = domain.fillerToken();
    }

    Program parse(int[][] pasted) {
        int[][] facts = PastedFacts.checkedCopy(domain, pasted);
        int[] assignedOn = new int[Names.COUNT];
        Arrays.fill(assignedOn, -1);
        int[][] entryOn = new int[SequentialAssignments.VALUES][SequentialAssignments.VALUES];
        for (int[] row : entryOn) {
            Arrays.fill(row, -1);
        }
        int assignments = 0;
        int constants = 0;
        int fillers = 0;
        for (int i = 0; i < facts.length; i++) {
            int[] fact = facts[i];
            if (domain.isName(fact[0])) {
                int x = fact[0] - firstName;
                boolean constant = domain.isValue(fact[1]) && fact[2] == filler;
                if (!constant && !(domain.isName(fact[1]) && domain.isName(fact[2]))) {
                    throw PastedFacts.refuse(domain, facts, i, "an assignment is x v - (x := v, a value 1 to " + SequentialAssignments.VALUES
                            + ") or x y z (x := f(y, z), two names)");
                }
                if (assignedOn[x] >= 0) {
                    throw PastedFacts.refuse(domain, facts, i, Names.name(x) + " is already assigned on "
                            + PastedFacts.line(domain, facts, assignedOn[x]) + ": a name is assigned once");
                }
                assignedOn[x] = i;
                assignments++;
                constants += constant ? 1 : 0;
            } else if (domain.isValue(fact[0])) {
                if (!domain.isValue(fact[1]) || !domain.isValue(fact[2])) {
                    throw PastedFacts.refuse(domain, facts, i, "a table entry is a b c (f(a, b) = c), three values 1 to "
                            + SequentialAssignments.VALUES);
                }
                int a = fact[0] - firstValue;
                int b = fact[1] - firstValue;
                if (entryOn[a][b] >= 0) {
                    throw PastedFacts.refuse(domain, facts, i, "f(" + (a + 1) + ", " + (b + 1) + ") is already given on "
                            + PastedFacts.line(domain, facts, entryOn[a][b]));
                }
                entryOn[a][b] = i;
            } else if (fact[0] == filler) {
                if (fact[1] != filler || fact[2] != filler) {
                    throw PastedFacts.refuse(domain, facts, i, "the filler fact is - - -");
                }
                fillers++;
            } else {
                throw PastedFacts.refuse(domain, facts, i, "a fact begins with a name (an assignment), a value (a table"
                        + " entry) or - (the filler), not " + domain.vocabulary().symbol(fact[0]));
            }
        }
        PastedFacts.checkSize(domain, assignments, "the facts assign " + assignments + " names");
        if (constants != SequentialAssignments.constants(assignments)) {
            throw new IllegalArgumentException("a program of N = " + assignments + " assignments has ⌊√N⌋ = "
                    + SequentialAssignments.constants(assignments) + " constants x := v, the facts have " + constants);
        }
        for (int i = 0; i < facts.length; i++) {
            if (domain.isName(facts[i][0]) && domain.isName(facts[i][1])) {
                for (int j = 1; j < 3; j++) {
                    if (assignedOn[facts[i][j] - firstName] < 0) {
                        throw PastedFacts.refuse(domain, facts, i, "no fact assigns the operand "
                                + domain.vocabulary().symbol(facts[i][j]));
                    }
                }
            }
        }
        int[] order = new int[assignments];
        int[] state = new int[Names.COUNT]; // 0 unvisited, 1 on the path, 2 done
        int ordered = 0;
        for (int i = 0; i < facts.length; i++) {
            if (domain.isName(facts[i][0])) {
                ordered = inOrder(facts[i][0] - firstName, facts, assignedOn, state, new ArrayDeque<>(), order,
                        ordered);
            }
        }
        int[] value = new int[Names.COUNT];
        boolean[][] used = new boolean[SequentialAssignments.VALUES][SequentialAssignments.VALUES];
        for (int x : order) {
            int[] fact = facts[assignedOn[x]];
            if (domain.isValue(fact[1])) {
                value[x] = fact[1] - firstValue;
                continue;
            }
            int a = value[fact[1] - firstName];
            int b = value[fact[2] - firstName];
            if (entryOn[a][b] < 0) {
                throw PastedFacts.refuse(domain, facts, assignedOn[x], "here f(" + (a + 1) + ", " + (b + 1)
                        + ") is needed, and no table entry " + (a + 1) + " " + (b + 1) + " c gives it");
            }
            used[a][b] = true;
            value[x] = facts[entryOn[a][b]][2] - firstValue;
        }
        int slots = assignments - constants;
        int entries = 0;
        for (int i = 0; i < facts.length; i++) {
            if (domain.isValue(facts[i][0])) {
                entries++;
                if (!used[facts[i][0] - firstValue][facts[i][1] - firstValue]) {
                    throw PastedFacts.refuse(domain, facts, i, "no assignment uses this entry: the table has the entries"
                            + " the assignments use, as in the paper");
                }
            }
        }
        if (entries + fillers > slots) {
            int excess = entries + fillers - slots;
            for (int i = facts.length - 1; i >= 0; i--) {
                if (facts[i][0] == filler && --excess == 0) {
                    throw PastedFacts.refuse(domain, facts, i, "one filler too many: a program of N = " + assignments
                            + " assignments has N − ⌊√N⌋ = " + slots + " table entries and fillers");
                }
            }
        }
        int[][] padded = Arrays.copyOf(facts, assignments + slots);
        for (int i = facts.length; i < padded.length; i++) {
            padded[i] = new int[] {filler, filler, filler};
        }
        return Programs.of(domain, assignments, padded, order);
    }

    /**
     * Appends x to the order after the names it is computed from (depth first).
     *
     * @throws IllegalArgumentException naming x's assignment when x depends on itself
     */
    private int inOrder(int x, int[][] facts, int[] assignedOn, int[] state, ArrayDeque<Integer> path, int[] order,
            int ordered) {
        if (state[x] == 2) {
            return ordered;
        }
        int[] fact = facts[assignedOn[x]];
        if (state[x] == 1) {
            StringBuilder cycle = new StringBuilder();
            boolean inCycle = false;
            for (java.util.Iterator<Integer> it = path.descendingIterator(); it.hasNext(); ) { // bottom to top
                int y = it.next();
                inCycle |= y == x;
                if (inCycle) {
                    cycle.append(Names.name(y)).append(" → ");
                }
            }
            cycle.append(Names.name(x));
            throw PastedFacts.refuse(domain, facts, assignedOn[x], Names.name(x) + " depends on itself: " + cycle
                    + " (each is computed from the next)");
        }
        state[x] = 1;
        path.push(x);
        if (domain.isName(fact[1])) {
            ordered = inOrder(fact[1] - firstName, facts, assignedOn, state, path, order, ordered);
            ordered = inOrder(fact[2] - firstName, facts, assignedOn, state, path, order, ordered);
        }
        path.pop();
        state[x] = 2;
        order[ordered] = x;
        return ordered + 1;
    }
}
