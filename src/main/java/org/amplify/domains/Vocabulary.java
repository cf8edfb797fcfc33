package org.amplify.domains;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tokens of a domain: every fact, question and answer is a tuple of these. Token 0 is always
 * {@link #UNKNOWN} ("?"), the answer to a malformed question (one about a name the context does not
 * have). Built once per domain; the model embeds tokens by their index.
 */
public final class Vocabulary {

    public static final int UNKNOWN = 0;

    private final List<String> symbols;

    private Vocabulary(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return symbols.size();
    }

    public String symbol(int token) {
        return token >= 0 && token < symbols.size() ? symbols.get(token) : "<" + token + ">";
    }

    /** The token of a symbol, or -1 when the vocabulary does not have it. */
    public int token(String symbol) {
        return symbols.indexOf(symbol);
    }

    public String render(int[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            text.append(text.isEmpty() ? "" : " ").append(symbol(token));
        }
        return text.toString();
    }

    public static final class Builder {

        private final List<String> symbols = new ArrayList<>(List.of("?"));

        /** Adds symbols; returns the token of the first one (they are consecutive). */
        public int add(String... added) {
            int first = symbols.size();
            Collections.addAll(symbols, added);
            return first;
        }

        public Vocabulary build() {
            return new Vocabulary(symbols);
        }
    }
}
