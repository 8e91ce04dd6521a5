"""Files that ship with the package but live at the top of the repository.

``openapi.yaml`` and ``deploy/gunicorn.conf.py`` belong at the top level of the source tree
(where people and tools look for them), and pyproject.toml force-includes them into the
wheel under ``service/``. An installed service finds them next to its modules; a source
checkout (tests, ``pip install -e``) finds them in the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_DIR = _PACKAGE_DIR.parent


def _locate(packaged_name: str, repo_path: str) -> Path:
    for candidate in (_PACKAGE_DIR / packaged_name, _REPO_DIR / repo_path):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"{packaged_name} is neither packaged in {_PACKAGE_DIR} nor at {_REPO_DIR / repo_path}"
    )


def openapi_path() -> Path:
    """The OpenAPI 3.1 description of the HTTP API."""
    return _locate("openapi.yaml", "openapi.yaml")


def gunicorn_conf_path() -> Path:
    """The gunicorn configuration ``verbatim serve`` runs with."""
    return _locate("gunicorn.conf.py", "deploy/gunicorn.conf.py")
