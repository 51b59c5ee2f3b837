#!/usr/bin/env bash
# Regenerates notebooks-export/: runs the example job (datasets/job.yaml) on the bundled sample,
# keeps the files the notebooks read in notebooks-export/run/, and writes churn.ipynb and segments.ipynb.
# Usage: notebooks-export/regenerate.sh   (from anywhere; builds analyze in release mode first)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product analyze
analyze=.build/release/analyze

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$analyze" run datasets/job.yaml --output "$work" >/dev/null
run="$work/nightly/latest"

# Only what the notebooks read: the reports (Markdown cells), the CSV files the code cells load,
# and the charts the run drew (embedded as the code cells' outputs).
keep=(
  describe/summary.md describe/monthly.csv describe/cohort_retention.csv describe/monthly_trend.svg describe/cohort_retention.svg
  features/summary.md features/features.csv features/value_tiers.svg features/lifecycle.svg
  churn/report.md churn/coefficients.csv churn/validation.csv churn/calibration.csv churn/lift.csv churn/scores.csv
  churn/odds_ratios.svg churn/roc.svg churn/calibration.svg churn/gains.svg
  segment/profile.md segment/centroids.csv segment/k_selection.csv segment/segment_profiles.svg segment/k_selection.svg
)
rm -rf notebooks-export/run
for file in "${keep[@]}"; do
  [ -e "$run/$file" ] || continue
  mkdir -p "notebooks-export/run/$(dirname "$file")"
  cp "$run/$file" "notebooks-export/run/$file"
done

"$analyze" notebook notebooks-export/run --kind churn --out notebooks-export/churn.ipynb
"$analyze" notebook notebooks-export/run --kind segments --out notebooks-export/segments.ipynb
