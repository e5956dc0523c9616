"""``doclint diff --format html``: a self-contained side-by-side page for proofreaders.

Both versions are shown paragraph by paragraph, aligned by the words they
share; deleted and changed text is struck through on the left, inserted and
changed text is highlighted on the right. Counts by kind head the page, and
every change is numbered and linked to the next, so a proofreader can walk
from change to change. No scripts, no external files: one page to mail.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from html import escape

from doclint.checks.divergence import Change, Divergence, Text
from doclint.document import Document
from doclint.document.script import quoted_like
from doclint.engine.rule import Rule

_KIND_LABEL = {
    "changed": "改动 changed",
    "inserted": "增加 inserted",
    "deleted": "删除 deleted",
    "replaced": "段落替换 replaced",
    "old-only": "仅旧版 only in old",
    "new-only": "仅新版 only in new",
    "moved": "移动 moved",
}

_STYLE = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif;margin:0;color:#222}
header{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ccc;padding:.5em 1em}
h1{font-size:1.1em;margin:.2em 0}
.counts span{margin-right:1em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td{vertical-align:top;padding:.3em .8em;border-bottom:1px solid #eee;line-height:1.7}
td.old{background:#fffafa}td.new{background:#fafffa}
tr.same td{color:#555}
del{background:#fbb;text-decoration:line-through}
ins{background:#bfb;text-decoration:none}
a.jump{font-size:.7em;vertical-align:super;text-decoration:none;color:#06c;margin:0 .1em}
ol.changes{font-size:.85em;max-height:12em;overflow:auto;margin:.3em 0}
p{margin:.2em 0}
"""


def render_comparison(old_doc: Document, new_doc: Document, rule: Rule) -> str:
    check = rule.check
    assert isinstance(check, Divergence)
    old, new, changes = check.changes(old_doc, new_doc)
    described = [check.describe(old, new, c) for c in changes]
    counts = Counter(kind for kind, _, _ in described)
    old_marks, new_marks, anchors = _marks(old, new, changes)
    rows = _rows(old, new, changes)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>doclint diff: {escape(old_doc.path)} → {escape(new_doc.path)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<header>",
        f"<h1>{escape(old_doc.path)} → {escape(new_doc.path)}</h1>",
        f'<div class="counts" id="summary"><strong>{len(changes)} 处差异 / differences</strong> ',
        "".join(f'<span class="count-{k}">{_KIND_LABEL[k]}: {n}</span>' for k, n in sorted(counts.items())),
        "</div>",
        '<ol class="changes">',
    ]
    for n, (c, (kind, text, _)) in enumerate(zip(changes, described, strict=True), 1):
        start = new_doc.logical.source_span(*new.view_span(c.b0, c.b1))[0]
        old_start = old_doc.logical.source_span(*old.view_span(c.a0, c.a1))[0]
        at = new_doc.location(start, start)  # line:column; in a Word file ¶paragraph:column
        summary = escape(_quoted_as_written(old_doc, old_start, new_doc, start, text.split(" / ")[0]))
        parts.append(f'<li class="{kind}"><a href="#c{n}">{escape(at.where)}:{at.column}</a> {summary}</li>')
    parts += ["</ol></header>", "<table><colgroup><col><col></colgroup>"]
    parts.append(f"<tr><th>旧版本 OLD: {escape(old_doc.path)}</th><th>新版本 NEW: {escape(new_doc.path)}</th></tr>")
    for old_pars, new_pars in rows:
        same = (
            not any(old_marks.get(i) for p in old_pars for i in range(*_par_range(old, p)))
            and not any(new_marks.get(i) for p in new_pars for i in range(*_par_range(new, p)))
            and not any(i in anchors for p in new_pars for i in range(*_par_range(new, p, inclusive=True)))
        )
        parts.append(f'<tr class="{"same" if same else "diff"}">')
        parts.append(
            '<td class="old">' + "".join(_paragraph(old, p, old_marks, {}, len(changes)) for p in old_pars) + "</td>"
        )
        parts.append(
            '<td class="new">'
            + "".join(_paragraph(new, p, new_marks, anchors, len(changes)) for p in new_pars)
            + "</td>"
        )
        parts.append("</tr>")
    parts.append("</table></body></html>\n")
    return "\n".join(parts)


def _marks(old: Text, new: Text, changes: list[Change]) -> tuple[dict[int, str], dict[int, str], dict[int, list[int]]]:
    """View offsets to highlight in each version, and where each change's anchor goes in NEW."""
    old_marks: dict[int, str] = {}
    new_marks: dict[int, str] = {}
    anchors: dict[int, list[int]] = {}
    for n, c in enumerate(changes, 1):
        a0, a1 = (c.moved_from, c.moved_from + (c.b1 - c.b0)) if c.moved_from >= 0 else (c.a0, c.a1)
        for k in range(a0, a1):
            old_marks[old.offset[k]] = "del"
        for k in range(c.b0, c.b1):
            new_marks[new.offset[k]] = "ins"
        anchors.setdefault(new.offset[c.b0], []).append(n)
    return old_marks, new_marks, anchors


