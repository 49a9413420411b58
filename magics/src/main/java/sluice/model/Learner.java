package sluice.model;

import java.io.Serializable;

/**
 * A fitted model behind one interface, encoded rows in and predictions out, implemented once per
 * family: least squares ({@link LeastSquares}), logistic regression ({@link Logistic}), decision
 * trees ({@link DecisionTree}; Smile's of older saved models, {@link Trees}), random forests ({@link
 * Forest}) and XGBoost's boosted trees ({@link Boosting}). A new algorithm
 * of a known family needs only its {@link Options}; a new family implements this.
 */
public interface Learner extends Serializable {
    /** The predicted value of each row, for a regression. */
    double[] regress(Encoded x);

    /** The class index of each row, for a classifier; {@code probabilities[i]} is filled with row i's class probabilities. */
    int[] classify(Encoded x, double[][] probabilities);

    /** Importance per encoded column for the models that measure it (trees), else null. */
    default double[] importance() {
        return null;
    }

    /** The fitted model for the user: Smile's, XGBoost's {@code Booster}, or Sluice's own. */
    default Object smile() {
        return this;
    }
}
