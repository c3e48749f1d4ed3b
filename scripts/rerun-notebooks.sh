#!/usr/bin/env bash
# Re-execute notebooks top to bottom and save their outputs (nbval checks them against
# a fresh run in `make test`). Usage: scripts/rerun-notebooks.sh [NOTEBOOK ...]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
if [ "$#" -eq 0 ]; then set -- notebooks/*.ipynb; fi
for nb in "$@"; do
  echo "executing $nb"
  "$BIN/jupyter" nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.timeout=600 "$nb"
done
