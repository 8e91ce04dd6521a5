"""Verify many pairs, each on its own: one result or one problem per item.

Shared by ``POST /v1/verify/batch`` and ``verbatim verify-batch``. An item is the verify
request plus the caller's ``id``; whatever is wrong with one item (a missing field, an empty
document, a document over the limit, text the rules refuse, even a bug) becomes that item's
problem and never fails its neighbours. Flask-free, so the CLI's worker processes never load
the web stack.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marshmallow import ValidationError

from service import offsets, pipeline
from service.models import PipelineError, Report
from service.web.schemas import BatchItem, BatchItemSchema, dump_verify, input_problem, problem_body

logger = logging.getLogger("service.batch")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one item: its verification report, or the problem that stopped it."""

    id: str | None
    status: int
    body: dict[str, Any]
    report: Report | None = None

    def as_json(self) -> dict[str, Any]:
        key = "result" if self.report is not None else "problem"
        return {"id": self.id, "status": self.status, key: self.body}


def _raw_id(raw: object) -> str | None:
    """The item's id when it has a usable one, so even a rejected item can be matched up."""
    if isinstance(raw, dict):
        value = raw.get("id")
        if isinstance(value, str) and value:
            return value
    return None


def verify_item(raw: object, *, max_document_chars: int) -> Outcome:
    """Load one raw item (parsed JSON) and verify it; never raises for anything in ``raw``."""
    item_id = _raw_id(raw)
    try:
        if not isinstance(raw, dict):
            raise ValidationError({"body": ["Each item must be a JSON object."]})
        item: BatchItem = BatchItemSchema(max_document_chars=max_document_chars).load(raw)
        job = item.request
        report = pipeline.verify(job.source, job.candidate, job.format)
        converted = offsets.report_in_unit(job.source, job.candidate, report, job.offset_unit)
        return Outcome(item.id, 200, dump_verify(converted, job.offset_unit), report)
    except (ValidationError, PipelineError) as error:
        problem = input_problem(error)
        return Outcome(item_id, problem["status"], problem)
    except Exception:  # one item's bug must not cost the other items their results
        logger.exception("unhandled error verifying batch item %r", item_id)
        return Outcome(
            item_id,
            500,
            problem_body(500, "The server failed to verify this item; the error has been logged."),
        )


def duplicate(item_id: str | None) -> Outcome:
    return Outcome(
        item_id,
        422,
        problem_body(
            422,
            "Another item of this batch has the same id; ids must be unique.",
            {"id": [f"Duplicate id {item_id!r}."]},
        ),
    )


def verify_items(items: Iterable[object], *, max_document_chars: int) -> Iterator[Outcome]:
    """Each item's outcome, in order; a repeated id is a problem of the later item."""
    seen: set[str] = set()
    for raw in items:
        item_id = _raw_id(raw)
        if item_id is not None and item_id in seen:
            yield duplicate(item_id)
            continue
        if item_id is not None:
            seen.add(item_id)
        yield verify_item(raw, max_document_chars=max_document_chars)
