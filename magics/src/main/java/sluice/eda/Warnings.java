package sluice.eda;

import java.util.ArrayList;
import java.util.List;

/** The findings of an overview that a person should act on, each one line with what to do. */
final class Warnings {
    static final double MANY_MISSING = 0.2;
    static final double STRONG_SKEW = 2.0;
    static final double HIGH_CORRELATION = 0.9;

    private Warnings() {
    }

    static List<String> of(List<ColumnProfile> profiles, int duplicates, Correlations correlations) {
        List<String> warnings = new ArrayList<>();
        for (ColumnProfile p : profiles) {
            if (p.size() > 0 && p.distinct() <= 1) {
                warnings.add(p.name() + " is constant (" + (p.distinct() == 0 ? "all missing" : "one value")
                        + "): it cannot help a model; %clean drop " + p.name());
            }
            if (!p.numeric() && p.distinct() > 50 && p.distinct() > p.size() / 2) {
                warnings.add(p.name() + " has high cardinality (" + p.distinct() + " distinct of " + p.size()
                        + "): an identifier or free text; drop it or derive a coarser column");
            }
            if (p.missingShare() > MANY_MISSING) {
                warnings.add(p.name() + " is " + Math.round(p.missingShare() * 100) + "% missing: %clean fill or drop it");
            }
            if (p.numeric() && p.skew() != null && Math.abs(p.skew()) > STRONG_SKEW) {
                warnings.add(String.format("%s is strongly skewed (skew %.1f): consider a log transform or %%clean clip",
                        p.name(), p.skew()));
            }
        }
        if (duplicates > 0) {
            warnings.add(duplicates + " duplicate " + (duplicates == 1 ? "row" : "rows") + ": %clean dedupe");
        }
        for (Correlations.Pair pair : correlations.strongerThan(HIGH_CORRELATION)) {
            warnings.add(String.format("%s and %s are highly correlated (r = %.2f): one of them may be redundant",
                    pair.a(), pair.b(), pair.r()));
        }
        return warnings;
    }
}
