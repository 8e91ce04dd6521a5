"""The compiled response dumpers give exactly what marshmallow's ``Schema.dump`` gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from marshmallow import Schema, fields, post_dump

from service import pipeline
from service.models import OffsetUnit
from service.web import schemas

PAIRS = sorted(
    folder for folder in (Path(__file__).parent / "data").glob("pairs*/*")
    if (folder / "source.txt").is_file()
)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda folder: f"{folder.parent.name}/{folder.name}")
@pytest.mark.parametrize("offset_unit", schemas.OFFSET_UNITS)
def test_verify_dump_matches_marshmallow(pair: Path, offset_unit: OffsetUnit) -> None:
    source, candidate = (pair / "source.txt").read_text(), (pair / "candidate.txt").read_text()
    report = pipeline.verify(source, candidate)
    expected = schemas.VerifyResponseSchema().dump(schemas.VerifyResult(report, offset_unit))
    dumped = schemas.dump_verify(report, offset_unit)
    assert dumped == expected
    assert list(dumped) == list(expected)  # the same key order, so the same JSON text


@pytest.mark.parametrize("pair", PAIRS[:8], ids=lambda folder: folder.name)
def test_extract_dump_matches_marshmallow(pair: Path) -> None:
    quotes = pipeline.extract((pair / "source.txt").read_text())
    expected = schemas.ExtractResponseSchema().dump(schemas.ExtractResult(quotes, "codepoint"))
    assert schemas.dump_extract(quotes, "codepoint") == expected


class _Point:
    def __init__(self, x: Any, label: Any, weight: Any) -> None:
        self.x, self.label, self.weight = x, label, weight


class _PointSchema(Schema):
    x = fields.Integer()
    label = fields.String(data_key="name")
    weight = fields.Float()  # no direct path: dumped by the field itself
    doubled = fields.Method("_doubled")

    def _doubled(self, point: _Point) -> int:
        return int(point.x) * 2


@pytest.mark.parametrize(
    ("schema", "point", "expected"),
    [
        (_PointSchema(), _Point(3, "a", 0.5), {"x": 3, "name": "a", "weight": 0.5, "doubled": 6}),
        (_PointSchema(), _Point("4", 7, 1), {"x": 4, "name": "7", "weight": 1.0, "doubled": 8}),
        (_PointSchema(exclude=("doubled",)), _Point(None, None, None),
         {"x": None, "name": None, "weight": None}),
    ],
)
def test_compiled_dump_converts_like_marshmallow(
    schema: Schema, point: _Point, expected: dict[str, Any]
) -> None:
    assert schemas.compile_dump(schema)(point) == schema.dump(point) == expected


def test_schema_with_dump_hooks_is_refused() -> None:
    class Hooked(Schema):
        x = fields.Integer()

        @post_dump
        def _wrap(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
            return {"wrapped": data}

    with pytest.raises(TypeError, match="hooks"):
        schemas.compile_dump(Hooked())
