package sluice.magic;

/** Runs cell source (Java and magics) the way the kernel runs a cell; given to magics that run code. */
@FunctionalInterface
public interface CellRunner {
    /** Runs {@code source} and returns the value it would display, or null. */
    Object run(String source) throws Exception;
}
