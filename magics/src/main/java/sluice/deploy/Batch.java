package sluice.deploy;

import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.model.Predictions;
import tech.tablesaw.api.Table;

/**
 * Scores a CSV or NDJSON batch a chunk of rows at a time: each chunk is read into the request table,
 * checked and predicted before the next is read, so a body of a million rows never sits in memory;
 * only its predictions are kept (see {@link BatchPredictions}).
 *
 * <p>Nothing is answered before the last row has been scored: a bad row at line 900,000 is still a
 * 400 naming it, rather than an error in the middle of a 200 already half sent. The answer is then
 * streamed out from the kept predictions.
 */
final class Batch {
    /** Rows read and predicted at a time: large enough that predicting costs little per row, small enough to hold. */
    static final int CHUNK = 10_000;

    private Batch() {
    }

    /** Every row of {@code rows} scored by {@code served}'s model; a 413 past {@code maxRows} rows, a 400 for none. */
    static BatchPredictions score(BatchRows rows, Served served, long maxRows) {
        Model model = served.model();
        BatchPredictions scores = new BatchPredictions(model.task(), model.classes());
        long[] lines = new long[CHUNK];
        boolean more = true;
        while (more) {
            RequestTable table = RequestTable.of(served);
            int n = 0;
            while (n < CHUNK && (more = rows.next(table))) {
                lines[n++] = rows.line();
                if (scores.rows() + n > maxRows) {
                    throw new BadRequest(413, "body", "body: more than the limit of " + String.format("%,d", maxRows)
                            + " rows (--max-rows); send the rest in another request");
                }
            }
            if (n > 0) {
                scores.add(predict(model, table.filled(n), lines));
            }
        }
        if (scores.rows() == 0) {
            throw BadRequest.at("body", "empty batch; send at least one row");
        }
        return scores;
    }

    /** The chunk's predictions; when the model refuses it (an unknown category, a value no step fills), a 400 naming the first row at fault. */
    private static Predictions predict(Model model, Table chunk, long[] lines) {
        try {
            return model.predictStrict(chunk);
        } catch (UsageError refused) {
            int row = firstRefused(model, chunk);
            String message = refusal(model, chunk.inRange(row, row + 1));
            throw BadRequest.atLine(lines[row], named(message, chunk), message == null ? refused.getMessage() : message);
        }
    }

    /** Halves the chunk until one row is left: a set of rows is refused exactly when one of its rows is. */
    private static int firstRefused(Model model, Table chunk) {
        int from = 0;
        int to = chunk.rowCount();
        while (to - from > 1) {
            int middle = (from + to) >>> 1;
            if (refusal(model, chunk.inRange(from, middle)) != null) {
                to = middle;
            } else {
                from = middle;
            }
        }
        return from;
    }

    private static String refusal(Model model, Table rows) {
        try {
            model.predictStrict(rows);
            return null;
        } catch (UsageError e) {
            return e.getMessage();
        }
    }

    /** The input column the model's message names in quotes ('island'), or null. */
    private static String named(String message, Table chunk) {
        if (message != null) {
            for (String column : chunk.columnNames()) {
                if (message.contains("'" + column + "'")) {
                    return column;
                }
            }
        }
        return null;
    }
}
