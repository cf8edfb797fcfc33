package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * The schema of one transcript, as the exports write it: one line of JSON Lines, or one item of a
 * page. PostgreSQL writes the records ({@code datasets.internal.TranscriptSql}), in this field
 * order; this type documents them (OpenAPI, README), and a test checks that every exported record
 * has exactly these fields.
 */
@Schema(name = "Transcript", description = "One submitted workspace as the expert submitted it: the question and "
        + "the context it saw, each subquestion with every answer it got (the copies' votes among them) and every "
        + "verdict on it, and the final answer. Fields in this order; timestamps UTC with microseconds.")
record TranscriptRecord(
        @Schema(description = "the workspace's id", example = "812", requiredMode = RequiredMode.REQUIRED)
        long transcriptId,
        @Schema(description = "the tree of questions it belongs to", example = "97", requiredMode = RequiredMode.REQUIRED)
        long treeId,
        @Schema(description = "the question the workspace answers (several workspaces may answer one question)",
                example = "1204", requiredMode = RequiredMode.REQUIRED)
        long questionId,
        @Schema(description = "text or one of the algorithmic domains", example = "permutation-powering",
                requiredMode = RequiredMode.REQUIRED)
        String domain,
        @Schema(description = "0 for a tree's root question, 1 for its subquestions' workspaces, ...", example = "0",
                requiredMode = RequiredMode.REQUIRED)
        int depth,
        @Schema(description = "the question, in the domain's token notation for the algorithmic domains",
                example = "ab 0 0 0 1 0 1", requiredMode = RequiredMode.REQUIRED)
        String question,
        @Schema(description = "the context the workspace saw: what its asker passed down, followed (after a blank "
                + "line) by the asker's own context when the expert unlocked it", example = "ab cd\ncd ef\nef ab",
                requiredMode = RequiredMode.REQUIRED)
        String context,
        @Schema(description = "whether the expert unlocked the parent's context", example = "false",
                requiredMode = RequiredMode.REQUIRED)
        boolean contextUnlocked,
        @ArraySchema(arraySchema = @Schema(description = "the subquestions the expert asked, in the order asked",
                requiredMode = RequiredMode.REQUIRED))
        List<SubquestionRecord> subquestions,
        @Schema(description = "the expert's final answer", example = "cd", requiredMode = RequiredMode.REQUIRED)
        String answer,
        @Schema(description = "the id of the expert who submitted it", example = "3", requiredMode = RequiredMode.REQUIRED)
        long expertId,
        @Schema(description = "their user name", example = "alice", requiredMode = RequiredMode.REQUIRED)
        String expert,
        @Schema(description = "when the workspace was created (UTC)", example = "2025-01-31T12:00:00.000000Z",
                format = "date-time", requiredMode = RequiredMode.REQUIRED)
        String createdAt,
        @Schema(description = "when the expert submitted the answer (UTC)", example = "2025-01-31T12:04:31.250113Z",
                format = "date-time", requiredMode = RequiredMode.REQUIRED)
        String submittedAt) {

    @Schema(name = "TranscriptSubquestion", description = "A subquestion the expert asked, with what it got up to the "
            + "submission")
    record SubquestionRecord(
            @Schema(description = "the subquestion's id", example = "5521", requiredMode = RequiredMode.REQUIRED)
            long id,
            @Schema(description = "1, 2, ... in the order asked", example = "1", requiredMode = RequiredMode.REQUIRED)
            int position,
            @Schema(description = "the subquestion's text", example = "ab 0 0 0 0 1 0",
                    requiredMode = RequiredMode.REQUIRED)
            String question,
            @Schema(description = "the part of the context passed down with it", example = "ab cd\ncd ef",
                    requiredMode = RequiredMode.REQUIRED)
            String passedContext,
            @Schema(description = "where it stood at the submission", requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"OPEN", "ANSWERED_BY_MODEL", "NEEDS_PERSON", "EXPANDED", "ANSWERED_BY_PERSON",
                        "CORRECTED"}, example = "ANSWERED_BY_MODEL")
            String status,
            @Schema(description = "the answer the expert could use: the correction, else a person's answer, else "
                    + "the copies' answer if accepted or trusted; null when none", example = "ef", nullable = true)
            String answer,
            @ArraySchema(arraySchema = @Schema(description = "every answer it got, oldest first",
                    requiredMode = RequiredMode.REQUIRED))
            List<AnswerRecord> answers,
            @ArraySchema(arraySchema = @Schema(description = "every verdict the expert gave on it, oldest first",
                    requiredMode = RequiredMode.REQUIRED))
            List<VerdictRecord> feedback,
            @Schema(description = "the question it became (expanded, or sent to people), or null", example = "1290",
                    nullable = true)
            Long childQuestionId,
            @Schema(description = "when it was asked (UTC)", example = "2025-01-31T12:01:02.000000Z",
                    format = "date-time", requiredMode = RequiredMode.REQUIRED)
            String createdAt) {}

    @Schema(name = "TranscriptAnswer", description = "One answer a subquestion got")
    record AnswerRecord(
            @Schema(description = "the answer's id", example = "9001", requiredMode = RequiredMode.REQUIRED)
            long id,
            @Schema(description = "PRIMITIVE: read from the context; MEMORY: an identical subquestion's answer; "
                    + "MODEL: the copies voted; PERSON: a person answered it in its own workspace; UNANSWERED: "
                    + "nobody could (see note)", requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"PRIMITIVE", "MEMORY", "MODEL", "PERSON", "UNANSWERED"}, example = "MODEL")
            String source,
            @Schema(description = "the answer (the majority's for MODEL), or null", example = "ef", nullable = true)
            String answer,
            @ArraySchema(arraySchema = @Schema(description = "every copy's answer in copy order (MODEL only, else "
                    + "empty)", requiredMode = RequiredMode.REQUIRED), schema = @Schema(example = "ef"))
            List<String> votes,
            @Schema(description = "the share of the copies that gave the majority answer (MODEL only)",
                    example = "0.6666666666666666", nullable = true)
            Double agreement,
            @Schema(description = "whether it could be used without a person (agreement at or above the threshold)",
                    example = "true", requiredMode = RequiredMode.REQUIRED)
            boolean trusted,
            @Schema(description = "the model version whose copies answered (MODEL, MEMORY), or null", example = "4",
                    nullable = true)
            Long modelVersionId,
            @Schema(description = "why, for people, when it is not trusted or not there", nullable = true,
                    example = "The copies disagree.")
            String note,
            @Schema(description = "when it came (UTC)", example = "2025-01-31T12:01:02.480210Z", format = "date-time",
                    requiredMode = RequiredMode.REQUIRED)
            String createdAt) {}

    @Schema(name = "TranscriptVerdict", description = "An expert's verdict on a subquestion's answer")
    record VerdictRecord(
            @Schema(description = "the verdict's id", example = "311", requiredMode = RequiredMode.REQUIRED)
            long id,
            @Schema(description = "ACCEPT: right; CORRECT: wrong, correctedAnswer is right; EXPAND: do not trust the "
                    + "copies here, the subquestion became a workspace of its own", requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"ACCEPT", "CORRECT", "EXPAND"}, example = "CORRECT")
            String verdict,
            @Schema(description = "the right answer (CORRECT only)", example = "gh", nullable = true)
            String correctedAnswer,
            @Schema(description = "the answer judged (an id among the subquestion's answers), or null",
                    example = "9001", nullable = true)
            Long judgedAnswerId,
            @Schema(description = "the model version whose answer was judged, or null", example = "4", nullable = true)
            Long modelVersionId,
            @Schema(description = "who gave it", example = "3", requiredMode = RequiredMode.REQUIRED)
            long expertId,
            @Schema(description = "their user name", example = "alice", requiredMode = RequiredMode.REQUIRED)
            String expert,
            @Schema(description = "when (UTC)", example = "2025-01-31T12:02:10.000000Z", format = "date-time",
                    requiredMode = RequiredMode.REQUIRED)
            String createdAt) {}
}
