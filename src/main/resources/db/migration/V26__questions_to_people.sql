-- Owner: questions. Two rules of the question flow that ran as a dozen statements a subquestion
-- now run inside the database, so the copies' port records a batch of answers in one statement
-- however many of them go to people.

-- A subquestion becomes a question of its own, with its tree's experts_per_question open
-- workspaces in the queue, within the tree's depth limit and workspace budget. The trees are
-- locked first, in id order (an expert's Expand and the copies' recording of the same tree wait
-- for each other). In the order given, a row for each subquestion:
--   question_id: the question it became, or the one it already had (created = false);
--   refusal: 'DEPTH' or 'BUDGET' (the limit in refusal_limit) when it cannot become one.
-- sent_event: when not null, the event written in the asking workspace for each new question
-- (the copies' 'SENT_TO_PEOPLE'); an expert's Expand writes its own.
CREATE FUNCTION questions_become_questions(subquestion_ids BIGINT[], sent_event VARCHAR)
    RETURNS TABLE (subquestion_id BIGINT, question_id BIGINT, created BOOLEAN, refusal VARCHAR, refusal_limit INT)
    LANGUAGE plpgsql AS
$$
DECLARE
    sub       RECORD;
    existing  BIGINT;
    new_id    BIGINT;
    workspace BIGINT;
    used      INT;
BEGIN
    PERFORM 1 FROM trees t
    WHERE t.id IN (SELECT q.tree_id FROM subquestions s JOIN workspaces w ON w.id = s.workspace_id
                   JOIN questions q ON q.id = w.question_id WHERE s.id = ANY (subquestion_ids))
    ORDER BY t.id FOR UPDATE;
    FOR sub IN
        SELECT s.id, s.position, s.text, s.passed_context, s.workspace_id, q.depth, t.id AS tree_id,
               t.depth_limit, t.workspace_budget, t.experts_per_question
        FROM unnest(subquestion_ids) WITH ORDINALITY AS i(id, n)
        JOIN subquestions s ON s.id = i.id JOIN workspaces w ON w.id = s.workspace_id
        JOIN questions q ON q.id = w.question_id JOIN trees t ON t.id = q.tree_id
        ORDER BY i.n
    LOOP
        subquestion_id := sub.id;
        question_id := NULL;
        created := false;
        refusal := NULL;
        refusal_limit := NULL;
        SELECT min(c.id) INTO existing FROM questions c WHERE c.parent_subquestion_id = sub.id;
        IF existing IS NOT NULL THEN
            question_id := existing;
        ELSIF sub.depth + 1 > sub.depth_limit THEN
            refusal := 'DEPTH';
            refusal_limit := sub.depth_limit;
        ELSE
            SELECT count(*) INTO used FROM workspaces w JOIN questions q ON q.id = w.question_id
            WHERE q.tree_id = sub.tree_id;
            IF used + sub.experts_per_question > sub.workspace_budget THEN
                refusal := 'BUDGET';
                refusal_limit := sub.workspace_budget;
            ELSE
                INSERT INTO questions (tree_id, parent_subquestion_id, depth, text, visible_context)
                VALUES (sub.tree_id, sub.id, sub.depth + 1, sub.text, sub.passed_context)
                RETURNING id INTO new_id;
                FOR k IN 1 .. sub.experts_per_question LOOP
                    INSERT INTO workspaces (question_id, status) VALUES (new_id, 'OPEN') RETURNING id INTO workspace;
                    INSERT INTO workspace_events (workspace_id, kind, detail)
                    VALUES (workspace, 'CREATED',
                            jsonb_build_object('question', sub.text, 'from_workspace', sub.workspace_id));
                END LOOP;
                IF sent_event IS NOT NULL THEN
                    INSERT INTO workspace_events (workspace_id, kind, detail)
                    VALUES (sub.workspace_id, sent_event,
                            jsonb_build_object('subquestion', sub.position, 'question', new_id));
                END IF;
                question_id := new_id;
                created := true;
            END IF;
        END IF;
        RETURN NEXT;
    END LOOP;
END;
$$;

-- Every answer recorded, whoever writes it, tells the pages on every node (a notification is
-- delivered when the transaction commits, never when it rolls back). The payload lists
-- workspace:subquestion pairs, at most 300 a notification (a payload holds under 8000 bytes).
CREATE FUNCTION questions_notify_answers() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('amplify_answers', string_agg(pair, ','))
    FROM (SELECT DISTINCT s.workspace_id || ':' || s.id AS pair,
                 (dense_rank() OVER (ORDER BY s.id) - 1) / 300 AS chunk
          FROM added a JOIN subquestions s ON s.id = a.subquestion_id) pairs
    GROUP BY chunk;
    RETURN NULL;
END;
$$;

CREATE TRIGGER sub_answers_notify
    AFTER INSERT ON sub_answers REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION questions_notify_answers();
