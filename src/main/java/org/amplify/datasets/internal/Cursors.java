package org.amplify.datasets.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.amplify.datasets.DatasetRejectedException;

/**
 * Opaque cursors of paged exports: the listing they belong to and the sort key of the last record
 * given, base64url-encoded. Clients pass them back as they are; they stay valid as long as the rows
 * do (for ever, since the rows are append-only).
 */
public final class Cursors {

    private Cursors() {
    }

    /** @param listing which export, e.g. {@code t} (transcripts), {@code s12} (snapshot 12),
     *     {@code q12} (snapshot 12's subquestions), {@code f} (feedback) */
    static String encode(String listing, long key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + listing + ":" + key).getBytes(StandardCharsets.US_ASCII));
    }

    /** The key after which the page starts: -1 (before every key) without a cursor. */
    static long decode(String listing, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return -1;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            String prefix = "v1:" + listing + ":";
            if (text.startsWith(prefix)) {
                return Long.parseLong(text.substring(prefix.length()));
            }
        } catch (IllegalArgumentException e) {
            // not base64, or no number after the prefix: refused below
        }
        throw new DatasetRejectedException("cursor",
                "is not a cursor of this listing: pass back the nextCursor of its previous page, unchanged");
    }
}
