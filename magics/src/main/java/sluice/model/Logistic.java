package sluice.model;

import java.util.Arrays;
import java.util.stream.IntStream;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

/**
 * Logistic regression as scikit-learn's {@code LogisticRegression(C=1/lambda)} fits it: for two
 * classes one weight vector for the second class, for more a weight vector per class (the
 * symmetric multinomial model, where Smile's own fixes the last class at zero and so penalizes a
 * different model). It minimizes the summed log loss plus {@code lambda/2} times the squared
 * weights, intercepts unpenalized, with Smile's L-BFGS. It is fitted on standardized columns, as
 * scikit-learn's behind a {@code StandardScaler}, and keeps their means and deviations for prediction.
 */
final class Logistic implements Learner {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 4_096;

    private final int classes;
    /** Per modelled class (the second of two, or every class of more), p weights then the intercept. */
    private final double[][] weights;
    /** Each column's mean and standard deviation, by which rows are standardized. */
    private final double[][] scale;

    private Logistic(int classes, double[][] weights, double[][] scale) {
        this.classes = classes;
        this.weights = weights;
        this.scale = scale;
    }

    /** Fits class indexes {@code y} (0 to classes-1) on rows {@code rows}, standardized here. */
    static Logistic fit(double[][] rows, int[] y, int classes, double lambda, double tolerance, int iterations) {
        double[][] scale = meanAndSd(rows);
        double[][] x = standardize(rows, scale);
        int p = x[0].length;
        int outputs = classes == 2 ? 1 : classes;
        double[] w = new double[outputs * (p + 1)];
        BFGS.minimize(new Objective(x, y, classes, outputs, lambda), 5, w, tolerance, iterations);
        double[][] weights = new double[outputs][];
        for (int c = 0; c < outputs; c++) {
            weights[c] = Arrays.copyOfRange(w, c * (p + 1), (c + 1) * (p + 1));
        }
        return new Logistic(classes, weights, scale);
    }

    /** Each column's mean and standard deviation (1 for a constant column), for {@link #standardize}. */
    private static double[][] meanAndSd(double[][] x) {
        int p = x.length == 0 ? 0 : x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1;
        }
        return new double[][] {mean, sd};
    }

    /** {@code x} with each column centred and scaled by {@code meanAndSd}; {@code x} is not changed. */
    private static double[][] standardize(double[][] x, double[][] meanAndSd) {
        double[][] scaled = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                scaled[i][j] = (x[i][j] - meanAndSd[0][j]) / meanAndSd[1][j];
            }
        }
        return scaled;
    }

    @Override
    public int[] classify(Encoded rows, double[][] probabilities) {
        double[][] x = standardize(rows.matrix(), scale);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = predict(x[i], probabilities[i]);
        }
        return y;
    }

    @Override
    public double[] regress(Encoded x) {
        throw new UnsupportedOperationException("Logistic regression predicts classes, not numbers.");
    }

    /** The most probable class of standardized row {@code x}; {@code probabilities} receives each class's probability. */
    private int predict(double[] x, double[] probabilities) {
        softmax(scores(weights, classes, x), probabilities);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The linear score of each class; a class without weights (the first of two) scores 0. */
    private static double[] scores(double[][] weights, int classes, double[] x) {
        double[] eta = new double[classes];
        int first = classes - weights.length;
        for (int o = 0; o < weights.length; o++) {
            double[] w = weights[o];
            double s = w[x.length];
            for (int j = 0; j < x.length; j++) {
                s += w[j] * x[j];
            }
            eta[first + o] = s;
        }
        return eta;
    }

    /** Fills {@code probabilities} with the softmax of {@code eta}; returns log Σ exp(eta). */
    private static double softmax(double[] eta, double[] probabilities) {
        double max = Arrays.stream(eta).max().orElse(0);
        double sum = 0;
        for (int c = 0; c < eta.length; c++) {
            probabilities[c] = Math.exp(eta[c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < eta.length; c++) {
            probabilities[c] /= sum;
        }
        return max + Math.log(sum);
    }

    /** The penalized log loss and its gradient, summed over chunks of rows in parallel and then in order. */
    private record Objective(double[][] x, int[] y, int classes, int outputs, double lambda)
            implements DifferentiableMultivariateFunction {
        @Override
        public double f(double[] w) {
            return g(w, null);
        }

        @Override
        public double g(double[] w, double[] gradient) {
            int p = x[0].length;
            double[][] weights = new double[outputs][];
            for (int o = 0; o < outputs; o++) {
                weights[o] = Arrays.copyOfRange(w, o * (p + 1), (o + 1) * (p + 1));
            }
            double[][] parts = IntStream.range(0, (x.length + CHUNK - 1) / CHUNK).parallel()
                    .mapToObj(c -> chunk(weights, c * CHUNK, Math.min(x.length, (c + 1) * CHUNK), gradient != null))
                    .toArray(double[][]::new);
            double loss = 0;
            if (gradient != null) {
                Arrays.fill(gradient, 0);
            }
            for (double[] part : parts) {
                loss += part[w.length];
                if (gradient != null) {
                    for (int i = 0; i < w.length; i++) {
                        gradient[i] += part[i];
                    }
                }
            }
            for (int o = 0; o < outputs; o++) {
                for (int j = 0; j < p; j++) {
                    double weight = w[o * (p + 1) + j];
                    loss += 0.5 * lambda * weight * weight;
                    if (gradient != null) {
                        gradient[o * (p + 1) + j] += lambda * weight;
                    }
                }
            }
            return loss;
        }

        /** [the loss's gradient (if asked), the loss] over rows {@code from} to {@code to}. */
        private double[] chunk(double[][] weights, int from, int to, boolean withGradient) {
            int p = x[0].length;
            int first = classes - outputs;
            double[] part = new double[outputs * (p + 1) + 1];
            double[] probabilities = new double[classes];
            for (int i = from; i < to; i++) {
                double[] eta = scores(weights, classes, x[i]);
                part[part.length - 1] += softmax(eta, probabilities) - eta[y[i]];
                if (withGradient) {
                    for (int o = 0; o < outputs; o++) {
                        double error = probabilities[first + o] - (y[i] == first + o ? 1 : 0);
                        int base = o * (p + 1);
                        for (int j = 0; j < p; j++) {
                            part[base + j] += error * x[i][j];
                        }
                        part[base + p] += error;
                    }
                }
            }
            return part;
        }
    }
}
