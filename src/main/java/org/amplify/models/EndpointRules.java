package org.amplify.models;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The rules an endpoint registration must satisfy; each broken one names its field. */
final class EndpointRules {

    static final double MIN_TEMPERATURE = 0;
    static final double MAX_TEMPERATURE = 2;
    static final int MAX_MAX_TOKENS = 32768;
    static final int MIN_TIMEOUT_MS = 100;
    static final int MAX_TIMEOUT_MS = 600_000;
    static final int MAX_MODEL_LENGTH = 200;
    static final int MAX_BASE_URL_LENGTH = 500;
    static final int MAX_NOTE_LENGTH = 2000;
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EndpointRules() {}

    /**
     * @param environment looks a variable up (null when it is not set)
     * @throws EndpointRejectedException naming the first field that breaks a rule
     */
    static void check(EndpointRegistration r, Function<String, String> environment) {
        checkBaseUrl(r.baseUrl());
        if (r.model() == null || r.model().isBlank()) {
            throw new EndpointRejectedException("model", "the model name must not be blank");
        }
        if (r.model().length() > MAX_MODEL_LENGTH) {
            throw new EndpointRejectedException("model", "the model name has at most " + MAX_MODEL_LENGTH
                    + " characters");
        }
        boolean hasKey = r.apiKey() != null && !r.apiKey().isEmpty();
        boolean hasEnv = r.apiKeyEnv() != null && !r.apiKeyEnv().isEmpty();
        if (hasKey && hasEnv) {
            throw new EndpointRejectedException("apiKey", "give either the key or the environment variable that"
                    + " holds it, not both");
        }
        if (hasKey && r.apiKey().isBlank()) {
            throw new EndpointRejectedException("apiKey", "the key must not be blank");
        }
        if (hasEnv) {
            if (r.apiKeyEnv().length() > 200 || !VARIABLE_NAME.matcher(r.apiKeyEnv()).matches()) {
                throw new EndpointRejectedException("apiKeyEnv", "an environment variable's name: a letter or _,"
                        + " then letters, digits or _");
            }
            String value = environment.apply(r.apiKeyEnv());
            if (value == null || value.isBlank()) {
                throw new EndpointRejectedException("apiKeyEnv", "the environment variable " + r.apiKeyEnv()
                        + " is not set on this node");
            }
        }
        if (!(r.temperature() >= MIN_TEMPERATURE && r.temperature() <= MAX_TEMPERATURE)) {
            throw new EndpointRejectedException("temperature", "the temperature is between 0 and 2");
        }
        if (r.maxTokens() < 1 || r.maxTokens() > MAX_MAX_TOKENS) {
            throw new EndpointRejectedException("maxTokens", "the most tokens of an answer is between 1 and "
                    + MAX_MAX_TOKENS);
        }
        if (r.timeoutMs() < MIN_TIMEOUT_MS || r.timeoutMs() > MAX_TIMEOUT_MS) {
            throw new EndpointRejectedException("timeoutMs", "the timeout is between " + MIN_TIMEOUT_MS + " and "
                    + MAX_TIMEOUT_MS + " ms");
        }
        if (r.trainedOnSnapshotId() != null && r.trainedOnSnapshotId() < 1) {
            throw new EndpointRejectedException("trainedOnSnapshotId", "a snapshot's id is a positive number");
        }
        if (r.note() != null && r.note().length() > MAX_NOTE_LENGTH) {
            throw new EndpointRejectedException("note", "the note has at most " + MAX_NOTE_LENGTH + " characters");
        }
    }

    private static void checkBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new EndpointRejectedException("baseUrl", "the base URL must not be blank");
        }
        if (baseUrl.length() > MAX_BASE_URL_LENGTH) {
            throw new EndpointRejectedException("baseUrl", "the base URL has at most " + MAX_BASE_URL_LENGTH
                    + " characters");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new EndpointRejectedException("baseUrl", "not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getHost().isEmpty()) {
            throw new EndpointRejectedException("baseUrl", "an absolute http or https URL such as"
                    + " http://localhost:11434/v1");
        }
        if (uri.getUserInfo() != null) {
            throw new EndpointRejectedException("baseUrl", "no user or password in the URL: give the key instead");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new EndpointRejectedException("baseUrl", "the base URL has no query or fragment");
        }
    }
}
