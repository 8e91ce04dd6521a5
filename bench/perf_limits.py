"""Are the default size limits safe for gunicorn's worker timeout? Time the worst shapes.

Usage: python bench/perf_limits.py [--chars N] [--batch-chars M] [--budget SECONDS]

A request must finish well within the worker timeout (``VERBATIM_TIMEOUT``, 30 s), or the
worker is killed mid-request and the caller gets a dropped connection instead of an answer.
This script verifies pairs of ``--chars`` characters per document (default: the
``VERBATIM_MAX_DOCUMENT_CHARS`` default) in the text shapes that cost verification most
(thousands of short quotes, one quote repeated, one giant quote, quote-free prose), each in a
fresh child process, and a ``POST /v1/verify/batch`` whose documents add up to
``--batch-chars`` (default: the ``VERBATIM_MAX_BATCH_CHARS`` default). It prints seconds per
shape and the worst against the timeout. The texts are invented here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.web.config import SETTINGS  # noqa: E402

DEFAULTS = {setting.key: setting.default for setting in SETTINGS}
_SENTENCE = (
    '"We will reopen the bridge by {day}, and the trucks will have to wait," Mayor Ana Ruiz said. '
)


def pair(shape: str, chars: int) -> tuple[str, str]:
    if shape == "many short quotes":
        count = chars // 34
        source = "".join(f'"Item {i} is ready," said Ann Lee. ' for i in range(count))
        candidate = "".join(f'"Item {i} is done," said Ann Lee. ' for i in range(count))
    elif shape == "same quote repeated":
        count = chars // len(_SENTENCE.format(day="Friday"))
        source = _SENTENCE.format(day="Friday") * count
        candidate = _SENTENCE.format(day="Monday") * count
    elif shape == "one giant quote":
        source = '"' + "word " * (chars // 5 - 3) + '," she said.'
        candidate = '"' + "word " * (chars // 5 - 5) + 'other," she said.'
    else:  # quote-free prose
        source = candidate = "The council met again today and adjourned. " * (chars // 44)
    return source[:chars], candidate[:chars]


SHAPES = ("many short quotes", "same quote repeated", "one giant quote", "prose")

_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from bench.perf_limits import pair
from service import pipeline
source, candidate = pair({shape!r}, {chars})
started = time.perf_counter()
report = pipeline.verify(source, candidate)
print(json.dumps({{"seconds": time.perf_counter() - started, "quotes": report.summary.quotes}}))
"""

_BATCH_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from service import create_app
from bench.perf_limits import pair
per_item = {batch_chars} // {items}
items = []
for index in range({items}):
    source, candidate = pair("many short quotes", per_item // 2)
    items.append({{"id": str(index), "source": source, "candidate": candidate}})
client = create_app({{"TESTING": True}}).test_client()
started = time.perf_counter()
response = client.post("/v1/verify/batch", json={{"items": items}})
assert response.status_code == 200, response.get_data(as_text=True)[:300]
print(json.dumps({{"seconds": time.perf_counter() - started, "quotes": sum(
    r["result"]["summary"]["quotes"] for r in response.get_json()["results"])}}))
"""


def _run(code: str, budget: float) -> dict[str, float] | None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=budget,
            check=True,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=DEFAULTS["MAX_DOCUMENT_CHARS"])
    parser.add_argument("--batch-chars", type=int, default=DEFAULTS["MAX_BATCH_CHARS"])
    parser.add_argument("--batch-items", type=int, default=DEFAULTS["MAX_BATCH_ITEMS"])
    parser.add_argument("--budget", type=float, default=120.0)
    args = parser.parse_args()
    timeout = DEFAULTS["TIMEOUT"]
    print(f"worker timeout {timeout} s; {args.chars:,} characters per document")
    print(f"{'shape':24} {'quotes':>7} {'seconds':>8}")
    worst = 0.0
    for shape in SHAPES:
        result = _run(_CHILD.format(root=str(ROOT), shape=shape, chars=args.chars), args.budget)
        if result is None:
            print(f"{shape:24} {'':>7} > {args.budget:.0f} (budget)")
            worst = float("inf")
            continue
        worst = max(worst, result["seconds"])
        print(f"{shape:24} {int(result['quotes']):>7} {result['seconds']:8.2f}")
    code = _BATCH_CHILD.format(
        root=str(ROOT), batch_chars=args.batch_chars, items=args.batch_items
    )
    batch = _run(code, args.budget)
    label = f"batch {args.batch_items} x {args.batch_chars // args.batch_items:,} chars"
    if batch is None:
        print(f"{label:24} {'':>7} > {args.budget:.0f} (budget)")
        worst = float("inf")
    else:
        worst = max(worst, batch["seconds"])
        print(f"{label:24} {int(batch['quotes']):>7} {batch['seconds']:8.2f}")
    print(f"worst {worst:.2f} s = {worst / timeout:.0%} of the {timeout} s worker timeout")


if __name__ == "__main__":
    main()
