"""Write a realistic synthetic portfolio of N cases (``archplan.portfolio.synthetic``).

    python benchmarks/make_portfolio.py FOLDER N [--seed S] [--problems]

then ``archplan portfolio FOLDER -o portfolio.html`` or ``archplan report --all FOLDER``.
"""

from __future__ import annotations

import argparse

from archplan.portfolio.synthetic import make_portfolio


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", help="an empty or new folder")
    ap.add_argument("n", type=int, help="number of cases")
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument(
        "--problems",
        action="store_true",
        help="add a broken, a missing, a duplicate, a dollar and a January-year case",
    )
    args = ap.parse_args()
    path = make_portfolio(args.folder, args.n, seed=args.seed, problems=args.problems)
    print(f"Portfolio written to {path}")


if __name__ == "__main__":
    main()
