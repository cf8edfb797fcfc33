package org.amplify.accounts;

/**
 * A token just created: the only moment its plain text exists. It is shown once to its owner and
 * never stored (only its SHA-256 is).
 */

public record IssuedApiToken(ApiToken token, String plainText) {}
