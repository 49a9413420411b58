package sluice.deploy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sluice.model.Predictions;
import sluice.model.Task;

/**
 * The predictions of a whole batch, kept compact until every row has been read and scored: a
 * number per row for regression; a label (shared with the model's classes) and one probability per
 * class for classification, in flat arrays rather than an array per row. At most
 * {@link Settings#maxRows()} rows, so about 8 bytes a row, or 4 + 8 per class.
 */
final class BatchPredictions {
    private final Task task;
    private final List<String> classes;
    private final List<double[]> values = new ArrayList<>();
    private final List<String[]> labels = new ArrayList<>();
    private final List<double[]> probabilities = new ArrayList<>();
    private long rows;

    BatchPredictions(Task task, List<String> classes) {
        this.task = task;
        this.classes = classes;
    }

    /** Appends the predictions of the next chunk of rows. */
    void add(Predictions chunk) {
        rows += chunk.size();
        if (task == Task.REGRESSION) {
            values.add(chunk.values());
            return;
        }
        labels.add(chunk.labels());
        int k = classes.size();
        double[] flat = new double[chunk.size() * k];
        for (int row = 0; row < chunk.size(); row++) {
            System.arraycopy(chunk.probabilities()[row], 0, flat, row * k, k);
        }
        probabilities.add(flat);
    }

    long rows() {
        return rows;
    }

    /** Writes {@code {"prediction": [...], "probabilities": [...]}}, as {@link Answer#predictions} does for one request. */
    void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator json = PredictRequest.JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("prediction");
            if (task == Task.REGRESSION) {
                for (double[] chunk : values) {
                    for (double value : chunk) {
                        Answer.number(json, value);
                    }
                }
            } else {
                for (String[] chunk : labels) {
                    for (String label : chunk) {
                        json.writeString(label);
                    }
                }
            }
            json.writeEndArray();
            if (task == Task.CLASSIFICATION) {
                json.writeArrayFieldStart("probabilities");
                for (double[] chunk : probabilities) {
                    for (int at = 0; at < chunk.length; at += classes.size()) {
                        json.writeStartObject();
                        for (int c = 0; c < classes.size(); c++) {
                            json.writeFieldName(classes.get(c));
                            Answer.number(json, chunk[at + c]);
                        }
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
    }

    /**
     * Writes a header {@code prediction[,probability_CLASS…]} and one line per row, quoted as RFC 4180
     * says (a label with a comma or a quote); a value JSON would write as null is empty.
     */
    void writeCsv(OutputStream out) {
        CsvWriterSettings settings = new CsvWriterSettings();
        settings.setQuoteEscapingEnabled(true);
        settings.setSkipEmptyLines(false);
        settings.getFormat().setLineSeparator("\n");
        CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), settings);
        List<String> header = new ArrayList<>(List.of("prediction"));
        if (task == Task.CLASSIFICATION) {
            classes.forEach(c -> header.add("probability_" + c));
        }
        csv.writeHeaders(header);
        Object[] line = new Object[header.size()];
        if (task == Task.REGRESSION) {
            for (double[] chunk : values) {
                for (double value : chunk) {
                    line[0] = text(value);
                    csv.writeRow(line);
                }
            }
        } else {
            for (int chunk = 0; chunk < labels.size(); chunk++) {
                String[] chunkLabels = labels.get(chunk);
                double[] chunkProbabilities = probabilities.get(chunk);
                for (int row = 0; row < chunkLabels.length; row++) {
                    line[0] = chunkLabels[row];
                    for (int c = 0; c < classes.size(); c++) {
                        line[c + 1] = text(chunkProbabilities[row * classes.size() + c]);
                    }
                    csv.writeRow(line);
                }
            }
        }
        csv.close();
    }

    /** As JSON writes the number (Double.toString), or empty for NaN and infinities. */
    private static String text(double value) {
        return Double.isFinite(value) ? Double.toString(value) : null;
    }
}
