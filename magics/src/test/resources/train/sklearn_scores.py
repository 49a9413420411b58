"""The expected values of ScoresTest: scikit-learn 1.2.1's metrics on the test's fixed vectors.

Run with Debian's Python (the one with scikit-learn): /usr/bin/python3 sklearn_scores.py
A metric scikit-learn refuses (ValueError) prints as nan, which Sluice shows as n/a.
"""
import warnings

import numpy as np
import sklearn
from sklearn import metrics

warnings.simplefilter("ignore")


def show(name, compute):
    try:
        value = compute()
    except ValueError as e:
        value = float("nan")
        name += f"  (scikit-learn: {e})"
    print(f"  {name} = {float(value)!r}")


def classification(case, y_true, y_pred, proba):
    y_true, y_pred, proba = np.array(y_true), np.array(y_pred), np.array(proba, dtype=np.float64)
    labels = list(range(proba.shape[1]))
    print(case)
    show("accuracy", lambda: metrics.accuracy_score(y_true, y_pred))
    show("balanced_accuracy", lambda: metrics.balanced_accuracy_score(y_true, y_pred))
    show("precision_macro", lambda: metrics.precision_score(y_true, y_pred, average="macro", zero_division=0))
    show("recall_macro", lambda: metrics.recall_score(y_true, y_pred, average="macro", zero_division=0))
    show("f1_macro", lambda: metrics.f1_score(y_true, y_pred, average="macro", zero_division=0))
    show("cohen_kappa", lambda: metrics.cohen_kappa_score(y_true, y_pred))
    show("mcc", lambda: metrics.matthews_corrcoef(y_true, y_pred))
    show("log_loss", lambda: metrics.log_loss(y_true, proba, labels=labels))
    if len(labels) == 2:
        show("roc_auc", lambda: metrics.roc_auc_score(y_true, proba[:, 1]))
    else:
        show("roc_auc_ovr", lambda: metrics.roc_auc_score(y_true, proba, multi_class="ovr", average="macro",
                                                          labels=labels))


def regression(case, y_true, y_pred):
    print(case)
    show("mse", lambda: metrics.mean_squared_error(y_true, y_pred))
    show("rmse", lambda: metrics.mean_squared_error(y_true, y_pred, squared=False))
    show("mae", lambda: metrics.mean_absolute_error(y_true, y_pred))
    show("r2", lambda: metrics.r2_score(y_true, y_pred))
    show("mape", lambda: metrics.mean_absolute_percentage_error(y_true, y_pred))


print("scikit-learn", sklearn.__version__)
classification("THREE_CLASSES: mistakes, ties in the probabilities",
               [0, 0, 0, 1, 1, 1, 2, 2, 2, 2],
               [0, 1, 0, 1, 1, 2, 2, 2, 0, 2],
               [[.7, .2, .1], [.3, .6, .1], [.5, .25, .25], [.2, .7, .1], [.1, .8, .1],
                [.1, .3, .6], [.2, .2, .6], [.1, .1, .8], [.4, .3, .3], [.25, .25, .5]])
classification("NEVER_PREDICTED: class 2 is never predicted",
               [0, 0, 1, 1, 2, 2],
               [0, 0, 1, 1, 1, 1],
               [[.8, .1, .1], [.6, .3, .1], [.1, .8, .1], [.2, .5, .3], [.1, .5, .4], [.3, .4, .3]])
classification("PERFECT: right every time, probabilities exactly 0 and 1",
               [0, 1, 2, 0, 1, 2],
               [0, 1, 2, 0, 1, 2],
               [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]])
classification("SURE_AND_WRONG: two classes, probability 0 for the true class",
               [0, 1, 1, 0],
               [1, 0, 1, 0],
               [[0, 1], [1, 0], [0, 1], [1, 0]])
classification("BINARY: the second class positive, a tie between classes",
               [0, 0, 1, 1, 0, 1, 0, 1],
               [0, 1, 0, 1, 0, 1, 0, 1],
               [[.9, .1], [.4, .6], [.6, .4], [.2, .8], [.6, .4], [.1, .9], [.7, .3], [.35, .65]])
classification("UNNORMALIZED: rows that do not sum to 1 are divided by their sum",
               [0, 1, 1],
               [0, 1, 0],
               [[.4, .4], [.1, .3], [.2, .2]])
classification("ONE_CLASS: every row of class 0, all predicted 0, of three model classes",
               [0, 0, 0],
               [0, 0, 0],
               [[.6, .3, .1], [.5, .2, .3], [.9, .05, .05]])
classification("ONE_PREDICTED: every row predicted 0",
               [0, 0, 1, 1],
               [0, 0, 0, 0],
               [[.9, .1], [.8, .2], [.7, .3], [.6, .4]])
regression("REGRESSION: scikit-learn's documented example",
           [3, -0.5, 2, 7],
           [2.5, 0.0, 2, 8])
regression("ZERO_TRUTH: y = 0, once predicted exactly and once not",
           [0, 0, 1, 2],
           [0, 0.5, 1, 1])
regression("CONSTANT_TRUTH: every y the same, and predicted exactly",
           [2, 2, 2],
           [2, 2, 2])
regression("CONSTANT_TRUTH_MISSED: every y the same, predictions around it",
           [2, 2, 2],
           [1, 2, 3])
