package org.amplify.distillation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amplify.distillation.CascadeRound;
import org.amplify.distillation.Round;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The cascade's numbers per round of {@code text}, read from the views the other modules publish
 * (V20: {@code questions_answers}, {@code questions_subquestions}, {@code questions_transcripts},
 * {@code models_versions}): in each period between two rounds, how many text subquestions the copies'
 * side answered, how many of them the small model answered (a trusted answer of a version that is not
 * an endpoint), and how many calls were made to endpoint versions (each sample is one; a failed call
 * counts, as in the tree's budget: V23's {@code model_calls}).
 */
@Repository
public class CascadeStatistics {

    private static final String DOMAIN = "text";

    private static final String PERIOD = """
            SELECT count(DISTINCT a.subquestion_id) FILTER (WHERE a.source IN ('MODEL', 'MEMORY', 'UNANSWERED'))
                     AS subquestions,
                   count(DISTINCT a.subquestion_id) FILTER (WHERE a.source = 'MODEL' AND a.trusted
                     AND mv.kind IS DISTINCT FROM 'ENDPOINT') AS by_student,
                   coalesce(sum(coalesce(a.model_calls, jsonb_array_length(a.votes))) FILTER (WHERE
                     (a.source = 'MODEL' AND mv.kind = 'ENDPOINT')
                     OR (a.source = 'UNANSWERED' AND a.model_calls IS NOT NULL)), 0) AS endpoint_calls
            FROM questions_answers a
            JOIN questions_subquestions s ON s.id = a.subquestion_id
            JOIN questions_transcripts w ON w.id = s.workspace_id
            LEFT JOIN models_versions mv ON mv.id = a.model_version_id
            WHERE w.domain = ? AND a.created_at >= ? AND a.created_at < ?""";

    private final JdbcTemplate jdbc;

    CascadeStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One point per round of {@code text}, oldest first, and one for the period since the last round (or,
     * before the first round, since the start) when anything was answered in it.
     *
     * @param rounds the rounds of {@code text}, any order
     * @param forStudent whether a round trained the student, by its id
     */
    public List<CascadeRound> rounds(List<Round> rounds, java.util.function.LongPredicate forStudent) {
        List<Round> ordered = rounds.stream().filter(r -> DOMAIN.equals(r.domain()))
                .sorted(java.util.Comparator.comparingLong(Round::id)).toList();
        List<CascadeRound> points = new ArrayList<>();
        Instant from = null;
        for (Round round : ordered) {
            Counts counts = counts(from, round.createdAt());
            Object accuracy = round.metrics().get("accuracy");
            points.add(new CascadeRound(round.id(), from, round.createdAt(), counts.subquestions(),
                    counts.byStudent(), counts.endpointCalls(),
                    accuracy instanceof Number n ? n.doubleValue() : null, forStudent.test(round.id())));
            from = round.createdAt();
        }
        Counts since = counts(from, null); // from null: no round yet, the endpoint and people answered all so far
        if (since.subquestions() > 0) {
            points.add(new CascadeRound(null, from, null, since.subquestions(), since.byStudent(),
                    since.endpointCalls(), null, false));
        }
        return points;
    }

    private Counts counts(Instant from, Instant to) {
        return jdbc.queryForObject(PERIOD, (rs, row) -> new Counts(rs.getLong("subquestions"), rs.getLong("by_student"),
                rs.getLong("endpoint_calls")), DOMAIN, Timestamp.from(from == null ? Instant.EPOCH : from),
                to == null ? Timestamp.valueOf("9999-12-31 00:00:00") : Timestamp.from(to));
    }

    private record Counts(long subquestions, long byStudent, long endpointCalls) {}
}
