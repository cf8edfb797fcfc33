package org.amplify.datasets.web;

/** Texts and examples the datasets API's OpenAPI annotations share. */
final class ApiDocs {

    private ApiDocs() {
    }

    static final String NEGOTIATION = " Answers JSON Lines (`application/x-ndjson`: one JSON object a line, UTF-8, "
            + "streamed from the database with constant memory, every record at once) unless asked for "
            + "`application/json`: then a page of the same records (`limit`, default 100, at most 1000) and the "
            + "`nextCursor` of the next page. `cursor` and `limit` apply to pages only. The same rows always give "
            + "the same bytes.";

    static final String FILTERS = " Filters combine (all must hold); each may be left out.";

    static final String TRANSCRIPT_LINE = "{\"transcriptId\":812,\"treeId\":97,\"questionId\":1204,"
            + "\"domain\":\"permutation-powering\",\"depth\":0,\"question\":\"ab 0 0 0 1 0 1\",\"context\":\"ab cd\\ncd ef"
            + "\\nef ab\",\"contextUnlocked\":false,\"subquestions\":[{\"id\":5521,\"position\":1,\"question\":"
            + "\"ab 0 0 0 0 1 0\",\"passedContext\":\"ab cd\\ncd ef\\nef ab\",\"status\":\"CORRECTED\",\"answer\":"
            + "\"ef\",\"answers\":[{\"id\":9001,\"source\":\"MODEL\",\"answer\":\"cd\",\"votes\":[\"cd\", \"cd\", "
            + "\"ef\"],\"agreement\":0.6666666666666666,\"trusted\":true,\"modelVersionId\":4,\"note\":null,"
            + "\"createdAt\":\"2025-01-31T12:01:02.480210Z\"}],\"feedback\":[{\"id\":311,\"verdict\":\"CORRECT\","
            + "\"correctedAnswer\":\"ef\",\"judgedAnswerId\":9001,\"modelVersionId\":4,\"expertId\":3,\"expert\":"
            + "\"alice\",\"createdAt\":\"2025-01-31T12:02:10.000000Z\"}],\"childQuestionId\":null,\"createdAt\":"
            + "\"2025-01-31T12:01:02.000000Z\"}],\"answer\":\"cd\",\"expertId\":3,\"expert\":\"alice\",\"createdAt\":"
            + "\"2025-01-31T12:00:00.000000Z\",\"submittedAt\":\"2025-01-31T12:04:31.250113Z\"}";

    static final String FEEDBACK_LINE = "{\"id\":311,\"transcriptId\":812,\"transcriptSubmitted\":true,\"treeId\":97,"
            + "\"domain\":\"permutation-powering\",\"subquestionId\":5521,\"subquestion\":\"ab 0 0 0 0 1 0\","
            + "\"judgedAnswerId\":9001,\"judgedAnswer\":\"cd\",\"judgedSource\":\"MODEL\",\"verdict\":\"CORRECT\","
            + "\"correctedAnswer\":\"ef\",\"modelVersionId\":4,\"expertId\":3,\"expert\":\"alice\",\"createdAt\":"
            + "\"2025-01-31T12:02:10.000000Z\"}";

    static final String SUBQUESTION_LINE = "{\"snapshot_id\":12,\"transcript_position\":1,\"tree_id\":97,"
            + "\"question_id\":1204,\"workspace_id\":812,\"domain\":\"permutation-powering\",\"depth\":0,"
            + "\"question\":\"ab 0 0 0 1 0 1\",\"subquestion_id\":5521,\"position\":1,\"subquestion\":"
            + "\"ab 0 0 0 0 1 0\",\"passed_context\":\"ab cd\\ncd ef\\nef ab\",\"status\":\"CORRECTED\","
            + "\"answer\":\"ef\",\"answer_source\":\"MODEL\",\"model_answer\":\"cd\",\"agreement\":0.6666666666666666,"
            + "\"trusted\":true,\"model_version_id\":4,\"person_answer\":null,\"feedback_verdict\":\"CORRECT\","
            + "\"corrected_answer\":\"ef\",\"child_question_id\":null,\"final_answer\":\"cd\",\"expert\":\"alice\","
            + "\"asked_at\":\"2025-01-31T12:01:02.000000Z\",\"answered_at\":\"2025-01-31T12:02:10.000000Z\","
            + "\"feedback_at\":\"2025-01-31T12:02:10.000000Z\",\"submitted_at\":\"2025-01-31T12:04:31.250113Z\"}";

