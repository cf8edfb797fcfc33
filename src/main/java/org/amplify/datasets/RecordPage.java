package org.amplify.datasets;

import java.util.List;

/**
 * One page of an export: the records as the JSON Lines export writes them (UTF-8 JSON, one object
 * each), and the opaque cursor of the next page, or null after the last one.
 */
public record RecordPage(List<byte[]> records, String nextCursor) {
}
