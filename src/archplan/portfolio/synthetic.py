"""A realistic synthetic portfolio of N cases, for tests, benchmarks and trying things out.

Each case is a valid workspace written as a person would write it: 2–4 options, 3–6
cost items per option (one-off builds, yearly licences priced per user, monthly
operation, escalation), a cost criterion drawn from the cost plan and marks criteria,
assumptions with as-of dates of every age, decision records (accepted with a chosen
option, proposed, superseded, with review dates and revisit triggers), multi-year
contracts with ceilings, and tags (bureau, department, municipality, system, lifecycle
phase, TIME class). The figures are random (seeded), not real quotes.

``problems=True`` adds the cases a real portfolio has too: a broken workspace, a missing
folder, a case listed twice, one in US dollars and one on a January fiscal year.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

__all__ = ["make_portfolio"]

BUREAUS = {
    "健康福祉局": ["保健所", "福祉総務課", "介護保険課", "食品衛生検査所"],
    "デジタル推進局": ["インフラ担当", "市町村支援課", "情報政策課"],
    "都市整備局": ["道路管理課", "建築指導課"],
    "教育委員会": ["学校ICT推進課", "生涯学習課"],
    "環境局": ["廃棄物対策課", "水道部"],
}
MUNICIPALITIES = ["—", "A市", "B町", "C村", "D市", "5市町共同"]
SYSTEMS = [
    "申請受付",
    "施設予約",
    "検査情報",
    "窓口予約",
    "文書管理",
    "GIS",
    "相談記録",
    "統計分析",
    "学習支援",
    "電子決裁",
]
OPTIONS = [
    ("saas", "SaaS利用", "SaaS"),
    ("gov-cloud", "ガバメントクラウド上で構築", "build on the Government Cloud"),
    ("onprem", "オンプレミス更新", "on-premises refresh"),
    ("shared", "共同利用", "shared service"),
]
#: Software in use (products and releases of the packaged end-of-life data).
SOFTWARE = [
    ("windows-server", "2016", "サーバOS（Windows Server 2016）", "Windows Server 2016"),
    ("windows-server", "2019", "サーバOS（Windows Server 2019）", "Windows Server 2019"),
    ("rhel", "8", "サーバOS（RHEL 8）", "RHEL 8"),
    ("postgresql", "13", "データベース（PostgreSQL 13）", "PostgreSQL 13"),
    ("postgresql", "16", "データベース（PostgreSQL 16）", "PostgreSQL 16"),
    ("mssqlserver", "15.0", "データベース（SQL Server 2019）", "SQL Server 2019"),
]
PHASES = ["plan", "build", "run", "retire"]
TIMES = ["tolerate", "invest", "migrate", "eliminate"]


def _case(
    root: Path, cid: str, rng: random.Random, today: date, lang: str, **over: object
) -> dict[str, str]:
    ws = root / cid
    (ws / "decisions").mkdir(parents=True)
    first = rng.choice([2025, 2026, 2026, 2027])
    horizon = rng.choice([5, 5, 6, 8])
    currency = str(over.get("currency", "JPY"))
    start_month = int(str(over.get("start_month", 4)))
    system = rng.choice(SYSTEMS)
    bureau = rng.choice(list(BUREAUS))
    dept = rng.choice(BUREAUS[bureau])
    title = (
        f"{system}システムの方式検討（{cid}、合成）"
        if lang == "ja"
        else f"{system} system options ({cid}, synthetic)"
    )
    (ws / "archplan.yaml").write_text(
        f"title: {title}\nlanguage: {lang}\nauthor: {dept}\ncurrency: {currency}\n"
        "display_unit: thousand\n"
        f"fiscal_year:\n  start_month: {start_month}\n  first: {first}\n  horizon: {horizon}\n"
        "discount_rate: 0.04\ntax:\n  amounts_entered: exclusive\n",
        encoding="utf-8",
    )
    options = rng.sample(OPTIONS, rng.randint(2, 4))
    (ws / "options.yaml").write_text(
        "options:\n"
        + "".join(
            f"  - id: {oid}\n    name: {ja if lang == 'ja' else en}\n" for oid, ja, en in options
        ),
        encoding="utf-8",
    )
    (ws / "criteria.yaml").write_text(
        "criteria:\n"
        "  - id: cost\n    name: total cost\n    direction: cost\n    source: cost_total\n"
        "    weight: 40\n"
        "  - id: security\n    name: security\n    direction: benefit\n    scale: marks\n"
        "    weight: 30\n"
        "  - id: usability\n    name: usability\n    direction: benefit\n    scale: marks\n"
        "    weight: 30\n",
        encoding="utf-8",
    )
    marks = "◎○△"
    (ws / "scores.csv").write_text(
        "option,security,usability\n"
        + "".join(f"{oid},{rng.choice(marks)},{rng.choice(marks)}\n" for oid, _, _ in options),
        encoding="utf-8",
    )
    users = rng.randint(20, 3000)
    assumptions = {"users": (users, "人")}
    items: list[str] = []
    contracts: list[str] = []
    for oid, _, _ in options:
        build = rng.randint(2, 400) * 100_000
        per_user = rng.randint(3, 40) * 100
        monthly = rng.randint(1, 60) * 10_000
        assumptions[f"{oid.replace('-', '_')}_build"] = (build, "円")
        assumptions[f"{oid.replace('-', '_')}_per_user"] = (per_user, "円/人・月")
        s = f"{first}-{rng.choice(['04', '07', '10'])}"
        last = first + rng.randint(1, horizon - 1)  # operation contracts end at a FY's end
        end = f"{last + 1}-{start_month - 1:02d}" if start_month != 1 else f"{last}-12"
        contract = f"{oid}-ops"
        use_contract = rng.random() < 0.5
        items.append(
            f"  - id: {oid}-build\n    option: {oid}\n    name: build\n    category: build\n"
            f"    nature: one-off\n    amount: {oid.replace('-', '_')}_build\n    start: {s}\n"
        )
        items.append(
            f"  - id: {oid}-licence\n    option: {oid}\n    name: licences\n    category: licence\n"
            f"    nature: recurring\n    period: month\n    quantity: users\n"
            f"    unit_price: {oid.replace('-', '_')}_per_user\n    start: {s}\n"
            f"    end: {first + horizon - 1}\n"
        )
        items.append(
            f"  - id: {oid}-ops\n    option: {oid}\n    name: operation\n    category: operation\n"
            f"    nature: recurring\n    period: month\n    amount: {monthly}\n"
            f"    escalation: 0.0{rng.randint(0, 3)}\n    start: {s}\n    end: {end}\n"
            + (f"    contract: {contract}\n" if use_contract else "")
        )
        for k in range(rng.randint(0, 3)):
            items.append(
                f"  - id: {oid}-extra{k}\n    option: {oid}\n    name: extra {k}\n"
                f"    category: {rng.choice(['maintenance', 'cloud', 'training'])}\n"
                f"    nature: recurring\n    amount: {rng.randint(1, 90) * 100_000}\n"
                f"    start: {first + rng.randint(0, 2)}-04\n    end: {first + horizon - 1}\n"
            )
        if use_contract:
            ceiling = rng.randint(1, 200) * 10_000_000
            contracts.append(
                f"  - id: {contract}\n    name: {contract} contract\n    ceiling: {ceiling}\n"
            )
    (ws / "costs.yaml").write_text(
        "items:\n" + "".join(items) + ("contracts:\n" + "".join(contracts) if contracts else ""),
        encoding="utf-8",
    )
    lines = ["assumptions:\n"]
    for name, (value, unit) in assumptions.items():
        as_of = today - timedelta(days=rng.randint(10, 900))
        lines.append(
            f"  {name}:\n    value: {value}\n    unit: {unit}\n    source: estimate\n"
            f"    as_of: {as_of.isoformat()}\n"
        )
    (ws / "assumptions.yaml").write_text("".join(lines), encoding="utf-8")
    # decisions
    roll = rng.random()
    # Components and actuals draw from their own generator, so that the cases (and the
    # problems added after them) stay as they were before these were added.
    extra = random.Random(f"extras-{cid}-{users}")
    chosen = rng.choice(options)[0]
    review = today + timedelta(days=rng.randint(-60, 400))
    trigger = f"users > {users + rng.choice([-10, 500])}"
    records: list[tuple[str, str, int | None]]
    if roll < 0.15:
        records = [("proposed", chosen, None)]
    elif roll < 0.25:
        records = [("superseded", chosen, None), ("proposed", rng.choice(options)[0], None)]
    elif roll < 0.4:
        old = rng.choice(options)[0]
        records = [("superseded", old, None), ("accepted", chosen, 1)]
    else:
        records = [("accepted", chosen, None)]
    option_ids = [o for o, _, _ in options]
    _components(ws, extra, option_ids, first, horizon, lang)
    accepted = records[-1][0] == "accepted"
    spent = (
        accepted
        and first <= today.year - 1 + (today.month >= start_month)
        and (extra.random() < 0.6)
    )
    if spent:
        trigger += f"\n    - actual of {chosen}-ops exceeds plan by more than 10 %"
        _actuals(ws, extra, chosen, items, assumptions, today)
    for n, (status, opt, supersedes) in enumerate(records, start=1):
        links = f"  links:\n    supersedes: [{supersedes}]\n" if supersedes else ""
        (ws / "decisions" / f"{n:04d}-choose-{opt}.md").write_text(
            f"---\nstatus: {status}\ndate: {(today - timedelta(days=200 - n)).isoformat()}\n"
            f"archplan:\n  options: [{', '.join(o for o, _, _ in options)}]\n  chosen: {opt}\n"
            f"  assumptions:\n    users: {users}\n  review-by: {review.isoformat()}\n"
            f"  triggers:\n    - {trigger}\n{links}---\n# Choose {opt}\n\n"
            "## Context and Problem Statement\n\nSynthetic case.\n\n"
            f"## Decision Outcome\n\nChosen option: {opt}.\n",
            encoding="utf-8",
        )
    return {
        "bureau": bureau,
        "department": dept,
        "municipality": rng.choice(MUNICIPALITIES),
        "system": system,
        "phase": rng.choice(PHASES),
        "time": rng.choice(TIMES),
    }


def _components(
    ws: Path, rng: random.Random, options: list[str], first: int, horizon: int, lang: str
) -> None:
    """``components.yaml``: 1–3 pieces of software (some leaving support during the plan)
    and sometimes the servers, used by every option or by some until a year."""
    lines = ["components:\n"]
    for k, (product, release, ja, en) in enumerate(rng.sample(SOFTWARE, rng.randint(1, 3))):
        users = rng.sample(options, rng.randint(1, len(options)))
        until = {o: rng.choice(["null", str(first + rng.randint(0, horizon - 1))]) for o in users}
        mapping = ", ".join(f"{o}: {y}" for o, y in until.items())
        lines.append(
            f"  - id: sw{k + 1}\n    name: {ja if lang == 'ja' else en}\n"
            f'    product: {product}\n    release: "{release}"\n    options: {{{mapping}}}\n'
        )
    if rng.random() < 0.5:
        bought = date(first - rng.randint(2, 6), 4, 1)
        life = rng.randint(5, 7)
        lines.append(
            f"  - id: server\n    name: {'サーバ機器' if lang == 'ja' else 'servers'}\n"
            f"    kind: hardware\n    purchased: {bought.isoformat()}\n"
            f"    useful_life: {life}\n    maintenance_end: {bought.year + life}-03-31\n"
            f"    options: [{', '.join(rng.sample(options, 1))}]\n"
        )
    (ws / "components.yaml").write_text("".join(lines), encoding="utf-8")


def _actuals(
    ws: Path,
    rng: random.Random,
    chosen: str,
    items: list[str],
    assumptions: dict[str, tuple[int, str]],
    today: date,
) -> None:
    """``actuals/``: a finance-system ledger of what the chosen option has cost so far —
    its build invoice and its monthly operation, each a little off the plan — up to the
    month before ``today``."""
    import re

    def field_of(item: str, key: str) -> str:
        m = re.search(rf"^    {key}: (.+)$", item, re.M)
        return m.group(1) if m else ""

    as_of = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    rows = ["date,item,amount,tax,document\n"]
    doc_no = 0
    for item in items:
        if field_of(item, "option") != chosen:
            continue
        iid = item.split("\n")[0].split(": ", 1)[1]
        start = field_of(item, "start")
        if not re.fullmatch(r"\d{4}-\d{2}", start):
            continue
        y, m = (int(x) for x in start.split("-"))
        end = field_of(item, "end")
        ey, em = (int(x) for x in end.split("-")) if "-" in end else (int(end or 9999), 12)
        if "-extra" in iid:  # a yearly amount, paid in the month it starts each year
            yearly = int(field_of(item, "amount"))
            while (y, m) <= as_of and (y, m) <= (ey, em):
                doc_no += 1
                amount = round(yearly * rng.uniform(0.95, 1.1))
                rows.append(f"{y}-{m:02d}-20,{iid},{amount},税抜,V-{doc_no:05d}\n")
                y += 1
            continue
        if iid.endswith("-licence"):
            price = assumptions[field_of(item, "unit_price")][0]
            monthly = assumptions["users"][0] * price
            while (y, m) <= as_of and (y, m) <= (ey, em):
                doc_no += 1
                amount = round(monthly * rng.uniform(0.97, 1.15))
                rows.append(f"{y}-{m:02d}-15,{iid},{amount},税抜,V-{doc_no:05d}\n")
                y, m = (y, m + 1) if m < 12 else (y + 1, 1)
            continue
        if iid.endswith("-build"):
            planned = assumptions[field_of(item, "amount")][0]
            amount = round(planned * rng.uniform(0.95, 1.1))
            doc_no += 1
            rows.append(f"{y}-{m:02d}-25,{iid},{amount},税抜,V-{doc_no:05d}\n")
        elif iid.endswith("-ops"):
            monthly = int(field_of(item, "amount") or 0)
            while (y, m) <= as_of and (y, m) <= (ey, em):
                doc_no += 1
                amount = round(monthly * rng.uniform(0.9, 1.25))
                rows.append(f"{y}-{m:02d}-28,{iid},{amount},税抜,V-{doc_no:05d}\n")
                y, m = (y, m + 1) if m < 12 else (y + 1, 1)
    (ws / "actuals").mkdir()
    (ws / "actuals" / "ledger.csv").write_text("".join(rows), encoding="utf-8")
    (ws / "actuals" / "actuals.yaml").write_text(
        f"as_of: {as_of[0]}-{as_of[1]:02d}\nledger:\n  - file: ledger.csv\n    unit: yen\n",
        encoding="utf-8",
    )


def make_portfolio(
    folder: str | Path,
    n: int,
    *,
    seed: int = 20261129,
    today: date = date(2026, 11, 29),
    problems: bool = False,
) -> Path:
    """Write ``n`` synthetic cases under ``folder`` and a ``portfolio.yaml`` listing them.

    Returns
    -------
    Path
        The ``portfolio.yaml``.

    Examples
    --------
    >>> import tempfile
    >>> from archplan.portfolio import load_portfolio
    >>> pf = load_portfolio(make_portfolio(tempfile.mkdtemp(), 3))
    >>> len(pf.cases), sorted(pf.cases[0].tags)[:2]
    (3, ['bureau', 'department'])
    """
    root = Path(folder)
    cases_dir = root / "cases"
    rng = random.Random(seed)
    entries = []
    for i in range(n):
        cid = f"case-{i + 1:04d}"
        lang = "en" if rng.random() < 0.15 else "ja"
        tags = _case(cases_dir, cid, rng, today, lang)
        entries.append((f"cases/{cid}", cid, tags))
    if problems:
        tags = _case(cases_dir, "usd-case", rng, today, "ja", currency="USD")
        entries.append(("cases/usd-case", "usd-case", tags))
        tags = _case(cases_dir, "january-case", rng, today, "ja", start_month=1)
        entries.append(("cases/january-case", "january-case", tags))
        tags = _case(cases_dir, "broken-case", rng, today, "ja")
        costs = cases_dir / "broken-case" / "costs.yaml"
        costs.write_text(
            costs.read_text(encoding="utf-8").replace("quantity: users", "quantity: '45 users'", 1),
            encoding="utf-8",
        )
        entries.append(("cases/broken-case", "broken-case", tags))
        entries.append(("cases/no-such-case", "no-such-case", {"bureau": "環境局"}))
        entries.append((entries[0][0], "twice", dict(entries[0][2])))
    lines = [
        f"title: 合成ポートフォリオ（{n}件）\nlanguage: ja\ncurrency: JPY\nfy_start_month: 4\n"
        "cases:\n"
    ]
    for path, cid, tags in entries:
        lines.append(f"  - path: {path}\n    id: {cid}\n    tags:\n")
        lines += [f"      {k}: {v}\n" for k, v in tags.items() if v != "—"]
    out = root / "portfolio.yaml"
    out.write_text("".join(lines), encoding="utf-8")
    return out
