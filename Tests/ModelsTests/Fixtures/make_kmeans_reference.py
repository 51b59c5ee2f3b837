#!/usr/bin/env python3
"""Reference values for the KMeans and clustering-quality tests (dev tooling).

Writes ``kmeans_reference.json`` next to this script: two seeded, standardized
matrices and, for each, scikit-learn's results that the Swift tests compare
against.

* ``separated``: 3,000 × 3, five Gaussian clusters of unequal size and spread.
* ``overlapping``: 2,000 × 3, four heavily overlapping, anisotropic clusters
  (the harder case, where restarts matter).

Both are standardized column by column with the population standard deviation
(ddof = 0, as ``StandardScaler``). For every k in 2..8:
``KMeans(n_clusters=k, n_init=10, random_state=0)`` inertia and labels, and on
those labels ``silhouette_score`` (exact), ``calinski_harabasz_score`` and
``davies_bouldin_score``. ``adjusted_rand_score`` for a few label pairs.

Regenerate (scikit-learn 1.9.1, numpy 2.4.6):

    python3 Tests/ModelsTests/Fixtures/make_kmeans_reference.py
"""

import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import (
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_score,
)


def standardize(x):
    return (x - x.mean(axis=0)) / x.std(axis=0)


def separated(rng):
    sizes = [900, 700, 600, 500, 300]
    means = np.array(
        [[0, 0, 0], [6, 1, -2], [-4, 5, 1], [2, -5, 4], [-3, -3, -5]], dtype=float
    )
    spreads = [1.0, 1.4, 0.8, 1.2, 0.6]
    parts, truth = [], []
    for j, (n, m, s) in enumerate(zip(sizes, means, spreads)):
        parts.append(m + s * rng.standard_normal((n, 3)))
        truth += [j] * n
    return np.vstack(parts), np.array(truth)


def overlapping(rng):
    sizes = [700, 550, 450, 300]
    means = np.array([[0, 0, 0], [2.0, 1.0, 0.5], [-1.5, 2.0, -1.0], [1.0, -2.0, 1.5]])
    parts, truth = [], []
    for j, (n, m) in enumerate(zip(sizes, means)):
        a = rng.standard_normal((3, 3)) * 0.7 + np.eye(3)
        parts.append(m + rng.standard_normal((n, 3)) @ a)
        truth += [j] * n
    return np.vstack(parts), np.array(truth)


def case(name, x, truth):
    x = standardize(x)
    order = np.random.default_rng(7).permutation(len(x))  # interleave clusters
    x, truth = x[order], truth[order]
    fits = []
    labels_by_k = {}
    for k in range(2, 9):
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        labels = km.labels_
        labels_by_k[k] = labels
        fits.append(
            {
                "k": k,
                "inertia": float(km.inertia_),
                "iterations": int(km.n_iter_),
                "labels": labels.tolist(),
                "silhouette": float(silhouette_score(x, labels)),
                "calinskiHarabasz": float(calinski_harabasz_score(x, labels)),
                "daviesBouldin": float(davies_bouldin_score(x, labels)),
            }
        )
    k_true = len(np.unique(truth))
    pairs = [
        {"a": "truth", "b": f"k{k_true}", "ari": float(adjusted_rand_score(truth, labels_by_k[k_true]))},
        {"a": "k4", "b": "k5", "ari": float(adjusted_rand_score(labels_by_k[4], labels_by_k[5]))},
        {"a": "truth", "b": "k8", "ari": float(adjusted_rand_score(truth, labels_by_k[8]))},
        {"a": "k2", "b": "k3", "ari": float(adjusted_rand_score(labels_by_k[2], labels_by_k[3]))},
    ]
    return {
        "name": name,
        "rows": int(x.shape[0]),
        "columns": int(x.shape[1]),
        "data": x.tolist(),  # row-major; Python float repr round-trips exactly
        "truth": truth.tolist(),
        "fits": fits,
        "adjustedRand": pairs,
    }


def main():
    rng = np.random.default_rng(20240601)
    x1, t1 = separated(rng)
    x2, t2 = overlapping(rng)
    out = {
        "generator": "make_kmeans_reference.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": [case("separated", x1, t1), case("overlapping", x2, t2)],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kmeans_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
