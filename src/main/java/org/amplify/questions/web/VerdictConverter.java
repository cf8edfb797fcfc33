package org.amplify.questions.web;

import java.util.Locale;
import org.amplify.questions.Verdict;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds a verdict as the forms send it ({@code accept}, {@code correct}, {@code expand}), in any case. */
@Component
class VerdictConverter implements Converter<String, Verdict> {

    @Override
    public Verdict convert(String source) {
        return Verdict.valueOf(source.trim().toUpperCase(Locale.ROOT)); // IllegalArgumentException: a binding error
    }
}
