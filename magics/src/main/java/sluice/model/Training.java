package sluice.model;

import tech.tablesaw.api.Table;

/**
 * What {@code %train} leaves in the session: the model, and the cleaned rows it was trained and
 * tested on (the target included), which {@code %evaluate} scores.
 *
 * @param model the artifact
 * @param train the training rows, cleaned by the steps fitted on them
 * @param test  the test rows, cleaned by the same fitted steps (no rows when there is no test split)
 */
public record Training(Model model, Table train, Table test) {
}
