/// A Python logistic-regression fitter timed by the `logit` benchmark.
enum LogitPeer: String, CaseIterable, PeerName {
  /// `statsmodels.api.Logit(y, X).fit(method="newton")`: the reference our fit must equal.
  case statsmodels
  /// `sklearn.linear_model.LogisticRegression(C=np.inf, solver="lbfgs")`.
  case sklearn
}
