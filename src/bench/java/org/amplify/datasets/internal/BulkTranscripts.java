package org.amplify.datasets.internal;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many transcripts at once for the export benchmark, written by PostgreSQL itself with
 * {@code generate_series} (not through the services): one tree per thousand transcripts, each
 * transcript a submitted root workspace with two subquestions, each answered by three voting copies
 * and judged (the first accepted, the second corrected), and a snapshot of all of them.
 */
final class BulkTranscripts {

    private BulkTranscripts() {
    }

    /** @return the id of the snapshot holding the {@code n} new transcripts */
    static long create(JdbcTemplate jdbc, int n, long expertId) {
        long tree = next(jdbc, "trees");
        long question = next(jdbc, "questions");
        long workspace = next(jdbc, "workspaces");
        long sub = next(jdbc, "subquestions");
        long answer = next(jdbc, "sub_answers");
        long feedback = next(jdbc, "feedback");
        int trees = (n + 999) / 1000;
        jdbc.update("""
                INSERT INTO trees (id, domain, title, owner_id, context, model_call_budget, workspace_budget,
                                   depth_limit, experts_per_question, created_at)
                SELECT %d + t, 'text', 'Benchmark tree ' || t, %d, 'The benchmark document ' || t || '.', 3000, 50, 6, 1,
                       timestamptz '2025-01-01 00:00:00+00'
                FROM generate_series(1, %d) t""".formatted(tree, expertId, trees));
        jdbc.update("""
                INSERT INTO questions (id, tree_id, depth, text, visible_context, created_at)
                SELECT %d + i, %d + 1 + (i - 1) / 1000, 0,
                       'Which item of the benchmark document comes after item ' || i || '?',
                       'Item ' || i || ' is ' || md5(i::text) || '.' || E'\\n' || 'Item ' || (i + 1) || ' follows item '
                           || i || ' and is ' || md5((i + 1)::text) || '.' || E'\\n' || 'Ünïcödé – ☃ "quoted" text.',
                       timestamptz '2025-01-01 00:00:00+00' + i * interval '1 second'
                FROM generate_series(1, %d) i""".formatted(question, tree, n));
        jdbc.update("""
                INSERT INTO workspaces (id, question_id, status, answer, draft_answer, answered_by, submitted_at,
                                        version, created_at)
                SELECT %d + i, %d + i, 'SUBMITTED', 'Item ' || (i + 1), 'Item ' || (i + 1), %d,
                       timestamptz '2025-01-01 00:01:00+00' + i * interval '1 second', 1,
                       timestamptz '2025-01-01 00:00:00+00' + i * interval '1 second'
                FROM generate_series(1, %d) i""".formatted(workspace, question, expertId, n));
        jdbc.update("""
                INSERT INTO subquestions (id, workspace_id, position, text, normalized_text, passed_context,
                                          context_hash, asked_by, created_at)
                SELECT %d + 2 * (i - 1) + p, %d + i, p, 'What does line ' || p || ' of item ' || i || ' say?',
                       'what does line ' || p || ' of item ' || i || ' say?', 'Item ' || i || ' is '
                           || md5(i::text) || '.', md5(i::text) || md5(p::text), %d,
                       timestamptz '2025-01-01 00:00:00+00' + i * interval '1 second' + p * interval '10 seconds'
                FROM generate_series(1, %d) i, generate_series(1, 2) p""".formatted(sub, workspace, expertId, n));
        jdbc.update("""
                INSERT INTO sub_answers (id, subquestion_id, source, answer, votes, agreement, trusted,
                                         model_version_id, created_at)
                SELECT %d + s, %d + s, 'MODEL', 'line ' || s, jsonb_build_array('line ' || s, 'line ' || s, 'other'),
                       0.6666666666666666, true, 1,
                       timestamptz '2025-01-01 00:00:01+00' + ((s + 1) / 2) * interval '1 second'
                           + (2 - s %% 2) * interval '10 seconds'
                FROM generate_series(1, %d) s""".formatted(answer, sub, 2L * n));
        jdbc.update("""
                INSERT INTO feedback (id, subquestion_id, sub_answer_id, verdict, corrected_answer, expert_id,
                                      model_version_id, created_at)
                SELECT %d + s, %d + s, %d + s, CASE WHEN s %% 2 = 1 THEN 'ACCEPT' ELSE 'CORRECT' END,
                       CASE WHEN s %% 2 = 1 THEN NULL ELSE 'corrected line ' || s END, %d, 1,
                       timestamptz '2025-01-01 00:00:02+00' + ((s + 1) / 2) * interval '1 second'
                           + (2 - s %% 2) * interval '10 seconds'
                FROM generate_series(1, %d) s""".formatted(feedback, sub, answer, expertId, 2L * n));
        for (String table : new String[] {"trees", "questions", "workspaces", "subquestions", "sub_answers",
            "feedback"}) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM "
                    + table + "))", Long.class);
        }
        long round = jdbc.queryForObject("""
                INSERT INTO rounds (domain, status, options, phase, started_by) VALUES ('text', 'SUCCEEDED', '{}',
                'DONE', 'benchmark') RETURNING id""", Long.class);
        long snapshot = jdbc.queryForObject("INSERT INTO snapshots (domain, round_id, size) VALUES ('text', ?, ?) "
                + "RETURNING id", Long.class, round, n);
        jdbc.update("""
                INSERT INTO snapshot_transcripts (snapshot_id, workspace_id, position)
                SELECT %d, %d + i, i - 1 FROM generate_series(1, %d) i""".formatted(snapshot, workspace, n));
        for (String table : new String[] {"trees", "questions", "workspaces", "subquestions", "sub_answers",
            "feedback", "snapshot_transcripts", "users"}) {
            jdbc.execute("VACUUM ANALYZE " + table);
        }
        return snapshot;
    }

    private static long next(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM " + table, Long.class);
    }
}
