"""The wheel ships every subpackage of lint/ (installed as ``doclint``), listed in pyproject.toml."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_an_unrelated_package_called_lint_does_not_shadow_doclint(tmp_path: Path) -> None:
    (tmp_path / "lint").mkdir()
    (tmp_path / "lint" / "__init__.py").write_text("# PyPI's unrelated `lint` package\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("健全绩效考核考核分配制度。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "doclint", "check", "--no-cache", "a.txt"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "repeated-word" in run.stdout and run.stderr == ""
