package org.amplify.experiments.web;

import java.util.Map;

/** Numbers typed into the experiments' forms: blank is absent, anything else must parse or is an error by field. */
final class FormNumbers {

    private FormNumbers() {}

    static Double decimal(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number, e.g. 0.01");
            return null;
        }
    }

    static Integer integer(String field, String text, Map<String, String> errors) {
        return toInt(field, whole(field, text, errors), errors);
    }

    private static Integer toInt(String field, Long value, Map<String, String> errors) {
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            errors.put(field, "is too large");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    static Long whole(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }
}
