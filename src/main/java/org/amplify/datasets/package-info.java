/**
 * Datasets: researchers' read-only REST export of snapshots (nested, and flat: one row per
 * subquestion, as JSON Lines or CSV; and, for fine-tuning a language model elsewhere, as chat-format
 * conversations and preference pairs), transcripts and feedback, and of the model registry's versions
 * with their lineage; the Datasets page that lists the snapshots and downloads them. Nothing depends
 * on this module.
 *
 * <p>It is a read model: exports are SQL over the views the other modules publish for it
 * (migration V20: {@code questions_transcripts}, {@code questions_subquestions},
 * {@code questions_subquestion_states}, {@code questions_answers}, {@code questions_feedback}; V25:
 * {@code questions_trees};
 * {@code distillation_snapshots}, {@code distillation_snapshot_transcripts},
 * {@code distillation_rounds}; {@code models_versions}; {@code experiments_model_versions};
 * {@code accounts_users}), never their tables; each export one statement that PostgreSQL turns into
 * JSON lines, streamed with constant memory. A subquestion's status is the questions module's rule,
 * read from its view. No Java type of those modules is used but {@code questions.Verdict} and the
 * domain names, so their internals stay free to change; the views are this module's contract with
 * their owners, and its tests compare its records with {@code QuestionService.transcripts}.
 */
@ApplicationModule(displayName = "Datasets", allowedDependencies = {"accounts", "questions"})
package org.amplify.datasets;

import org.springframework.modulith.ApplicationModule;
