"""Kind ``idiom``: an idiom or set phrase written with one wrong character (再接再励, 立杠见影).

No list of misspellings: the segmenter's dictionary holds about 22,000 idioms (tag ``i``)
and 13,000 set phrases (``l``) of four characters or more. A span of the text that is not a
word, differs from one of them in exactly one character, where the two characters sound
alike or look alike (:mod:`doclint.language.similarity`), and whose context becomes much
likelier Chinese with the phrase in it (:mod:`doclint.language.correction`) is reported
with the phrase as the suggestion. The whole text is searched in one vectorised pass
(:mod:`doclint.language.nearmiss`), so the cost is a few tens of milliseconds per million
characters; only the near misses are judged one by one.

jieba's dictionary lists some misspellings as rare words (再接再励, a count of 3): a span
that is a dictionary word counts as a misspelling only when it is that rare
(``variant_frequency``) and the phrase is ``variant_ratio`` times as common.

Severity carries the evidence: ``error`` when the characters share their usual reading or a
distinctive component, the phrase is common (``error_frequency``) and the gain is large
(``error_gain``); ``warning`` with a smaller gain (``warning_gain``) or a less common phrase
(``min_frequency``); ``info`` for the rest above ``min_gain`` — phrases the dictionary
lists without having counted them (a count of 3), characters only near in sound. Rare
phrases have legitimate variants (势有必至 / 事有必至, 声震屋瓦 / 声振屋瓦), so they stay
hints. A form written ``repeated`` times in one document is the author's choice of variant
and is info too. Traditional text is matched through OpenCC and reported in its own script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.checks.corrections import correction
from doclint.document.script import to_simplified
from doclint.language import similarity
from doclint.language.correction import gain, segmented_whole
from doclint.language.lexicon import lexicon
from doclint.language.nearmiss import NearMissIndex
from doclint.language.store import stored

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=4)
def phrase_index(tags: tuple[str, ...]) -> NearMissIndex:
    """The near-miss index of the dictionary's phrases with these tags (built once per install)."""

    def build() -> NearMissIndex:
        return NearMissIndex(w for w in lexicon().words_tagged(*tags) if len(w) >= 4 and _HAN.match(w))

    return stored("phrases_" + "_".join(tags), NearMissIndex, build)


class Idiom(Check):
    name = "idiom"
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "min_frequency": {"type": "integer", "minimum": 0},
            "min_gain": {"type": "number"},
            "warning_gain": {"type": "number"},
            "error_gain": {"type": "number"},
            "error_frequency": {"type": "integer", "minimum": 0},
            "variant_frequency": {"type": "integer", "minimum": 0},
            "variant_ratio": {"type": "number", "minimum": 1},
            "repeated": {"type": "integer", "minimum": 2},
            "allow": {"type": "array", "items": {"type": "string", "minLength": 2}},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.tags = tuple(params.get("tags", ["i", "l"]))
        self.min_frequency = int(params.get("min_frequency", 10))
        self.min_gain = float(params.get("min_gain", 8.0))
        self.warning_gain = float(params.get("warning_gain", 11.0))
        self.error_gain = float(params.get("error_gain", 12.0))
        self.error_frequency = int(params.get("error_frequency", 50))
        self.variant_frequency = int(params.get("variant_frequency", 10))
        self.variant_ratio = float(params.get("variant_ratio", 10.0))
        self.repeated = int(params.get("repeated", 3))
        self.allow = set(params.get("allow", []))

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        simple = to_simplified(doc.logical.text)
        text = simple.text
        best: dict[int, tuple[float, int, int, str, str]] = {}  # wrong position -> (gain, start, end, phrase, level)
        for near in phrase_index(self.tags).find(text):
            judged = self.judge(text, near.start, near.end, near.phrase, near.index)
            if judged is None:
                continue
            score, level = judged
            at = near.start + near.index
            if at not in best or (score, near.end - near.start) > (best[at][0], best[at][2] - best[at][1]):
                best[at] = (score, near.start, near.end, near.phrase, level)
        for _, start, end, phrase, level in sorted(best.values(), key=lambda b: b[1]):
            yield correction(doc, rule, simple, (start, end), phrase, level, self.repeated)

    def judge(self, text: str, start: int, end: int, phrase: str, index: int) -> tuple[float, str] | None:
        """(gain, level) when ``text[start:end]`` reads as a misspelling of ``phrase``, else None."""
        span = text[start:end]
        wrong, right = span[index], phrase[index]
        if not _HAN.match(wrong) or span in self.allow or phrase in self.allow:
            return None
        lex = lexicon()
        listed = lex.frequency.get(span, 0)
        if listed and (listed > self.variant_frequency or lex.frequency[phrase] < self.variant_ratio * listed):
            return None
        alike = similarity.sound_alike(wrong, right) or similarity.look_alike(wrong, right)
        if not alike and not similarity.sound_near(wrong, right):
            return None
        score = gain(text, start, end, phrase, unlisted=bool(listed))
        if score < self.min_gain or not segmented_whole(text, start, end, phrase):
            return None
        frequency = lex.frequency[phrase]
        if alike and score >= self.error_gain and frequency >= self.error_frequency:
            return score, "error"
        if alike and score >= self.warning_gain and frequency >= self.min_frequency:
            return score, "warning"
        return score, "info"
