package sluice.ingest;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.columns.Column;

/**
 * The raw text of a column whose type the sample could not settle: the type is decided once every
 * value is in, exactly as a full read would decide it.
 */
final class TextSink extends ColumnSink {
    private final CsvCells cells;
    private List<String> texts;

    TextSink(CsvCells cells, int capacity) {
        this.cells = cells;
        this.texts = new ArrayList<>(Math.max(16, Math.min(capacity, 1 << 20)));
    }

    @Override
    boolean add(byte[] b, int start, int end, int flags) {
        texts.add(start == end ? null : cells.text(b, start, end, flags));
        return true;
    }

    @Override
    int size() {
        return texts.size();
    }

    @Override
    Column<?> build(String name, List<ColumnSink> parts) {
        List<String> all = new ArrayList<>(parts.stream().mapToInt(ColumnSink::size).sum());
        for (ColumnSink part : parts) {
            all.addAll(((TextSink) part).texts);
            ((TextSink) part).texts = null;
        }
        TypeGuess guess = ColumnInference.guess(all, cells);
        DecimalCommas.check(name, guess, cells);
        String note = guess.note(name);
        if (note != null) {
            cells.notes.put(name, note);
        }
        return ColumnInference.build(name, all, guess.type(), false, cells);
    }
}
