package org.amplify.datasets.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.amplify.datasets.RecordPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an {@link ExportQuery}. The full export reads its rows through a server-side cursor (a fetch
 * size inside the caller's transaction) and copies each record's bytes, as PostgreSQL sent them, to
 * the output: memory stays constant whatever the number of rows. A page reads one row more than it
 * gives, to know whether another page follows.
 */
@Repository
public class ExportStore {

    /** Rows per round trip of the server-side cursor: about 1 MB of transcripts. */
    static final int FETCH_SIZE = 1000;

    private static final byte NEWLINE = '\n';

    private final JdbcTemplate jdbc;

    ExportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes every record of the query as one line (JSON Lines, or CSV after its header line). Must
     * run in a transaction: without one, PostgreSQL's driver would read every row before giving the first.
     *
     * @return the number of records written
     */
    public long write(ExportQuery query, OutputStream out) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an export streams inside a transaction");
        }
        long[] count = {0};
        Object[] params = query.params(-1);
        if (query.header() != null) {
            try {
                out.write(query.header().getBytes(StandardCharsets.UTF_8));
                out.write(NEWLINE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(query.sql(null));
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        }, rs -> {
            try {
                out.write(rs.getBytes(2)); // the text of the JSON column, UTF-8 as sent: never decoded
                out.write(NEWLINE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count[0]++;
        });
        return count[0];
    }

    /** Up to {@code limit} records after the cursor's key. */
    public RecordPage page(ExportQuery query, String cursor, int limit) {
        long after = Cursors.decode(query.listing(), cursor);
        List<byte[]> records = new ArrayList<>();
        long[] lastKey = {after};
        boolean[] more = {false};
        jdbc.query(query.sql(limit + 1), rs -> {
            if (records.size() == limit) {
                more[0] = true;
                return;
            }
            records.add(rs.getBytes(2));
            lastKey[0] = rs.getLong(1);
        }, query.params(after));
        return new RecordPage(records, more[0] ? Cursors.encode(query.listing(), lastKey[0]) : null);
    }
}
