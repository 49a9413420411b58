package sluice.magic;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the closest valid name to a mistyped one, for "did you mean" hints. */
public final class DidYouMean {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private DidYouMean() {
    }

    /** The candidate nearest to {@code typo}, if it is near enough to be a plausible typo. */
    public static Optional<String> closest(String typo, Collection<String> candidates) {
        String lower = typo.toLowerCase();
        int limit = Math.max(2, typo.length() / 3);
        return candidates.stream()
                .filter(c -> DISTANCE.apply(lower, c.toLowerCase()) <= limit
                        || c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()))
                .min(Comparator.comparingInt(c -> DISTANCE.apply(lower, c.toLowerCase())));
    }

    /** " Did you mean 'x'?" or an empty string; {@code quote} wraps the suggestion. */
    public static String hint(String typo, Collection<String> candidates, String prefix) {
        return closest(typo, candidates).map(c -> " Did you mean '" + prefix + c + "'?").orElse("");
    }
}
