"""ruff and mypy (strict, config in pyproject.toml) are part of the suite: CI tolerates no
finding, and a developer running pytest sees them too."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        # No incremental cache: a stale one has reported modules as missing after they landed.
        [sys.executable, "-m", "mypy", "--no-incremental"],
    ],
    ids=["ruff", "mypy"],
)
def test_clean(command: list[str]) -> None:
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
