package sluice.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's answers for some rows: numbers for regression; for classification a label per row and
 * the probability of each class (in the order of {@code classes}).
 */
public record Predictions(Task task, List<String> classes, double[] values, String[] labels, double[][] probabilities) {
    public int size() {
        return task == Task.REGRESSION ? values.length : labels.length;
    }

    /** The predictions as plain values: numbers or labels. */
    public List<Object> asList() {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            list.add(task == Task.REGRESSION ? (Object) values[i] : labels[i]);
        }
        return list;
    }

    /** Row {@code row}'s class probabilities by label, for classification. */
    public Map<String, Double> probabilities(int row) {
        Map<String, Double> byClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            byClass.put(classes.get(c), probabilities[row][c]);
        }
        return byClass;
    }
}
