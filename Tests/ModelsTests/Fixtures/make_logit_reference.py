#!/usr/bin/env python3
"""Reference results for LogisticRegressionTests (dev tooling, not run by tests).

Regenerate (from the package root; statsmodels 0.15, scikit-learn 1.9.1, numpy, scipy):

    python3 Tests/ModelsTests/Fixtures/make_logit_reference.py

Writes, next to this script:
  logit_churn.csv      2,000 x 7 simulated churn-like design + outcome "y"
  logit_weighted.csv   400 x 3 design + outcome "y" + frequency weight "w"
  logit_reference.json reference numbers for every case (see the "cases" keys)

Every design is built from a seeded numpy Generator, so the files are
reproducible bit for bit on the same numpy. Floats are written with 17
significant digits so the Swift side reads exactly the numbers Python used.
"""
import json
import os
import warnings

import numpy as np
import scipy
import sklearn
import statsmodels
import statsmodels.api as sm
from scipy import optimize
from sklearn.linear_model import LogisticRegression
from statsmodels.stats.outliers_influence import variance_inflation_factor

HERE = os.path.dirname(os.path.abspath(__file__))


def write_csv(name, header, columns):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for row in zip(*columns):
            f.write(",".join("%.17g" % v for v in row) + "\n")


def logit_summary(res, names):
    """The statsmodels Logit/GLM results the Swift tests compare."""
    ci = np.asarray(res.conf_int(alpha=0.05))
    out = {
        "terms": names,
        "params": list(map(float, res.params)),
        "bse": list(map(float, res.bse)),
        "tvalues": list(map(float, res.tvalues)),
        "pvalues": list(map(float, res.pvalues)),
        "conf_int_lower": list(map(float, ci[:, 0])),
        "conf_int_upper": list(map(float, ci[:, 1])),
        "llf": float(res.llf),
        "llnull": float(res.llnull),
        "aic": float(res.aic),
    }
    return out


def churn_design(rng, n=2000):
    """Columns like the peer pipeline's features (simulated)."""
    recency = rng.gamma(1.5, 40.0, n)
    frequency = rng.poisson(4.0, n) + 1
    monetary = rng.lognormal(4.0, 0.8, n) * frequency
    tenure = rng.uniform(30, 1500, n)
    orders_90d = rng.poisson(1.2, n).astype(float)
    discount_share = rng.beta(1.2, 5.0, n)
    complaint = (rng.uniform(size=n) < 0.08).astype(float)
    x = np.column_stack([
        np.log1p(recency), np.log1p(frequency), np.log1p(monetary), np.log1p(tenure),
        orders_90d, discount_share, complaint])
    names = ["log_recency", "log_frequency", "log_monetary", "log_tenure",
             "orders_90d", "discount_share", "events_complaint"]
    eta = (-2.0 + 0.9 * (x[:, 0] - 3.5) - 0.6 * (x[:, 1] - 1.6) - 0.15 * (x[:, 2] - 5.5)
           - 0.3 * (x[:, 3] - 6.3) - 0.25 * x[:, 4] + 1.1 * x[:, 5] + 0.8 * x[:, 6])
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-eta))).astype(float)
    return x, y, names


def firth_reference(x, y):
    """Maximises l(b) + 0.5 log det(X'WX) directly with BFGS.

    Independent of the Swift code's modified-score Newton iteration: the
    objective is evaluated with numpy's slogdet, and the analytic gradient
    below is checked against central finite differences of that objective
    before it is used.
    """
    def objective(b):
        eta = x @ b
        ll = np.sum(y * eta - np.logaddexp(0, eta))
        mu = 1 / (1 + np.exp(-eta))
        info = x.T @ (x * (mu * (1 - mu))[:, None])
        return -(ll + 0.5 * np.linalg.slogdet(info)[1])

    def gradient(b):
        eta = x @ b
        mu = 1 / (1 + np.exp(-eta))
        w = mu * (1 - mu)
        info_inv = np.linalg.inv(x.T @ (x * w[:, None]))
        h = np.einsum("ij,jk,ik->i", x, info_inv, x) * w
        return -(x.T @ (y - mu + h * (0.5 - mu)))

    b0 = np.zeros(x.shape[1])
    for b in (b0, b0 + 0.3):
        fd = optimize.approx_fprime(b, objective, 1e-6)
        assert np.allclose(fd, gradient(b), rtol=1e-4, atol=1e-5), (fd, gradient(b))
    res = optimize.minimize(objective, b0, jac=gradient, method="BFGS",
                            options={"gtol": 1e-11, "maxiter": 10000})
    assert np.max(np.abs(gradient(res.x))) < 1e-9, res
    b = res.x
    eta = x @ b
    mu = 1 / (1 + np.exp(-eta))
    cov = np.linalg.inv(x.T @ (x * (mu * (1 - mu))[:, None]))
    return {"params": list(map(float, b)), "bse": list(map(float, np.sqrt(np.diag(cov)))),
            "penalized_llf": float(-res.fun),
            "llf": float(np.sum(y * eta - np.logaddexp(0, eta)))}


