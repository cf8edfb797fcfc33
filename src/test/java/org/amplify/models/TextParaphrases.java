package org.amplify.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data of the text model: six answers, each asked in eight ways (in order: six to train on, two held out). */
public final class TextParaphrases {

    /** By answer, its eight phrasings. */
    public static final Map<String, List<String>> GROUPS;

    static {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("blue", List.of("what colour is the sky", "the sky's colour?", "which color is the sky",
                "what is the colour of the sky", "tell me the sky colour", "what color does the sky have",
                "what colour has the sky got", "the colour of the sky is what"));
        groups.put("paris", List.of("what is the capital of france", "france's capital city?",
                "which city is the capital of france", "name the capital of france",
                "the french capital is which city", "capital city of france",
                "what city is france's capital", "tell me the capital of france"));
        groups.put("four", List.of("what is two plus two", "how much is two plus two", "two and two make what",
                "add two and two", "the sum of two and two", "what do you get from two plus two",
                "two plus two equals what", "what is the sum of two and two"));
        groups.put("seven", List.of("how many days are in a week", "days in a week?", "number of days in one week",
                "how many days does a week have", "a week has how many days", "count the days of a week",
                "how many days make a week", "what is the number of days in a week"));
        groups.put("water", List.of("what do fish swim in", "where do fish live", "fish swim in what",
                "in what do fishes swim", "what liquid do fish live in", "what is the home of fish",
                "what do fish live in", "where do fishes swim"));
        groups.put("shakespeare", List.of("who wrote hamlet", "hamlet was written by whom", "the author of hamlet?",
                "which writer wrote hamlet", "who is the author of hamlet", "name the writer of hamlet",
                "who was hamlet written by", "hamlet's author is who"));
        GROUPS = Collections.unmodifiableMap(groups);
    }

    private TextParaphrases() {
    }
}
