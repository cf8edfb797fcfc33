/**
 * Datasets: researchers' read-only REST export of snapshots (nested, and flat: one row per
 * subquestion, as JSON Lines or CSV), transcripts and feedback, and of the model registry's versions
 * with their lineage; the Datasets page that lists the snapshots and downloads them. Nothing depends
 * on this module.
 *
 * <p>It is a read model: exports are SQL over the tables the other modules write (questions' trees,
 * workspaces, subquestions, answers and feedback; distillation's snapshots and rounds; the models'
 * versions and aliases), each export one statement that PostgreSQL turns into JSON lines, streamed
 * with constant memory. No Java type of those modules is used but {@code questions.Verdict} and the
 * domain names, so their internals stay free to change; the column names are this module's contract
 * with their migrations, and its tests compare its records with {@code QuestionService.transcripts}.
 */
@ApplicationModule(displayName = "Datasets", allowedDependencies = {"accounts", "distillation", "questions"})
package org.amplify.datasets;

import org.springframework.modulith.ApplicationModule;
