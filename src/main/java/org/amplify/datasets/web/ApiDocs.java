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
}
