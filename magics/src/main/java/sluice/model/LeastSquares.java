package sluice.model;

/**
 * A fitted linear model, intercept plus coefficients, as {@code %train linear}, {@code ridge} and
 * {@code lasso} make it from the standardized normal equations ({@link Gram}). Smile's own OLS takes
 * a QR decomposition of the whole n×p matrix, which was about ten times slower than scikit-learn
 * on a million rows; its ridge and lasso penalize differently from scikit-learn's.
 */
final class LeastSquares implements Learner {
    private static final long serialVersionUID = 1L;

    private final double intercept;
    private final double[] coefficients;

    LeastSquares(double intercept, double[] coefficients) {
        this.intercept = intercept;
        this.coefficients = coefficients;
    }

    /** The element-wise sum of {@code a} and {@code b}, a new array. */
    static double[] add(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    /** Predictions for encoded rows, feature by feature: a one-hot feature adds its level's coefficient. */
    double[] predict(Encoded x) {
        double[] y = new double[x.rows()];
        java.util.Arrays.fill(y, intercept);
        for (int f = 0, at = 0; f < x.sources().length; at += x.widths()[f], f++) {
            if (x.isLevels(f)) {
                int[] levels = (int[]) x.sources()[f];
                for (int i = 0; i < y.length; i++) {
                    y[i] += levels[i] >= 0 ? coefficients[at + levels[i]] : 0;
                }
            } else {
                double beta = coefficients[at];
                double[] column = x.numbers(f);
                for (int i = 0; i < y.length; i++) {
                    y[i] += beta * column[i];
                }
            }
        }
        return y;
    }

    @Override
    public double[] regress(Encoded x) {
        return predict(x);
    }

    @Override
    public int[] classify(Encoded x, double[][] probabilities) {
        throw new UnsupportedOperationException("Least squares predicts numbers, not classes.");
    }

    double predict(double[] row) {
        double y = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            y += coefficients[j] * row[j];
        }
        return y;
    }

    double intercept() {
        return intercept;
    }

    double[] coefficients() {
        return coefficients.clone();
    }
}
