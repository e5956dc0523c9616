"""The wheel ships every subpackage of lint/ (installed as ``doclint``), listed in pyproject.toml."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def test_every_subpackage_of_lint_is_packaged() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        "doclint"
        + ("." + ".".join(init.parent.relative_to(ROOT / "lint").parts) if init.parent != ROOT / "lint" else "")
        for init in (ROOT / "lint").rglob("__init__.py")
    }
    assert found <= listed
