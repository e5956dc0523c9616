"""Property test: every built-in rule survives any mix of Chinese, punctuation, Markdown,
numbering markers, line ends and spaces — no exception, every location inside the document,
``fix`` idempotent and whitespace-only, and every character of Markdown prose read where it
stands in the file.

The suite runs a bounded number of examples (1,500 documents per property, a few seconds); a
long run is::

    DOCLINT_FUZZ_EXAMPLES=10000 pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doclint.document import Document
from doclint.document.decode import decode
from doclint.document.logical import PLACEHOLDER
from doclint.engine.config import Config
from doclint.engine.fixer import fix, visible
from doclint.engine.runner import check_document, compare_versions, known_rule_ids, load_ruleset
from doclint.finding import Location

EXAMPLES = int(os.environ.get("DOCLINT_FUZZ_EXAMPLES", "1500"))
RULES = load_ruleset(Config())
CONFIG = Config()
KNOWN = known_rule_ids(RULES)

CHARACTERS = list(
    "的了是在和有我他这中国人大为上个要以时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
)
PIECES = [
    # Chinese words
    "考核考核",
    "研究研究",
    "常常",
    "健全绩效考核分配制度",
    # layout: torn sentences, stray spaces, lines cut at a fixed width
    "健全基金运行风险评\n\n估、预警机制。",
    "安阳市 2 月份",
    "中 国",
    "各地区要确保政令畅通未经批准不得出台超出\n",
    "清单授权范围的政策完善欺诈骗保举报奖励\n",
    "制度实施基金运行全过程绩效管理加强部门\n",
    "（上接第1版）",
    "责任编辑：张三",
    # punctuation, full and half width
    *"，。、；：？！“”‘’（）《》【】「」…—·",
    "……",
    "——",
    *",.;:?!()[]\"'-",
    "，，",
    "。。",
    # Markdown
    "# ",
    "## ",
    "- ",
    "* ",
    "> ",
    "```\n",
    "**",
    "`",
    "[链接](http://example.com)",
    "![图](a.png)",
    "<http://example.com/考核>",
    "---\n",
    "~~~\n",
    "    ",
    "| 甲 | 乙 |\n|---|---|\n| ",
    " | ",
    "&amp;",
    "&copy;",
    "\\*",
    "<div>\n",
    "<span>",
    "1) ",
    "[^1]",
    "<!-- doclint-disable repeated-word -->",
    "<!-- doclint-enable -->",
    "<!-- doclint-disable-next-line -->",
    # numbering markers
    "一、",
    "二、",
    "三、",
    "（一）",
    "（二）",
    "(三)",
    "1.",
    "2.",
    "3、",
    "（1）",
    "(2)",
    "①",
    "②",
    "第一条",
    "第二条",
    "第三章",
    "第一百六十九条之一",
    "A.",
    "b)",
    "一" + "万" * 30,
    # digits, Latin
    "2024年",
    "3.14",
    "1,000",
    "Python",
    "10:30",
    "ＣＢＤ",
    "１０００",
    # whitespace and line ends
    " ",
    "  ",
    "\u3000",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\r\n\r\n",
    "\u00a0",
    "\u200b",
]

# half the pieces are common characters, half are words, marks, markers and line ends
documents = st.lists(st.one_of(st.sampled_from(CHARACTERS), st.sampled_from(PIECES)), max_size=120).map("".join)


def _offset(doc: Document, line: int, column: int) -> int:
    assert 1 <= line <= len(doc.line_starts), (line, len(doc.line_starts))
    assert 1 <= column <= len(doc.line_text(line)) + 1, (line, column, doc.line_text(line))
    return doc.line_starts[line - 1] + column - 1


def _inside(doc: Document, loc: Location) -> None:
    start = _offset(doc, loc.line, loc.column)
    end = _offset(doc, loc.end_line, loc.end_column)
    assert start <= end
    assert loc.excerpt == doc.source[start - loc.column + 1 :].split("\n", 1)[0]  # the line as the file writes it
    assert doc.source[start:end] == loc.text


def _document(raw: str, markdown: bool) -> Document:
    decoded = decode(raw.encode("utf-8"), "fuzz.md" if markdown else "fuzz.txt")
    return Document("fuzz.md" if markdown else "fuzz.txt", decoded.text, decoded)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=documents, markdown=st.booleans())
def test_every_rule_survives_any_document_and_reports_places_inside_it(raw: str, markdown: bool) -> None:
    doc = _document(raw, markdown)
    for finding in check_document(doc, RULES, CONFIG, KNOWN):
        _inside(doc, finding.location)
        for related in finding.related:
            if related.path == doc.path:
                _inside(doc, related)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=documents, markdown=st.booleans())
def test_fix_changes_only_whitespace_and_a_second_fix_changes_nothing(raw: str, markdown: bool) -> None:
    doc = _document(raw, markdown)
    fixed = fix(doc, RULES, CONFIG)
    assert visible(fixed.source) == visible(doc.source)
    assert fix(fixed, RULES, CONFIG).source == fixed.source


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=documents)
def test_every_character_of_markdown_prose_is_read_where_it_stands_in_the_file(raw: str) -> None:
    doc = _document(raw, True)
    view = doc.logical
    for i, ch in enumerate(view.text):
        if ch not in " \n" + PLACEHOLDER:  # paragraph ends, rejoined lines and code are the view's own
            assert doc.text[view.origin[i]] == ch, (i, ch)


@settings(max_examples=max(1, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=documents, new=documents)
def test_comparing_any_two_versions_reports_places_inside_the_new_one(old: str, new: str) -> None:
    old_doc, new_doc = _document(old, False), _document(new, False)
    for finding in compare_versions(old_doc, new_doc, RULES, CONFIG):
        _inside(new_doc, finding.location)
        for related in finding.related:
            _inside(old_doc, related)
