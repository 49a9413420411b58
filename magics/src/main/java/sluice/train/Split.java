package sluice.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded split of row numbers into training and test rows; stratified when labels are given, so
 * each class keeps its share in both parts. The same seed gives the same rows on every run.
 *
 * @param train the training rows, ascending
 * @param test  the test rows, ascending
 */
public record Split(int[] train, int[] test) {
    /** Splits rows {@code 0..rows-1}, putting {@code testShare} of them (of each label, if given) in the test part. */
    public static Split of(int rows, double testShare, long seed, String[] labels) {
        boolean[] inTest = new boolean[rows];
        for (int[] members : shuffledGroups(rows, labels, new SplittableRandom(seed))) {
            int take = (int) Math.round(members.length * testShare);
            for (int i = 0; i < take; i++) {
                inTest[members[i]] = true;
            }
        }
        return where(inTest);
    }

    /** The split whose test part is the row numbers listed in {@code file} (0-based, one per line, plain or .gz). */
    public static Split read(java.nio.file.Path file, int rows) {
        boolean[] test = new boolean[rows];
        try (var in = java.nio.file.Files.newInputStream(file);
             var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                     file.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in) : in))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int row = Integer.parseInt(line.strip());
                if (row < 0 || row >= rows) {
                    throw new sluice.magic.UsageError("--test-rows lists row " + row + ", but the table has rows 0 to " + (rows - 1) + ".");
                }
                test[row] = true;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new sluice.magic.UsageError("No file '" + file + "' for --test-rows.");
        } catch (NumberFormatException e) {
            throw new sluice.magic.UsageError("--test-rows needs one row number per line: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return where(test);
    }

    /** {@code k} folds of rows {@code 0..rows-1} for cross-validation: fold i's test part is every k-th shuffled row. */
    public static List<Split> folds(int rows, int k, long seed, String[] labels) {
        int[] fold = new int[rows];
        int next = 0;
        for (int[] members : shuffledGroups(rows, labels, new SplittableRandom(seed))) {
            for (int member : members) {
                fold[member] = next++ % k;
            }
        }
        List<Split> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            boolean[] inTest = new boolean[rows];
            for (int row = 0; row < rows; row++) {
                inTest[row] = fold[row] == f;
            }
            folds.add(where(inTest));
        }
        return folds;
    }

    /** The rows of each label (all rows as one group without labels), in order of first appearance, each shuffled. */
    private static List<int[]> shuffledGroups(int rows, String[] labels, SplittableRandom random) {
        if (labels == null) {
            int[] all = new int[rows];
            for (int row = 0; row < rows; row++) {
                all[row] = row;
            }
            shuffle(all, random);
            return List.of(all);
        }
        // Each row's group number, then the members of each group in ascending order: no boxed row numbers.
        int[] group = new int[rows];
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (int row = 0; row < rows; row++) {
            group[row] = numbers.computeIfAbsent(String.valueOf(labels[row]), k -> numbers.size());
        }
        int[] sizes = new int[Math.max(1, numbers.size())];
        for (int g : group) {
            sizes[g]++;
        }
        List<int[]> shuffled = new ArrayList<>();
        for (int size : sizes) {
            shuffled.add(new int[size]);
        }
        int[] filled = new int[sizes.length];
        for (int row = 0; row < rows; row++) {
            shuffled.get(group[row])[filled[group[row]]++] = row;
        }
        shuffled.forEach(members -> shuffle(members, random));
        return shuffled;
    }

    /** The split of rows {@code 0..inTest.length-1} whose test part is the rows marked in {@code inTest}, both ascending. */
    private static Split where(boolean[] inTest) {
        int rows = inTest.length;
        int tests = 0;
        for (boolean in : inTest) {
            tests += in ? 1 : 0;
        }
        int[] train = new int[rows - tests];
        int[] test = new int[tests];
        for (int row = 0, a = 0, b = 0; row < rows; row++) {
            if (inTest[row]) {
                test[b++] = row;
            } else {
                train[a++] = row;
            }
        }
        return new Split(train, test);
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + " rows, test=" + test.length + " rows, first test rows="
                + Arrays.toString(Arrays.copyOf(test, Math.min(5, test.length))) + "]";
    }
}
