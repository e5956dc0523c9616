"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from doclint import __version__
from doclint.engine.baseline import fingerprint
from doclint.finding import Finding, Location
from doclint.report import Report, json_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(loc: Location) -> dict[str, object]:
    return {
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
        "snippet": {"text": loc.excerpt},
    }


def _physical(loc: Location) -> dict[str, object]:
    return {"artifactLocation": {"uri": loc.path}, "region": _region(loc)}


def _location(loc: Location) -> dict[str, object]:
    """A physical location; in a Word file (lines are paragraphs) also the part, as a logical one."""
    location: dict[str, object] = {"physicalLocation": _physical(loc)}
    if loc.part is not None:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.where, "kind": "element"}]
    return location


def _result(f: Finding, index: dict[str, int], root: Path | None) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": f.rule,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [_location(f.location)],
        "partialFingerprints": {"doclintFingerprint/v1": fingerprint(f, root)},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    if f.related:
        result["relatedLocations"] = [
            {"id": i, **_location(r), "message": {"text": "related"}} for i, r in enumerate(f.related, 1)
        ]
    if f.suggestion is not None and f.location.part is None:  # a Word file is not patched as text
        result["fixes"] = [
            {
                "description": {"text": f"替换为 / replace with: {f.suggestion}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": f.location.path},
                        "replacements": [
                            {
                                "deletedRegion": {k: v for k, v in _region(f.location).items() if k != "snippet"},
                                "insertedContent": {"text": f.suggestion},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def render(report: Report, out: TextIO) -> None:
    rules = sorted(report.rules.values(), key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    driver = {
        "name": "doclint",
        "version": __version__,
        "informationUri": "https://pypi.org/project/doclint/",
        "rules": [
            {
                "id": r.id,
                "name": r.id,
                "shortDescription": {"text": r.message},
                "fullDescription": {"text": r.description or r.message},
                "defaultConfiguration": {"level": _LEVEL[r.level]},
                "properties": {"kind": r.kind},
            }
            for r in rules
        ],
    }
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index, report.root) for f in report.findings],
            }
        ],
    }
    out.write(json_text(log, indent=2))
    out.write("\n")
