package org.amplify.experiments.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docs/results.md} is written by several commands: the results command writes the top (IA
 * against SL), and each other command its own section, marked {@code <!-- begin:name -->} ...
 * {@code <!-- end:name -->}. A command replaces only what it wrote; files are written atomically.
 */
final class ResultsFile {

    private static final Pattern SECTION = Pattern.compile("(?s)<!-- begin:([a-z0-9-]+) -->.*?<!-- end:\\1 -->\\n?");

    private ResultsFile() {}

    /** Writes the top of the file and keeps every section the other commands wrote. */
    static void writeTop(Path file, String top) throws IOException {
        StringBuilder kept = new StringBuilder();
        if (Files.exists(file)) {
            Matcher sections = SECTION.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (sections.find()) {
                kept.append('\n').append(sections.group().strip()).append('\n');
            }
        }
        atomically(file, top + kept);
    }

    /** Writes one command's section: in its place if the file has it, else at the end. */
    static void writeSection(Path file, String name, String body) throws IOException {
        String section = "<!-- begin:" + name + " -->\n" + body.strip() + "\n<!-- end:" + name + " -->\n";
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Matcher existing = Pattern.compile("(?s)<!-- begin:" + Pattern.quote(name) + " -->.*?<!-- end:"
                + Pattern.quote(name) + " -->\\n?").matcher(text);
        String updated = existing.find()
                ? text.substring(0, existing.start()) + section + text.substring(existing.end())
                : text + (text.isEmpty() || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n") + section;
        atomically(file, updated);
    }

    static void atomically(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