def _rows(old: Text, new: Text, changes: list[Change]) -> list[tuple[list[int], list[int]]]:
    """Paragraph rows: old and new paragraphs that share text stand side by side."""
    old_par = _paragraph_index(old)
    new_par = _paragraph_index(new)
    links: list[tuple[int, int]] = []
    for a, b, length in _equal_runs(len(old.text), len(new.text), changes):
        last = None
        for k in range(length):
            pair = (old_par(a + k), new_par(b + k))
            if pair != last:
                links.append(pair)
                last = pair
    rows: list[tuple[list[int], list[int]]] = []
    next_old = next_new = 0
    groups: list[tuple[int, int, int, int]] = []
    for o, n in links:
        if groups and (o <= groups[-1][1] or n <= groups[-1][3]):
            g = groups[-1]
            groups[-1] = (g[0], max(g[1], o), g[2], max(g[3], n))
        else:
            groups.append((o, o, n, n))
    for o0, o1, n0, n1 in groups:
        if o0 < next_old or n0 < next_new:
            continue
        rows.extend(([p], []) for p in range(next_old, o0))
        rows.extend(([], [p]) for p in range(next_new, n0))
        rows.append((list(range(o0, o1 + 1)), list(range(n0, n1 + 1))))
        next_old, next_new = o1 + 1, n1 + 1
    rows.extend(([p], []) for p in range(next_old, len(old.doc.logical.paragraphs)))
    rows.extend(([], [p]) for p in range(next_new, len(new.doc.logical.paragraphs)))
    return rows


def _equal_runs(n_old: int, n_new: int, changes: list[Change]) -> Iterator[tuple[int, int, int]]:
    a = b = 0
    for c in sorted(changes, key=lambda c: (c.b0, c.a0)):
        if c.moved_from >= 0:
            continue
        if c.a0 >= a and c.b0 >= b and c.a0 - a == c.b0 - b and c.a0 > a:
            yield a, b, c.a0 - a
        a, b = max(a, c.a1), max(b, c.b1)
    if n_old - a == n_new - b and n_old > a:
        yield a, b, n_old - a


def _paragraph_index(text: Text):  # type: ignore[no-untyped-def]
    starts = [p.start for p in text.doc.logical.paragraphs]
    return lambda k: bisect_right(starts, text.offset[k]) - 1


def _par_range(text: Text, index: int, inclusive: bool = False) -> tuple[int, int]:
    par = text.doc.logical.paragraphs[index]
    return par.start, par.end + (1 if inclusive else 0)


def _paragraph(text: Text, index: int, marks: dict[int, str], anchors: dict[int, list[int]], total: int) -> str:
    doc = text.doc
    view = doc.logical
    par = view.paragraphs[index]
    out: list[str] = []
    open_tag = ""
    for i in range(par.start, par.end + 1):
        if i in anchors:
            if open_tag:
                out.append(f"</{open_tag}>")
                open_tag = ""
            for n in anchors[i]:
                following = f"#c{n + 1}" if n < total else "#summary"
                out.append(f'<a class="jump" id="c{n}" href="{following}" title="下一处 next">{n}</a>')
        if i == par.end:
            break
        tag = marks.get(i, "")
        if tag != open_tag:
            if open_tag:
                out.append(f"</{open_tag}>")
            if tag:
                out.append(f"<{tag}>")
            open_tag = tag
        out.append(escape(_as_written(doc, i)))
    if open_tag:
        out.append(f"</{open_tag}>")
    return f"<p>{''.join(out)}</p>"


def _quoted_as_written(old: Document, old_at: int, new: Document, new_at: int, summary: str) -> str:
    """A change's summary (“头发” → “胡须”) with its quotations as the two versions write them
    (found in the text around the change in each)."""
    if not (old.converted or new.converted):
        return summary
    (old_read, old_written), (new_read, new_written) = old.around(old_at, old_at), new.around(new_at, new_at)
    return quoted_like(old_read + "\n" + new_read, old_written + "\n" + new_written, summary)


def _as_written(doc: Document, i: int) -> str:
    """The character at view offset ``i`` as the file writes it (a Traditional text is read in Simplified)."""
    view = doc.logical
    ch = view.text[i]
    if doc.converted and ch == doc.text[view.origin[i]]:
        return doc.source[view.origin[i]]
    return ch
