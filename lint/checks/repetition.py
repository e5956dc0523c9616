"""Kind ``repetition``: a word typed twice in a row (考核考核, 的的, 路由器器).

Finding a repeat is easy; telling a slip from correct Chinese is the work, and most
doubled characters in published text are right. The check decides from the grammar of
reduplication, reading each candidate through the segmenter (words, their parts of
speech) and the document profile (is this quoted speech):

1. **Alignment.** Where do the two copies sit among the words? A repeat whose middle
   falls inside a word (检查巡查: 检查|巡查) or whose copies straddle two words
   (学院|院长, 为了|了解) is no repeat at all. A doubled pair inside one dictionary
   word (常常, 妈妈, 的的确确) is a word.
2. **A copy bound into another word.** When one copy is the tail of the word before
   (绩效考核|考核) or the head of the word after (发明|发明者), the doubling cannot be
   reduplication: a slip.
3. **A lone single character after a word ending in it.** 路由器|器, 还有|有: the lone copy
   repeats the word's head — same part of speech, or a morpheme that cannot stand alone
   (们, 馆), or a measure word with no numeral before it (再次|次, 大家|家; but 一个|个 is the
   distributive 一AA). A lone character of another role is a word of its own (现在|在这里,
   先生|生了气). 的 after a word ending in 的 is right only after a noun (目的|的).
4. **Whole words doubled.** Nouns and resultative verbs do not reduplicate (浏览器浏览器,
   获得获得); other verbs (研究研究: try doing), adjectives and degree phrases (雪白雪白,
   很多很多), numerals, pronouns, sounds and interjections do. Forms are correct: V着V着,
   一X一X and 整X整X, 不A不A, anything ending in a modal particle (好的好的). Inside quoted
   speech a doubled noun may be a call or a vocative, so it stays silent there.
5. **Function characters** (``function_chars``) never reduplicate: doubled as words of their
   own (和|和, 的|的) they are slips — except a run of three or more in speech (是是是).

Severity carries confidence: the slips above are errors; a doubled phrase of several words
outside speech is a warning; everything else is silent. Runs on the logical view, so a
repeat across a hard line wrap (考核 / 考核) or with spaces between the copies is found too;
copies separated by spaces in a line without sentence punctuation (a headline's parts) are
not a repeat.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.document.chars import CJK_CLASS
from doclint.language.lexicon import lexicon, suffix_share
from doclint.language.segment import Token, tokens
from doclint.language.segment import words as segment_words
from doclint.profile.speech import speech_spans

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding
    from doclint.profile import Profile

_NUMERALS = "零〇一二两三四五六七八九十百千万亿几0123456789"
_MIRROR = 3  # words each side compared for a mirrored figure
_FIGURE_REACH = 30  # characters each side in which a figure of repetition is counted
_MANY = _NUMERALS.replace("一", "")  # numerals after which a measure word does not double


@dataclass
class _Words:
    """The words of one paragraph, segmented once and looked up by offset."""

    tokens: list[Token]
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> _Words:
        found = tokens(text)
        return cls(found, [t.start for t in found])

    def index(self, token: Token) -> int:
        return bisect_right(self.starts, token.start) - 1

    def at(self, offset: int) -> Token:
        return self.tokens[bisect_right(self.starts, offset) - 1]

    def before(self, token: Token) -> Token | None:
        i = bisect_right(self.starts, token.start) - 2
        return self.tokens[i] if i >= 0 else None

    def after(self, token: Token) -> Token | None:
        """The next word, skipping spaces."""
        i = bisect_right(self.starts, token.start)
        while i < len(self.tokens) and not self.tokens[i].word.strip():
            i += 1
        return self.tokens[i] if i < len(self.tokens) else None


class Repetition(Check):
    name = "repetition"
    _LISTS = ("function_chars", "particles", "distributive", "degree", "resultative", "predicative")
    _TAGS = ("noun_tags", "bound_tags", "measure_tags", "sound_tags")
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "max_chars": {"type": "integer", "minimum": 1, "maximum": 20},
            **{key: {"type": "string"} for key in _LISTS},
            **{key: {"type": "array", "items": {"type": "string"}} for key in _TAGS},
            "allow": {"type": "array", "items": {"type": "string", "minLength": 1}},
            "alternative_margin": {"type": "number", "minimum": 0},
            "trying": {"type": "string"},
            "suffix_share": {"type": "number", "minimum": 0, "maximum": 1},
            "figure": {"type": "integer", "minimum": 2},
            "informal_rate": {"type": "number", "minimum": 0},
            "register_chars": {"type": "integer", "minimum": 0},
            "function_tags": {"type": "string"},
            "grammatical_tags": {"type": "string"},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        max_chars = params.get("max_chars", 8)
        for key in self._LISTS:
            setattr(self, key, set(params.get(key, "")))
        for key in self._TAGS:
            setattr(self, key, set(params.get(key, [])))
        self.allow = set(params.get("allow", []))
        self.margin = params.get("alternative_margin", 2.5)
        self.trying = re.compile(params.get("trying", "(?!)"))
        self.suffix_share = params.get("suffix_share", 0.7)
        self.figure = params.get("figure", 3)
        self.informal_rate = params.get("informal_rate", 5.0)
        self.register_chars = params.get("register_chars", 1000)
        self.function_tags = set(params.get("function_tags", ""))
        self.grammatical = set(params.get("grammatical_tags", ""))
        self.regex = re.compile(rf"([{CJK_CLASS}]{{1,{max_chars}}})([ \u3000]*)\1")

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        informal = None
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            words: _Words | None = None
            pos = 0
            while (m := self.regex.search(text, pos)) is not None:
                words = words or _Words.of(text)
                if informal is None:
                    informal = doc.profile.informal(self.informal_rate, self.register_chars)
                level = self.judge(text, words, m, doc.profile, informal)
                if level is None:
                    pos = m.start() + 1
                    continue
                unit = m.group(1)
                yield rule.finding(
                    doc.view_location(par.start + m.start(), par.start + m.end()),
                    suggestion=unit,
                    level=None if level == "error" else level,
                    word=unit,
                )
                pos = m.end()

    def judge(self, text: str, words: _Words, m: re.Match[str], document: Profile, informal: bool) -> str | None:
        """'error', 'warning', or None (correct Chinese) for the repeat matched by ``m`` in paragraph ``text``."""
        unit, gap = m.group(1), m.group(2)
        if unit in self.allow:
            return None
        if gap and not re.search("[，。；！？,;?!]", text[: m.start()]):
            return None  # spaces separate a headline's parts or a table's cells: 袭击以色列 以色列称……
        near = text[max(0, m.start() - _FIGURE_REACH) : m.end() + _FIGURE_REACH]
        if near.count(unit * 2) >= self.figure:
            return None  # a figure of repetition: 一一色，一一声，一一香……
        s, n = m.start(), len(unit)
        first, second = s, m.end() - n  # where each copy starts
        speech = informal and any(a <= s < b for a, b in speech_spans(text))  # formal quotes cite, not speak
        t1, t2 = words.at(first + n - 1), words.at(second)  # the words holding copy 1's end, copy 2's start
        if t1 is t2:
            previous = words.before(t1)
            if n == 1 and t1.word == unit * 2 and self._measure(unit) and self._counted(previous):
                return "error"  # 3个个: measure words double only after 一 (一个个)
            return None  # one word holds both copies (常常, 的的确确), or the middle is inside a word
        if t2.start != second:
            return None
        if n == 1:
            return self._single(text, words, s, t1, t2, speech, informal, document)
        w1, w2 = words.at(first), words.at(second + n - 1)
        if w1.start != first and w1.end != first + n:
            return None  # copy 1 starts inside a word that runs past it: a straddle
        if w2.end != second + n and w2.start != second:
            return None  # copy 2 ends inside a word that starts before it (主席|同志 of 主席同)
        if self._form(unit):
            return None
        lex = lexicon()
        tail, head = text[w1.start : first], text[second + n : w2.end]  # what binds each copy into a word
        if tail and head:  # 俄罗斯|罗斯托夫: a slip only if one copy less leaves one word (中华人民共和国)
            return "error" if lex.is_word(tail + unit + head) else None
        if tail or (head and not (len(head) >= 2 and lex.is_word(head))):
            return "error"  # a copy bound into another word: 绩效考核|考核, 发明|发明者
        if head:
            return None  # 参考|参考资料, 振作振作|精神: the second copy begins a compound of whole words
        if _chiasmus(words, w1, w2):
            return None  # 城市中的建筑|建筑中的城市: a mirrored figure
        return self._words(unit, w1, words.before(w1), words.after(w2), speech, informal)

    def _form(self, unit: str) -> bool:
        """Repeated forms that are correct by their shape."""
        return (
            len(set(unit)) == 1  # 哈哈哈哈
            or unit[-1] in self.particles  # 走着走着, 好的好的
            or unit[0] in self.distributive | self.degree  # 一个村一个村, 很多很多
            or unit[0] == "不"  # 不迟不迟
        )

    def _words(
        self, unit: str, word: Token, before: Token | None, after: Token | None, speech: bool, informal: bool
    ) -> str | None:
        """Two copies of a unit of whole words; ``word`` is the first word of the first copy."""
        if word.word != unit:  # a phrase of several words
            if word.end - word.start == 1 and all(len(w) == 1 for w in segment_words(unit)):
                return None  # single characters the dictionary cannot join: a sound, a name (黑紫黑紫)
            return None if speech else "warning"
        if speech or (after and self.trying.match(after.word)):
            return None  # a call or an answer in speech (有理有理); try-doing (指点指点呢)
        if len(unit) >= 3 and word.pos not in self.sound_tags:
            return "error"  # reduplication is of one or two syllables: 浏览器浏览器 is a slip
        if word.pos[:1] in self.function_tags:
            return "error"  # conjunctions, prepositions, particles: 或者或者
        nominal = self._nominal(unit)
        verbal = word.pos[:1] == "v" or (word.pos == "j" and not nominal)
        if verbal and before and after and before.pos in self.noun_tags and after.pos in self.noun_tags:
            return None  # 外部存储|存储备份文件: a noun phrase, then the word as a verb with its object
        if word.pos in self.noun_tags and (not informal or nominal):
            return "error"  # nouns do not reduplicate: 脚本脚本, 决议决议
        if word.pos.startswith("v") and unit[-1] in self.resultative:
            return "error"  # nor do resultative verbs: 获得获得
        if informal or word.pos in self.sound_tags or word.pos.startswith("r"):
            return None  # 研究研究, 雪白雪白, 哗啦哗啦; pro-forms for unsaid content: 怎样怎样
        return "warning"  # in formal prose a doubled verb or adjective is more likely a slip

    def _single(
        self,
        text: str,
        words: _Words,
        s: int,
        t1: Token,
        t2: Token,
        speech: bool,
        informal: bool,
        document: Profile,
    ) -> str | None:
        """One character written twice at ``s``; ``t1`` holds the first copy, ``t2`` the second."""
        char = text[s]
        run = (s > 0 and text[s - 1] == char) or text[s + 2 : s + 3] == char
        lone1, lone2 = t1.word == char, t2.word == char
        if lone1 and not lone2 and char == "一" and t2.pos.startswith("m"):
            return "error"  # 一|一张: a numeral before a numeral phrase
        if char in _NUMERALS:
            return None  # 十五|五, 一九五五: numbers
        lex = lexicon()
        if text[s + 2 : s + 3] and text[s + 2] in "地的着" and lex.pos.get(char, "")[:1] in "azv":
            return None  # 慵懒懒地, 红红的, 爬爬着: the AA form of an adjective or a verb
        previous, after = words.before(t1), words.after(t2)
        if lone1 and lone2 and previous and lex.is_word(previous.word + char):
            t1, lone1 = Token(previous.word + char, previous.start, t1.end, lex.pos[previous.word + char]), False
        if _aabb(text, s, t1):
            return None  # 往往还还, 伏伏帖帖: AABB of a word (往还, 伏帖)
        if lone1 and lone2:
            if lex.is_word(char * 2):
                return None  # the pair is a word the segmenter did not prefer (得得, a sound), or AABB (往往还还)
            if self._document_word(char + after.word if after else "", document):
                return None  # 和|和鸾: the document names 和鸾 elsewhere
            if char in self.function_chars and not (run and speech):
                if informal and lex.pos.get(char, "").startswith("d"):
                    return None  # 将将 'just barely': speech-like writing doubles adverbs in dialect
                return "error"  # 和|和, 的|的
            if self._measure(char) and self._counted(previous):
                return "error"  # 3个个
            return None
        if not lone2:
            return None  # A|AY (有|有效), or two words that merely touch (学院|院长)
        # X…A | A: does the lone copy repeat the head of the word before it?
        if len(t1.word) == 2 and t1.word[0] in self.distributive:
            return None  # 一艘|艘, 一个|个: the distributive 一AA
        if lex.is_word(char * 2):
            reading = lex.log_probability(t1.word[:-1]) + lex.log_probability(char * 2)
            if reading >= lex.log_probability(t1.word) + lex.log_probability(char) - self.margin:
                return None  # 眼|看看 reads almost as well as 眼看|看
        if char == "的":
            return None if t1.pos in self.noun_tags else "error"  # 目的|的, but 黑黑的|的
        if (
            after
            and len(after.word) == 1
            and _cjk(after.word)
            and after.word not in self.function_chars
            and after.pos[:1] not in self.grammatical
        ):
            return None  # 客机|机|龄: the lone copy may begin a word the dictionary lacks (机龄)
        if after and self._document_word(char + after.word[0], document):
            return None  # the document uses the pair elsewhere: a name or term of its own
        if t2.pos in self.bound_tags:
            return "error"  # 我们|们, 博物馆|馆: a morpheme that cannot stand alone
        if self._measure(char):
            return None if after and after.pos in self.noun_tags else "error"  # 再次|次出发; 在座|座座军营
        if t2.pos in self.noun_tags:
            return "error" if suffix_share(char) >= self.suffix_share and not run else None  # 路由器|器, not 主席|席
        if t1.pos == t2.pos and not run and lex.pos.get(t1.word[:-1], "").startswith("d"):
            return "error"  # 还有|有: the verb after its adverb again (but 有可能|能 'may be able to')
        return None  # 现在|在这里, 先生|生了气: the lone copy is a word of its own

    def _document_word(self, pair: str, document: Profile) -> bool:
        """A pair of characters the dictionary lacks but the document writes as a unit elsewhere
        (the name 和鸾, the term 机龄): the lone copy before it belongs to it."""
        if len(pair) != 2 or not _cjk(pair) or lexicon().is_word(pair):
            return False
        counts = document.ngrams
        return counts.count(pair) > 2 * counts.count(pair[0] + pair)

    def _counted(self, previous: Token | None) -> bool:
        """Whether a numeral other than 一 comes right before (3个个, 两条条)."""
        return previous is not None and previous.pos.startswith("m") and previous.word[-1] in _MANY

    def _measure(self, char: str) -> bool:
        return lexicon().pos.get(char, "") in self.measure_tags

    def _nominal(self, word: str) -> bool:
        """Whether none of a word's characters is verbal or adjectival: 脚本 is a noun through and
        through, while 商议, which the dictionary also tags as a noun, reads as a verb."""
        tags = lexicon().pos
        return not any(tags.get(ch, "")[:1] in self.predicative for ch in word)


def _chiasmus(words: _Words, first: Token, second: Token) -> bool:
    """Whether the words around a doubled word mirror each other (城市中的 建筑|建筑 中的城市)."""
    i, j = words.index(first), words.index(second)
    before = [t.word for t in words.tokens[max(0, i - _MIRROR) : i]]
    after = [t.word for t in words.tokens[j + 1 : j + 1 + _MIRROR]]
    return any(
        sorted(before[-k:]) == sorted(after[:k]) and any(len(w) > 1 for w in after[:k])
        for k in range(2, min(len(before), len(after)) + 1)
    )


def _aabb(text: str, s: int, first: Token) -> bool:
    """Whether the pair at ``s`` is half of an AABB form (往往还还, 伏伏帖帖). Not when the pair
    before lies inside the first copy's word: 黑黑的|的 is a slip after the word 黑黑的."""
    before = s >= 2 and text[s - 2] == text[s - 1] and first.start > s - 2
    after = text[s + 2 : s + 3] != "" and text[s + 2 : s + 3] == text[s + 3 : s + 4]
    return before or after


def _cjk(text: str) -> bool:
    return bool(re.fullmatch(f"[{CJK_CLASS}]+", text))
