package org.amplify.experiments.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.unionfind.UnionFind;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.Mode;
import org.amplify.experiments.internal.ResultsCommand.RunSummary;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports' templates rendered on a tiny made-up set of runs (no training): the results table, the
 * shortfalls and the kinds in docs/results.md, and a curve chart that is well-formed SVG with its
 * texts escaped.
 */
class ReportTemplatesTests {

    private final AlgorithmicDomain permutation = new PermutationPowering();
    private final AlgorithmicDomain unionFind = new UnionFind();

    @Test
    void theResultsReportHoldsATableRowAShortfallAndTheAccuraciesByKindOfEachTask() {
        Map<AlgorithmicDomain, Map<Mode, RunSummary>> results = new LinkedHashMap<>();
        results.put(permutation, runs(run(permutation, Mode.SL, 0.5, 0.96, 0.97), run(permutation, Mode.IA, 0.4, 0.91,
                0.965)));
        results.put(unionFind, runs(run(unionFind, Mode.SL, 0.3, 0.6, 0.8), run(unionFind, Mode.IA, 0.2, 0.25, 0.5)));

        String md = ResultsReport.markdown(results, 600, 90_000);

        assertThat(md).startsWith("# Results: iterated amplification against supervised learning\n\nWritten by "
                + "`./mvnw -q test-compile exec:exec@results` (`-Dresults.steps=600`) on ");
        assertThat(md).contains("Total wall time: 1.5 min.\n\nBoth modes train the same X (width ",
                " for the same 600 Adam steps of ", "\"steps to 90 %\" is the first evaluated step at or above it.\n\n");
        assertThat(md).contains("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
                + "| permutation-powering | 8 | 0.965 | 0.970 | 0.99 | 400 | 400 | 600 | 400 | 2,000,000 | 4,000 "
                + "| 2.0 min | 2.0 min | yes |\n"
                + "| union-find | 8 | 0.500 | 0.800 | 0.63 | not reached | not reached | not reached | not reached "
                + "| 2,000,000 | 4,000 | 2.0 min | 2.0 min | **no** |\n\n"
                + "The curves: [permutation-powering](results/permutation-powering.svg) "
                + "[union-find](results/union-find.svg) \n\n## Where IA falls short of the aim\n\n");
        assertThat(md).contains("at most 1.5× SL's steps to 95 %.\n\n"
                + "- **union-find**: IA ends at 0.500, 0.63 of SL's 0.800; IA's curriculum had opened 2 of "
                + unionFind.levels() + " levels\n\nMeeting the aim").doesNotContain("Nowhere");
        assertThat(md).contains("within this budget: union-find.\n\n## Final accuracy by kind of question\n\n"
                + "| task | kind | IA | SL |\n|---|---|---|---|\n| permutation-powering | level 1 | 0.965 | 0.970 |\n"
                + "| permutation-powering | level 2 | 0.483 | 0.485 |\n| union-find | level 1 | 0.500 | 0.800 |\n");
        assertThat(md).endsWith("| union-find | level 2 | 0.250 | 0.400 |\n\n" + ResultsReport.resource("/results-notes.md"));

        results.remove(unionFind);
        String met = ResultsReport.markdown(results, 600, 90_000);
        assertThat(met).contains("steps to 95 %.\n\nNowhere: every task met it.\n\nMeeting the aim",
                "within this budget: no such task.\n").doesNotContain("union-find");
    }

    @Test
    void aCurveChartIsWellFormedSvgWithOneCurveAndLegendEntryPerRunAndItsTextsEscaped() throws Exception {
        Map<String, List<ExperimentPoint>> lines = new LinkedHashMap<>();
        lines.put("IA with H'", run(permutation, Mode.IA, 0.25, 0.5, 1.0).points());
        lines.put("p < 0.1 & more", run(permutation, Mode.SL, 0.5, 0.75, 1.0).points());
        String svg = CurveChart.lines("A & B", lines);

        Document chart = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(chart.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 640 360");
        assertThat(chart.getElementsByTagName("path").getLength()).isEqualTo(2);
        assertThat(svg).contains("<text x=\"56\" y=\"22\" font-size=\"15\" font-weight=\"bold\">A &amp; B: held-out "
                + "accuracy</text>\n<line x1=\"56\" y1=\"316.0\" x2=\"520.0\" y2=\"316.0\" stroke=\"#ddd\"/>"
                + "<text x=\"50\" y=\"320.0\" text-anchor=\"end\">0.0</text>\n");
        assertThat(svg).contains("<text x=\"520.0\" y=\"334\" text-anchor=\"middle\">600</text>\n"
                + "<text x=\"288.0\" y=\"352\" text-anchor=\"middle\">training steps</text>\n"
                + "<path d=\"M210.7 246.0 L365.3 176.0 L520.0 36.0\" fill=\"none\" stroke=\"#2c6fbb\" stroke-width=\"2\"/>\n"
                + "<line x1=\"532.0\" y1=\"52.0\" x2=\"556.0\" y2=\"52.0\" stroke=\"#2c6fbb\" stroke-width=\"3\"/>"
                + "<text x=\"562.0\" y=\"56.0\">IA with H&apos;</text>\n");
        assertThat(svg).contains("stroke=\"#c0392b\"", ">p &lt; 0.1 &amp; more</text>").endsWith(
                "<rect x=\"56\" y=\"36\" width=\"464.0\" height=\"280.0\" fill=\"none\" stroke=\"#888\"/>\n</svg>\n");
    }

    private static Map<Mode, RunSummary> runs(RunSummary sl, RunSummary ia) {
        Map<Mode, RunSummary> runs = new LinkedHashMap<>();
        runs.put(Mode.SL, sl);
        runs.put(Mode.IA, ia);
        return runs;
    }

    /** A run evaluated at steps 200, 400, 600 with these accuracies (half as good on level 2). */
    private static RunSummary run(AlgorithmicDomain domain, Mode mode, double... accuracies) {
        List<ExperimentPoint> points = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            Map<String, Double> byKind = new LinkedHashMap<>();
            byKind.put("level 1", accuracies[i]);
            byKind.put("level 2", accuracies[i] / 2);
            points.add(new ExperimentPoint((i + 1) * 200, accuracies[i], byKind, 0.5, 1_000_000L * i, 2_000L * i, 2,
                    60_000L * i, 0.0));
        }
        return new RunSummary(ResultsCommand.settings(domain, mode, 600), points, 0);
    }
}