def main():
    cases = {}

    # (a) churn-like design, maximum likelihood -------------------------------
    rng = np.random.default_rng(20240611)
    x, y, names = churn_design(rng)
    write_csv("logit_churn.csv", names + ["y"], [*x.T, y])
    xc = sm.add_constant(x)
    res = sm.Logit(y, xc).fit(method="newton", maxiter=100, disp=0)
    assert res.mle_retvals["converged"]
    out = logit_summary(res, ["intercept"] + names)
    out.update({"bic": float(res.bic), "prsquared": float(res.prsquared),
                "deviance": float(-2 * res.llf), "null_deviance": float(-2 * res.llnull),
                "iterations": int(res.mle_retvals["iterations"]), "nobs": float(res.nobs),
                "vif": [float(variance_inflation_factor(xc, j)) for j in range(xc.shape[1])],
                "column_sd_ddof1": list(map(float, x.std(axis=0, ddof=1)))})
    cases["churn"] = out

    # (b) frequency weights: GLM(Binomial, freq_weights) -----------------------
    rng = np.random.default_rng(7)
    n = 400
    xw = np.column_stack([rng.normal(size=n), rng.uniform(-1, 1, n), (rng.uniform(size=n) < 0.3)])
    xw = xw.astype(float)
    w = rng.integers(1, 6, n).astype(float)
    eta = 0.3 + 0.8 * xw[:, 0] - 1.2 * xw[:, 1] + 0.7 * xw[:, 2]
    yw = (rng.uniform(size=n) < 1 / (1 + np.exp(-eta))).astype(float)
    write_csv("logit_weighted.csv", ["x1", "x2", "flag", "y", "w"], [*xw.T, yw, w])
    glm = sm.GLM(yw, sm.add_constant(xw), family=sm.families.Binomial(), freq_weights=w)
    gres = glm.fit(tol=1e-14, maxiter=200)
    out = logit_summary(gres, ["intercept", "x1", "x2", "flag"])
    out.update({"bic": float(gres.bic_llf), "prsquared": float(gres.pseudo_rsquared(kind="mcf")),
                "deviance": float(gres.deviance), "null_deviance": float(gres.null_deviance),
                "nobs": float(glm.wnobs)})
    # Frequency weights mean "this row stands for w identical rows": check it.
    rep = np.repeat(np.arange(n), w.astype(int))
    eres = sm.Logit(yw[rep], sm.add_constant(xw)[rep]).fit(method="newton", disp=0)
    assert np.allclose(eres.params, gres.params, rtol=1e-9)
    assert np.allclose(eres.bse, gres.bse, rtol=1e-9)
    assert np.isclose(eres.bic, gres.bic_llf, rtol=1e-12)
    cases["weighted"] = out

    # (c) L2 on the churn design vs scikit-learn ------------------------------
    c = 0.5
    ref = LogisticRegression(C=c, tol=1e-12, max_iter=10000, solver="newton-cholesky").fit(x, y)
    lb = LogisticRegression(C=c, tol=1e-12, max_iter=10000, solver="lbfgs").fit(x, y)
    p_ref = np.r_[ref.intercept_, ref.coef_.ravel()]
    p_lb = np.r_[lb.intercept_, lb.coef_.ravel()]
    cases["l2"] = {"C": c, "strength": 1 / c, "params": list(map(float, p_ref)),
                   "lbfgs_max_rel_diff": float(np.max(np.abs(p_lb - p_ref) / np.abs(p_ref))),
                   "solver": "newton-cholesky"}

    # (d) balanced class weights on the churn design --------------------------
    n1 = y.sum(); n0 = len(y) - n1
    cw = np.where(y == 1, len(y) / (2 * n1), len(y) / (2 * n0))
    gres = sm.GLM(y, xc, family=sm.families.Binomial(), freq_weights=cw).fit(tol=1e-14, maxiter=200)
    sk = LogisticRegression(C=np.inf, class_weight="balanced", tol=1e-12, max_iter=10000,
                            solver="newton-cholesky").fit(x, y)
    p_sk = np.r_[sk.intercept_, sk.coef_.ravel()]
    assert np.allclose(p_sk, gres.params, rtol=1e-7), (p_sk, gres.params)
    out = logit_summary(gres, ["intercept"] + names)
    out.update({"bic": float(gres.bic_llf), "prsquared": float(gres.pseudo_rsquared(kind="mcf")),
                "deviance": float(gres.deviance), "nobs": float(gres.model.wnobs),
                "class_weights": [float(len(y) / (2 * n0)), float(len(y) / (2 * n1))]})
    cases["balanced"] = out

    # (e) collinear: x3 = x1 + x2; the later column is dropped ----------------
    rng = np.random.default_rng(11)
    n = 300
    x1, x2, x4 = rng.normal(size=n), rng.normal(size=n), rng.normal(size=n)
    x3 = x1 + x2
    yk = (rng.uniform(size=n) < 1 / (1 + np.exp(-(0.2 + x1 - 0.5 * x2 + 0.3 * x4)))).astype(float)
    design = np.column_stack([x1, x2, x3, x4])
    res = sm.Logit(yk, sm.add_constant(np.column_stack([x1, x2, x4]))).fit(method="newton", disp=0)
    out = logit_summary(res, ["intercept", "x1", "x2", "x4"])
    out.update({"columns": ["x1", "x2", "x3", "x4"], "design": design.tolist(), "y": yk.tolist(),
                "bic": float(res.bic)})
    cases["collinear"] = out

    # (f) a constant column ---------------------------------------------------
    const = np.full(n, 5.0)
    design = np.column_stack([x1, const, x4])
    res = sm.Logit(yk, sm.add_constant(np.column_stack([x1, x4]))).fit(method="newton", disp=0)
    out = logit_summary(res, ["intercept", "x1", "x4"])
    out.update({"columns": ["x1", "five", "x4"], "design": design.tolist(), "y": yk.tolist()})
    cases["constant"] = out

    # (g) separation: statsmodels only warns; record what it says -------------
    xs = np.arange(1.0, 11.0)
    ys = (xs > 5).astype(float)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            sm.Logit(ys, sm.add_constant(xs)).fit(method="newton", disp=0)
            msg = "; ".join(sorted({type(w.message).__name__ for w in caught}))
        except Exception as e:  # older statsmodels raised PerfectSeparationError
            msg = type(e).__name__
    cases["perfect_separation"] = {"x": xs.tolist(), "y": ys.tolist(), "statsmodels": msg}
    # Quasi: x separates except at x = 5, where both outcomes occur with the
    # same z values, so only x (with the intercept) diverges.
    xq = np.array([1, 2, 3, 4, 5, 5, 5, 5, 6, 7, 8, 9.0])
    zq = np.array([0.3, -1.2, 0.8, 0.1, 0.5, 0.5, -0.2, -0.2, 0.9, -0.7, 0.2, -0.3])
    yq = np.array([0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1.0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        qres = sm.Logit(yq, sm.add_constant(np.column_stack([xq, zq]))).fit(
            method="newton", disp=0, maxiter=35)
        msg = "; ".join(sorted({type(w.message).__name__ for w in caught}))
    cases["quasi_separation"] = {"x": xq.tolist(), "z": zq.tolist(), "y": yq.tolist(),
                                 "statsmodels": msg,
                                 "statsmodels_params_after_35": list(map(float, qres.params))}

    # (h) Firth: small design and the separated one ---------------------------
    rng = np.random.default_rng(3)
    n = 60
    xf = np.column_stack([rng.normal(size=n), (rng.uniform(size=n) < 0.4).astype(float)])
    yf = (rng.uniform(size=n) < 1 / (1 + np.exp(-(-0.5 + 1.0 * xf[:, 0] + 1.5 * xf[:, 1])))).astype(float)
    fr = firth_reference(sm.add_constant(xf), yf)
    fr.update({"design": xf.tolist(), "y": yf.tolist(), "columns": ["x", "flag"]})
    cases["firth"] = fr
    fs = firth_reference(sm.add_constant(xs), ys)
    fs.update({"x": xs.tolist(), "y": ys.tolist()})
    cases["firth_separated"] = fs

    meta = {"generator": "Tests/ModelsTests/Fixtures/make_logit_reference.py",
            "numpy": np.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "sklearn": sklearn.__version__}
    with open(os.path.join(HERE, "logit_reference.json"), "w") as f:
        json.dump({"meta": meta, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
