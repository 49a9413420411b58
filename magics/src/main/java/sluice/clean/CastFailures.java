package sluice.clean;

import java.util.ArrayList;
import java.util.List;
import sluice.magic.UsageError;

/** The values of a column that a cast could not convert: how many, and the first few to show in the error. */
final class CastFailures {
    private static final int EXAMPLES = 3;

    private final List<String> examples = new ArrayList<>();
    private int count;

    void add(Object value) {
        if (examples.size() < EXAMPLES && !examples.contains("'" + CastStep.text(value) + "'")) {
            examples.add("'" + CastStep.text(value) + "'");
        }
        count++;
    }

    /** A usage error naming the count and examples, when any value failed. */
    void check(String column, CastStep.To to) {
        if (count > 0) {
            throw new UsageError("Cannot cast " + count + (count == 1 ? " value" : " values") + " of '" + column
                    + "' to " + to.label() + ", e.g. " + String.join(", ", examples) + ". Fill or fix "
                    + (count == 1 ? "it" : "them") + " first.");
        }
    }
}
