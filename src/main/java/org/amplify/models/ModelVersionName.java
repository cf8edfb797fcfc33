package org.amplify.models;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one name users see for a model version: {@code <domain> v<version>}, the per-domain version
 * number (never the database id), with the link to its row on the Models page.
 */
public record ModelVersionName(long id, String domain, int version) {

    public static ModelVersionName of(ModelVersion version) {
        return new ModelVersionName(version.id(), version.domain(), version.version());
    }

    /** {@code permutation-powering v2}. */
    public String label() {
        return domain + " v" + version;
    }

    /** {@code v2}, where the domain is obvious from the page. */
    public String shortLabel() {
        return "v" + version;
    }

    /** Its row on the Models page: {@code /models?domain=<domain>#version-<version>}. */
    public String href() {
        return "/models?domain=" + URLEncoder.encode(domain, StandardCharsets.UTF_8) + "#version-" + version;
    }
}
