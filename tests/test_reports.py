"""Every output format, checked for shape on the seeds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, doclint

KINDS = {
    "pattern",
    "substitution",
    "repetition",
    "duplicate",
    "numbering",
    "divergence",
    "layout",
    "punctuation",
    "idiom",
    "nonword",
    "wordlist",
    "confusable",
    "spacing",
}
LOCATION_KEYS = {"path", "line", "column", "end_line", "end_column", "excerpt"}


@pytest.fixture(scope="module")
def seed_json() -> dict:  # type: ignore[type-arg]
    result = doclint("check", "-f", "json", "seeds/")
    assert result.returncode == 1
    return json.loads(result.stdout)


def test_json_follows_the_published_contract(seed_json: dict) -> None:  # type: ignore[type-arg]
    assert seed_json["version"] == 1
    assert seed_json["findings"]
    for f in seed_json["findings"]:
        assert set(f) == LOCATION_KEYS | {"rule", "kind", "severity", "message", "suggestion", "related"}
        assert f["path"].startswith("seeds/") and "\\" not in f["path"]
        assert f["kind"] in KINDS
        assert f["severity"] in {"error", "warning", "info"}
        assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"])
        for r in f["related"]:
            assert set(r) == LOCATION_KEYS
    summary = seed_json["summary"]
    assert summary["findings"] == len(seed_json["findings"]) == summary["error"] + summary["warning"] + summary["info"]
    assert summary["documents"] == 2


def test_json_columns_point_at_the_flagged_characters(seed_json: dict) -> None:  # type: ignore[type-arg]
    lines = (ROOT / "seeds/001_194e1401ce89c555.txt").read_text(encoding="utf-8").split("\n")
    (f,) = [f for f in seed_json["findings"] if f["rule"] == "repeated-word"]
    assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == "考核考核"
    assert f["suggestion"] == "考核"


@pytest.fixture(scope="module")
def seed_sarif() -> dict:  # type: ignore[type-arg]
    return json.loads(doclint("check", "-f", "sarif", "seeds/").stdout)


def test_sarif_has_what_github_code_scanning_needs(seed_sarif: dict) -> None:  # type: ignore[type-arg]
    assert seed_sarif["version"] == "2.1.0"
    (run,) = seed_sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert run["results"]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["partialFingerprints"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def _official_sarif_schema(cache: Path) -> dict:  # type: ignore[type-arg]
    """The OASIS SARIF 2.1.0 schema, as shipped in Microsoft's @microsoft/jest-sarif npm package."""
    target = cache / "sarif-2.1.0-rtm.5.json"
    if not target.exists():
        if shutil.which("npm") is None:
            pytest.skip("npm is not installed, so the official SARIF schema cannot be fetched")
        cache.mkdir(parents=True, exist_ok=True)
        packed = subprocess.run(
            ["npm", "pack", "@microsoft/jest-sarif@1.0.0-beta.0", "--silent"],
            cwd=cache,
            capture_output=True,
            text=True,
            timeout=180,
        )
        if packed.returncode != 0:
            pytest.skip(f"npm could not fetch the SARIF schema package: {packed.stderr.strip()[:200]}")
        with tarfile.open(cache / packed.stdout.strip().splitlines()[-1]) as tar:
            member = tar.extractfile("package/lib/schemas/sarif-2.1.0-rtm.5.json")
            assert member is not None
            target.write_bytes(member.read())
    return json.loads(target.read_text(encoding="utf-8"))


def test_sarif_validates_against_the_sarif_2_1_0_schema(seed_sarif: dict) -> None:  # type: ignore[type-arg]
    schema = _official_sarif_schema(ROOT / ".pytest_cache" / "sarif")
    jsonschema.Draft7Validator(schema).validate(seed_sarif)


def test_github_format_is_one_workflow_command_per_finding(seed_json: dict) -> None:  # type: ignore[type-arg]
    lines = doclint("check", "-f", "github", "seeds/").stdout.splitlines()
    assert len(lines) == len(seed_json["findings"])
    command = re.compile(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$"
    )
    for line in lines:
        assert command.match(line), line


def test_rdjsonl_columns_are_utf8_bytes(seed_json: dict) -> None:  # type: ignore[type-arg]
    lines = doclint("check", "-f", "rdjsonl", "seeds/").stdout.splitlines()
    assert len(lines) == len(seed_json["findings"])
    for line, finding in zip(lines, seed_json["findings"], strict=True):
        diagnostic = json.loads(line)
        start = diagnostic["location"]["range"]["start"]
        assert start["line"] == finding["line"]
        prefix = finding["excerpt"][: finding["column"] - 1]
        assert start["column"] == len(prefix.encode("utf-8")) + 1
        assert diagnostic["severity"] in {"ERROR", "WARNING", "INFO"}


def test_text_format_puts_the_caret_under_the_repeat() -> None:
    out = doclint("check", "--enable", "repeated-word", "seeds/001_194e1401ce89c555.txt").stdout
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "[repeated-word]" in line)
    excerpt, caret = lines[i + 1], lines[i + 2]
    from doclint.document.chars import display_width

    assert display_width(excerpt[: excerpt.index("考核考核")]) == display_width(caret[: caret.index("^")])
    assert caret.count("^") == display_width("考核考核")
    assert "problem" in lines[-1]


def test_report_can_be_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = doclint("check", "-f", "sarif", "-o", str(out), "seeds/")
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("标题\x1b]0;pwned\x07", "标题\\x1b]0;pwned\\x07"),
        ("清屏\x1b[2J", "清屏\\x1b[2J"),
        ("C1\u009b31m", "C1\\x9b31m"),
        ("反转\u202e文字", "反转\\u202e文字"),
        ("制表\t符与全角　空格", "制表\t符与全角　空格"),
        ("健全绩效考核分配制度。", "健全绩效考核分配制度。"),
    ],
)
def test_printable_escapes_what_steers_a_terminal_and_keeps_text(text: str, shown: str) -> None:
    from doclint.report import printable

    assert printable(text) == shown


def test_the_caret_stays_under_the_finding_after_an_escaped_control_character() -> None:
    from doclint.report.text import excerpt_window

    line = "\x1b[1m健全绩效考核考核分配制度。"
    shown, pad, width = excerpt_window(line, line.index("考核考核") + 1, 4)
    from doclint.document.chars import display_width

    assert display_width(shown[: shown.index("考核考核")]) == pad and width == display_width("考核考核")
