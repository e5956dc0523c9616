"""The same real text as editors send it: does doclint give the same findings in every form?

    python -m bench.inputs [--folders news,web] [--jobs 2]

Every file of ../shared/corpus that is one paragraph per line (all folders but gov, whose
statutes keep their own layout) is written three more ways into a temporary folder:

* ``gbk``: encoded as GBK (files with characters GBK lacks are left out);
* ``big5``: converted to Traditional script with OpenCC ``s2tw`` (character for character) and
  encoded as Big5-HKSCS (files with characters it lacks are left out);
* ``docx``: a Word file with one paragraph per line, written with python-docx.

``doclint check -f json --no-cache`` runs on the originals and on each form as whole processes,
and the findings (every level) are compared on rule, severity, line and column (a Word file's
paragraph is the line). A finding of the original that a form lacks, or one only the form has,
is a difference; the table gives both counts and the share of the original's findings that the
form reproduces. Traditional script is read through OpenCC ``tw2s``, which does not undo every
``s2tw`` choice (it writes 脊揹 for 脊背, 伕役 for 夫役), so the few findings only the Big5 form
has are on characters the conversion put there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FOLDERS = ("news", "literature", "web", "academic", "reports")
FORMS = ("gbk", "big5", "docx")

Key = tuple[str, str, str, int, int]  # file stem, rule, severity, line, column


def write_forms(files: list[Path], out: Path) -> dict[str, list[str]]:
    """Each form of each file under out/<form>/; the stems left out of each form, and why."""
    import docx
    import opencc

    taiwan = opencc.OpenCC("s2tw")
    skipped: dict[str, list[str]] = {form: [] for form in FORMS}
    for form in FORMS:
        (out / form).mkdir(parents=True)
    for path in files:
        text = path.read_text("utf-8")
        try:
            (out / "gbk" / path.name).write_bytes(text.encode("gbk"))
        except UnicodeEncodeError:
            skipped["gbk"].append(path.stem)
        traditional = taiwan.convert(text)
        try:
            if len(traditional) != len(text):
                raise ValueError("s2tw changed the length")
            (out / "big5" / path.name).write_bytes(traditional.encode("big5hkscs"))
        except (UnicodeEncodeError, ValueError):
            skipped["big5"].append(path.stem)
        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        document.save(str(out / "docx" / f"{path.stem}.docx"))
    return skipped


def findings(folder: Path, jobs: int) -> Counter[Key]:
    """The findings doclint reports on the files of ``folder``, as comparable keys."""
    command = [sys.executable, "-m", "doclint", "check", "-f", "json", "--no-cache", "--fail-level", "never"]
    result = subprocess.run([*command, "--jobs", str(jobs), str(folder)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"doclint failed on {folder}: {result.stderr.strip()}")
    return Counter(
        (Path(f["path"]).stem, f["rule"], f["severity"], f["line"], f["column"])
        for f in json.loads(result.stdout)["findings"]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folders", default=",".join(FOLDERS))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(
        "| folder | files | form | files compared | original's findings | reproduced | only in the original "
        "| only in the form |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    totals: dict[str, Counter[str]] = {form: Counter() for form in FORMS}
    for name in args.folders.split(","):
        files = sorted(p for p in (CORPUS / name).glob("*.txt"))
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            original_folder = out / "original"
            original_folder.mkdir()
            for path in files:
                (original_folder / path.name).write_bytes(path.read_bytes())
            skipped = write_forms(files, out)
            original = findings(original_folder, args.jobs)
            for form in FORMS:
                kept = {p.stem for p in files} - set(skipped[form])
                base = Counter({k: n for k, n in original.items() if k[0] in kept})
                got = findings(out / form, args.jobs)
                same = sum((base & got).values())
                total = sum(base.values())
                lost, extra = sum((base - got).values()), sum((got - base).values())
                share = same / total if total else 1.0
                totals[form].update(total=total, same=same, lost=lost, extra=extra)
                print(
                    f"| {name} | {len(files)} | {form} | {len(kept)} | {total} | {same} ({share:.1%}) "
                    f"| {lost} | {extra} |"
                )
    for form in FORMS:
        t = totals[form]
        share = t["same"] / t["total"] if t["total"] else 1.0
        print(f"| all | | {form} | | {t['total']} | {t['same']} ({share:.1%}) | {t['lost']} | {t['extra']} |")


if __name__ == "__main__":
    main()
