package org.amplify.domains;

/**
 * Names of variables and vertices, as in the paper: two symbols from an 8-letter alphabet, 64 names
 * ("aa" to "hh"). A name is one token of the vocabulary.
 */
public final class Names {

    public static final int COUNT = 64;
    private static final String LETTERS = "abcdefgh";

    private Names() {}

    public static String name(int index) {
        return "" + LETTERS.charAt(index / 8) + LETTERS.charAt(index % 8);
    }

    public static String[] all() {
        String[] names = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            names[i] = name(i);
        }
        return names;
    }
}
