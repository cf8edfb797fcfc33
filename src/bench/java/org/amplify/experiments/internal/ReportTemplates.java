package org.amplify.experiments.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The templates of the measurement commands' reports ({@code src/bench/resources/reports}), rendered
 * outside any web context: {@code *.md} in Thymeleaf's TEXT mode, {@code *.svg} in XML mode (so the
 * texts in a chart are escaped). The expressions are SpEL, as in the application's templates.
 */
final class ReportTemplates {

    private static final TemplateEngine ENGINE = engine();

    private ReportTemplates() {}

    /** The template (its name under {@code reports/}, with its extension) with these variables. */
    static String render(String template, Map<String, Object> variables) {
        return ENGINE.process(template, new Context(Locale.ROOT, variables));
    }

    private static TemplateEngine engine() {
        TemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.md", 1));
        engine.addTemplateResolver(resolver(TemplateMode.XML, "*.svg", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("reports/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        return resolver;
    }
}
