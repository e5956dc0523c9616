"""Plant known errors into clean text, to measure recall on text we did not write.

Each planter takes a clean document and a random generator and returns the
damaged text with the 1-based line of every planted error. The choice of
where to plant uses only plain regexes and jieba's segmentation, never
doclint's own decision logic, so the measurement is not circular.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import rjieba

from doclint.document.numerals import NUMERAL_CHARS, parse_chinese

_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")


@dataclass(frozen=True)
class Planted:
    text: str
    lines: list[int]  # 1-based line of each planted error
    what: list[str]
    also: list[int] = field(default_factory=list)  # lines where the same damage shows a second time


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def plant_repeated_words(text: str, rng: random.Random, count: int, min_len: int = 2) -> Planted:
    """Double ``count`` random words (jieba words of at least ``min_len`` CJK characters)."""
    spans = []
    offset = 0
    for word in rjieba.cut(text, hmm=False):
        if len(word) >= min_len and _CJK_WORD.match(word):
            spans.append((offset, word))
        offset += len(word)
    chosen = sorted(rng.sample(spans, min(count, len(spans))))
    out, lines, what, last = [], [], [], 0
    for start, word in chosen:
        if start < last:
            continue
        out.append(text[last : start + len(word)])
        out.append(word)
        lines.append(_line_of(text, start))
        what.append(word)
        last = start + len(word)
    out.append(text[last:])
    return Planted("".join(out), lines, what)


def plant_doubled_function_chars(text: str, rng: random.Random, count: int, chars: str = "的在被和是") -> Planted:
    """Double ``count`` single-character function words that jieba segments as words of their own."""
    spans = []
    offset = 0
    for word in rjieba.cut(text, hmm=False):
        if len(word) == 1 and word in chars:
            spans.append(offset)
        offset += len(word)
    chosen = sorted(rng.sample(spans, min(count, len(spans))))
    out, lines, what, last = [], [], [], 0
    for start in chosen:
        out.append(text[last : start + 1])
        out.append(text[start])
        lines.append(_line_of(text, start))
        what.append(text[start])
        last = start + 1
    out.append(text[last:])
    return Planted("".join(out), lines, what)


_ITEM = re.compile(rf"^(?P<lead>(?:#+ )?)(?P<open>第|（)(?P<num>[{NUMERAL_CHARS}]+)(?P<close>条 |）)", re.M)


def numbered_items(text: str) -> list[tuple[re.Match[str], int]]:
    """Line-initial 第X条 and （X） items with their values."""
    items = []
    for m in _ITEM.finditer(text):
        value = parse_chinese(m.group("num"))
        if value:
            items.append((m, value))
    return items


def _successors(text: str) -> list[tuple[re.Match[str], re.Match[str]]]:
    """Pairs of an item and the next item of the same style numbered one more."""
    items = numbered_items(text)
    pairs = []
    for i, (m, value) in enumerate(items):
        for n, v in items[i + 1 :]:
            if n.group("open") == m.group("open"):
                if v == value + 1:
                    pairs.append((m, n))
                break
    return pairs


def plant_numbering(text: str, rng: random.Random, kind: str) -> Planted | None:
    """One gap (an item's paragraph deleted), repeat (a number written twice) or swap (two numbers exchanged)."""
    pairs = _successors(text)
    if not pairs:
        return None
    m, n = rng.choice(pairs)
    if kind == "gap":  # delete item m's paragraph: n now follows m's predecessor
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end + 1
        new = text[: m.start()] + text[end:]
        return Planted(new, [_line_of(new, n.start() - (end - m.start()))], [m.group(0)])
    if kind == "repeat":  # n gets m's number; the item after n now follows a gap
        new = text[: n.start("num")] + m.group("num") + text[n.end("num") :]
        after = [o for o, _ in numbered_items(text) if o.start() > n.start() and o.group("open") == n.group("open")]
        return Planted(new, [_line_of(new, n.start())], [n.group(0)], [_line_of(new, a.start()) for a in after[:1]])
    if kind == "swap":  # m and n exchange numbers: a gap at m, disorder at n
        new = "".join(
            (
                text[: m.start("num")],
                n.group("num"),
                text[m.end("num") : n.start("num")],
                m.group("num"),
                text[n.end("num") :],
            )
        )
        return Planted(new, [_line_of(new, m.start())], [m.group(0), n.group(0)], [_line_of(new, n.start())])
    raise ValueError(kind)


def plant_breaks(text: str, rng: random.Random, count: int) -> Planted:
    """Tear ``count`` sentences with a blank line between two Chinese characters mid-sentence.

    Only lines that are running prose (ending in 。 and at least 30 characters) are torn, at a
    point at least 6 characters from either end of the line, as a column break would.
    """
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if len(line) >= 30 and line.rstrip().endswith("。")]
    chosen = sorted(rng.sample(candidates, min(count, len(candidates))))
    out: list[str] = []
    planted_lines: list[int] = []
    what: list[str] = []
    for i, line in enumerate(lines):
        if i in chosen:
            cuts = [
                k
                for k in range(6, len(line) - 6)
                if "\u4e00" <= line[k - 1] <= "\u9fff" and "\u4e00" <= line[k] <= "\u9fff"
            ]
            if cuts:
                k = rng.choice(cuts)
                planted_lines.append(len(out) + 1)
                what.append(line[k - 3 : k + 3])
                out.extend([line[:k], "", line[k:]])
                continue
        out.append(line)
    return Planted("\n".join(out), planted_lines, what)


