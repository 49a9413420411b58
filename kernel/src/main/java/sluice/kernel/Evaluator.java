package sluice.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.function.Function;
import sluice.magic.CellRunner;
import sluice.magic.Magics;

/**
 * Runs cells: a {@code %%magic} with its body, or Java (on JShell) and {@code %magic} lines in order,
 * a whole cell started and ended with the outputs that show what it printed, displayed and returned.
 */
final class Evaluator {
    private final ShellStart java;
    private final RunningCell cell;
    private final Magics magics;
    private final Function<Object, DisplayData> render;

    /**
     * @param catalogue the magics, given what runs cell source for the magics that run code
     * @param render    a cell's value as the frontend shows it
     */
    Evaluator(ShellStart java, RunningCell cell, Function<CellRunner, Magics> catalogue, Function<Object, DisplayData> render) {
        this.java = java;
        this.cell = cell;
        this.magics = catalogue.apply(this::runSource);
        this.render = render;
    }

    Magics magics() {
        return magics;
    }

    /**
     * What one executed cell left: its error (null when it ran), the name it asked help for
     * ({@code name?}, null otherwise), and the text/plain of the value it showed (or null).
     */
    record Executed(ErrorReport error, String page, String shown) {
    }

    /**
     * Runs one cell and sends what it shows to {@code outputs}: the one path of a Jupyter execute
     * request and of {@code run}, so both give the same outputs.
     */
    Executed execute(String code, int count, boolean silent, Outputs outputs) {
        cell.start(outputs, count);
        try {
            String asked = Cell.question(code);
            if (asked != null) {
                return new Executed(null, asked, null);
            }
            Object value = runSource(code);
            cell.flush();
            String shown = null;
            // System.out.printf(…) as a cell's last line returns the stream itself: printing is the
            // point, not the stream, whose text would differ on every run.
            if (value != null && !silent && !(value instanceof java.io.PrintStream)) {
                DisplayData data = render.apply(value);
                outputs.result(count, data);
                shown = String.valueOf(data.getData(MIMEType.TEXT_PLAIN));
            }
            return new Executed(null, null, shown);
        } catch (Throwable e) {
            ErrorReport report = ErrorReport.of(e);
            cell.flush();
            outputs.error(report);
            return new Executed(report, null, null);
        } finally {
            cell.end();
        }
    }

    /** Runs a cell's source: a {@code %%magic} with its body, or Java and {@code %magic} lines in order. */
    Object runSource(String code) throws Exception {
        Cell parsed = Cell.parse(code);
        if (parsed.cellMagic() != null) {
            return runMagic(Magics.Kind.CELL, parsed.cellMagic(), parsed.body());
        }
        Object value = null;
        for (Cell.Part part : parsed.parts()) {
            if (part.magic()) {
                value = runMagic(Magics.Kind.LINE, part.text(), null);
            } else {
                Object result = runJava(part);
                value = result == JavaShell.NO_VALUE ? null : result;
            }
        }
        return value;
    }

    private Object runJava(Cell.Part part) throws Exception {
        Number arithmetic = ConstantArithmetic.value(part.text().strip());
        if (arithmetic != null) {
            return arithmetic; // without waiting for JShell, which may still be starting
        }
        JavaShell shell = java.get();
        cell.stopIfInterrupted();
        return cell.runningJava(() -> shell.run(part.text(), cell.count(), part.line()));
    }

    private Object runMagic(Magics.Kind kind, String text, String body) throws Exception {
        Object value = magics.run(kind, text, body);
        cell.stopIfInterrupted();
        return value;
    }
}