    static final String SUBQUESTION_PAGE = "{\"items\":[" + SUBQUESTION_LINE + "],\"nextCursor\":"
            + "\"djE6cTEyOjE2Nzc3MjE3\"}";

    static final String SUBQUESTION_CSV = "snapshot_id,transcript_position,tree_id,question_id,workspace_id,domain,"
            + "depth,question,subquestion_id,position,subquestion,passed_context,status,answer,answer_source,"
            + "model_answer,agreement,trusted,model_version_id,person_answer,feedback_verdict,corrected_answer,"
            + "child_question_id,final_answer,expert,asked_at,answered_at,feedback_at,submitted_at\n"
            + "12,1,97,1204,812,\"permutation-powering\",0,\"ab 0 0 0 1 0 1\",5521,1,\"ab 0 0 0 0 1 0\","
            + "\"ab cd\ncd ef\nef ab\",\"CORRECTED\",\"ef\",\"MODEL\",\"cd\",0.6666666666666666,true,4,,\"CORRECT\","
            + "\"ef\",,\"cd\",\"alice\",\"2025-01-31T12:01:02.000000Z\",\"2025-01-31T12:02:10.000000Z\","
            + "\"2025-01-31T12:02:10.000000Z\",\"2025-01-31T12:04:31.250113Z\"";

    static final String STEPS = " A step is a question and the answer a person gave or vouched for, the rule a "
            + "distillation round trains by: each transcript's question with its final answer; each of its subquestions "
            + "(as the workspace was submitted) that an expert corrected (the correction), that a person answered in a "
            + "workspace of its own (that answer), or that the copies, the context or memory answered and an expert "
            + "accepted (that answer). Answers nobody judged, and blank ones, are left out. The system message is the "
            + "tree's system prompt, or `amplify.questions.default-system-prompt` where the tree has none; the user "
            + "message is what the endpoint copies read: `Question: ` and the question, after `Context:`, a newline, "
            + "the context and a blank line where there is one: for a "
            + "transcript's question the context its workspace saw, for a subquestion of `text` only the context "
            + "passed down to it, for a subquestion of an algorithmic domain (in its token notation) its tree's facts. "
            + "JSON Lines (`application/x-ndjson`: one JSON object a line, UTF-8, streamed with constant memory, saved "
            + "as a `.jsonl` file); lines in the snapshot's order, keys in a fixed order: the same snapshot always gives "
            + "the same bytes.";

    static final String CHAT = "One conversation a line, `{\"messages\": [system, user, assistant]}`, each message "
            + "`{\"role\", \"content\"}`: the chat format that Hugging Face TRL's `SFTTrainer` and OpenAI fine-tuning "
            + "take. One line per step of the snapshot's transcripts, each question before its subquestions in the "
            + "order asked." + STEPS;

    static final String PREFERENCES = "TRL's conversational preference format (as its `DPOTrainer` takes it), one "
            + "pair a line: `{\"prompt\": [system, user], \"chosen\": [assistant], \"rejected\": [assistant]}`. One "
            + "line per subquestion whose standing verdict (the newest that is not an expand, when its workspace was "
            + "submitted) corrected a model's answer (the copies', or memory of a model version's) into a different "
            + "one: `chosen` holds the correction, `rejected` the answer it judged; prompts as in `/chat`. Lines in "
            + "the snapshot's order, then the order asked." + STEPS;

    static final String CHAT_LINE = "{\"messages\" : [{\"role\" : \"system\", \"content\" : \"Answer from the "
            + "context only.\"}, {\"role\" : \"user\", \"content\" : \"Context:\\nIts capital is Paris, on "
            + "the Seine.\\n\\nQuestion: Which city is named as the capital?\"}, {\"role\" : \"assistant\", \"content\" : "
            + "\"Paris\"}]}";

    static final String PREFERENCE_LINE = "{\"prompt\" : [{\"role\" : \"system\", \"content\" : \"Answer from "
            + "the context only.\"}, {\"role\" : \"user\", \"content\" : \"Context:\\nIts capital is Paris, on the "
            + "Seine.\\n\\nQuestion: Which city is named as the capital?\"}], \"chosen\" : [{\"role\" : \"assistant\", "
            + "\"content\" : \"Paris\"}], \"rejected\" : [{\"role\" : \"assistant\", \"content\" : \"Lyon\"}]}";
}
