"""Kind ``nonword``: a word broken by one wrong character (正档 for 正当, 律帅 for 律师).

A word written with a wrong character usually stops being a word: the segmenter falls back
to single characters (正|档). So the candidates are runs of single-character words; in each,
every span of two or three characters is tried with each character replaced by one that
sounds alike (same usual reading) or looks alike (:mod:`doclint.language.similarity`). A
replacement that makes a common dictionary word (``min_frequency``), that the segmenter
takes whole, and that makes the context much likelier (``min_gain``, natural log) is
reported, the best one per span.

A lookup table keyed by the word with one character masked (正_ → 当, 确, 常 …) keeps the
work per candidate to a few dictionary look-ups; it is built on first use.

Severity: ``warning`` when the gain is large (``warning_gain``), the two characters share
their usual reading or a distinctive component, the written character is one of the 3,755
commonest (GB 2312 level 1: an input method offers those first, so slips are made of them;
a rare character — 粳, 骁, 吡 — is written on purpose), and the span is written only once in the
document (``repeated``: a slip is seldom made twice the same way; a name or a term the
dictionary lacks — 抗疫, a person's name — recurs); ``info`` for the rest. Unigram
frequencies cannot tell a rare name or a quoted dialect word from a slip, so nothing here is
an error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.checks.corrections import correction
from doclint.document.script import to_simplified
from doclint.language import similarity
from doclint.language.correction import gain, segmented_whole
from doclint.language.lexicon import lexicon
from doclint.language.segment import words

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

_HAN = re.compile(r"[\u4e00-\u9fff]")
# The span is a run of single-character words, so log P(word) - Σ log P(character) is its gain
# without context; the context (a longer word taking the correction in) adds at most about this.
_CONTEXT_BONUS = 3.0
_SEPARATOR = "\x00"
# Two or more single Chinese characters in a row, each a word of its own, in words joined by _SEPARATOR.
_SINGLE_RUN = re.compile(r"(?:(?<=\x00)|^)[\u4e00-\u9fff](?:\x00[\u4e00-\u9fff])+(?=\x00|$)")


@lru_cache(maxsize=4)
def masked_words(min_frequency: int, lengths: tuple[int, ...]) -> dict[tuple[str, int], dict[str, str]]:
    """(word with position k masked, k) -> {character at k: word}, for common words of the given lengths."""
    table: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    for word, count in lexicon().frequency.items():
        if count >= min_frequency and len(word) in lengths and all(_HAN.match(c) for c in word):
            for k in range(len(word)):
                table[(word[:k] + word[k + 1 :], k)][word[k]] = word
    return dict(table)


@lru_cache(maxsize=65536)
def _alikes(char: str) -> frozenset[str]:
    return similarity.sound_alikes(char) | similarity.shape_alikes(char)


class NonWord(Check):
    name = "nonword"
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "min_frequency": {"type": "integer", "minimum": 1},
            "min_gain": {"type": "number"},
            "warning_gain": {"type": "number"},
            "repeated": {"type": "integer", "minimum": 2},
            "lengths": {"type": "array", "items": {"type": "integer", "minimum": 2, "maximum": 4}, "minItems": 1},
            "keep": {"type": "string"},
            "allow": {"type": "array", "items": {"type": "string", "minLength": 2}},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.min_frequency = int(params.get("min_frequency", 50))
        self.min_gain = float(params.get("min_gain", 8.0))
        self.warning_gain = float(params.get("warning_gain", 12.0))
        self.repeated = int(params.get("repeated", 2))
        self.lengths = tuple(sorted(set(params.get("lengths", [2, 3]))))
        self.keep = set(params.get("keep", ""))
        self.allow = set(params.get("allow", []))

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        simple = to_simplified(doc.logical.text)
        for start, end, word, level in self.candidates(simple.text):
            yield correction(doc, rule, simple, (start, end), word, level, self.repeated)

    def candidates(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """(start, end, word, level) for each span of single characters best read as a misspelt word."""
        joined = _SEPARATOR.join(words(text))  # runs are found by a regex over the words, not a Python loop
        separators = 0
        previous = 0
        for m in _SINGLE_RUN.finditer(joined):
            separators += joined.count(_SEPARATOR, previous, m.start())
            previous = m.start()
            lo = m.start() - separators
            yield from self._judge_run(text, lo, lo + (m.end() - m.start() + 1) // 2)

    def _judge_run(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int, str, str]]:
        table = masked_words(self.min_frequency, self.lengths)
        lex = lexicon()
        best: dict[tuple[int, int], tuple[float, str]] = {}
        for length in self.lengths:
            for start in range(lo, hi - length + 1):
                span = text[start : start + length]
                if span in self.allow:
                    continue
                written = None
                for k, wrong in enumerate(span):
                    if wrong in self.keep:
                        continue
                    entry = table.get((span[:k] + span[k + 1 :], k))
                    if not entry:
                        continue
                    alike = _alikes(wrong)
                    rights = (
                        [c for c in entry if c in alike]
                        if len(entry) < len(alike)
                        else [c for c in alike if c in entry]
                    )
                    if rights and written is None:
                        written = sum(map(lex.log_probability, span))
                    for right in rights:
                        word, key = entry[right], (start, start + length)
                        if lex.log_probability(word) - written < self.min_gain - _CONTEXT_BONUS:
                            continue  # cannot reach min_gain even if the context helped
                        score = gain(text, start, start + length, word)
                        better = score >= self.min_gain and (key not in best or score > best[key][0])
                        if better and segmented_whole(text, start, start + length, word):
                            best[key] = (score, word)
        taken: set[int] = set()
        for (start, end), (score, word) in sorted(best.items(), key=lambda item: -item[1][0]):
            if taken & set(range(start, end)):
                continue
            taken |= set(range(start, end))
            wrong, right = next((a, b) for a, b in zip(text[start:end], word, strict=True) if a != b)
            alike = similarity.sound_alike(wrong, right) or similarity.look_alike(wrong, right)
            strong = alike and wrong in similarity.first_level_characters()
            yield start, end, word, "warning" if strong and score >= self.warning_gain else "info"