def plant_pasted_sentences(text: str, rng: random.Random, count: int) -> Planted:
    """Paste ``count`` sentences (at least 20 characters, from prose lines) again as a paragraph of
    their own, a few paragraphs further on, as a careless paste would."""
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if len(line) >= 40 and line.rstrip().endswith("。")]
    chosen = rng.sample(prose, min(count, len(prose)))
    inserts: dict[int, str] = {}
    for i in chosen:
        sentences = [s + "。" for s in lines[i].strip().split("。") if len(s) >= 20]
        if sentences:
            inserts[min(len(lines), i + rng.randrange(4, 40))] = rng.choice(sentences)
    out: list[str] = []
    planted: list[int] = []
    what: list[str] = []
    for i, line in enumerate(lines):
        if i in inserts:
            out.extend([inserts[i], ""])
            planted.append(len(out) - 1)
            what.append(inserts[i])
        out.append(line)
    return Planted("\n".join(out), planted, what)


_SENTENCE = re.compile(r"[^。！？\n]{18,}[。！？]")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_LEAD = re.compile(
    r"^[\s　]*(?:#+\s*)?(?:第[^条\s]{1,10}条(?:之[一二三四五六七八九十]+)?|[（(][一二三四五六七八九十\d]+[）)])?[\s　]*"
)


def plant_appended_sentence(text: str, rng: random.Random, changed: bool) -> Planted | None:
    """Append one sentence of 18+ characters, taken from anywhere in the text, to the end of a
    random paragraph of prose (a line ending in a sentence mark) — exactly, or with one Chinese
    character replaced by another (a slip made while pasting or afterwards). The planted error
    is the appended copy's line."""
    stripped = (_LEAD.sub("", m.group()).strip() for m in _SENTENCE.finditer(text))
    sentences = [s for s in stripped if len(s) >= 18]
    lines = text.split("\n")
    targets = [i for i, line in enumerate(lines) if len(line.strip()) >= 10 and line.rstrip()[-1:] in "。！？”"]
    if not sentences or not targets:
        return None
    sentence = rng.choice(sentences)
    if changed:
        spots = [m.start() for m in _CJK_CHAR.finditer(sentence)]
        k = rng.choice(spots)
        sentence = sentence[:k] + chr(rng.randrange(0x4E00, 0x9FA5)) + sentence[k + 1 :]
    i = rng.choice(targets)
    lines[i] = lines[i].rstrip() + sentence
    return Planted("\n".join(lines), [i + 1], [sentence])
