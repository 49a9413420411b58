#!/usr/bin/python3
"""scikit-learn's cross-validated R² on cv_mean_fill.csv, for TrainCrossValidationTest.

Run with Debian's Python (scikit-learn 1.2.1) from this directory:

    /usr/bin/python3 cv_mean_fill.py            # writes cv_mean_fill.csv, prints the scores

cv_mean_fill.csv: 200 rows of a, b, c (about 15% missing each, written empty) and y. The folds are
Sluice's own: cv_mean_fill_folds.txt holds each row's fold, Split.folds(200, 5, 42, no labels) as
`%train linear --target y --test-size 0 --cv 5` draws them (the test checks that it still does).
Each fold fits Pipeline(SimpleImputer(mean), LinearRegression) on its training rows, as Sluice's
fold refits `%clean fill a,b,c --with mean`. "leaky" imputes with the means of all rows first, the
mistake the test must tell apart.
"""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

rng = np.random.default_rng(12)
n = 200
x = np.column_stack([rng.normal(5, 2, n), rng.exponential(3, n), rng.uniform(-4, 4, n)])
y = 3 * x[:, 0] - 2 * x[:, 1] + 0.5 * x[:, 2] + rng.normal(0, 1, n)
x[rng.random((n, 3)) < 0.15] = np.nan
df = pd.DataFrame(x, columns=["a", "b", "c"]).round(4)
df["y"] = y.round(4)
df.to_csv("cv_mean_fill.csv", index=False)

df = pd.read_csv("cv_mean_fill.csv")
fold = np.loadtxt("cv_mean_fill_folds.txt", dtype=int)
cv = [(np.flatnonzero(fold != f), np.flatnonzero(fold == f)) for f in range(5)]
X, y = df[["a", "b", "c"]], df["y"]
honest = cross_val_score(make_pipeline(SimpleImputer(strategy="mean"), LinearRegression()), X, y, cv=cv, scoring="r2")
leaky = cross_val_score(LinearRegression(), SimpleImputer(strategy="mean").fit_transform(X), y, cv=cv, scoring="r2")
print("honest", repr(list(honest)))
print("leaky ", repr(list(leaky)))
