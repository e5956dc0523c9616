"""The simulated OCR pages of bench.pages: the layout, the gold, and the evaluator's arithmetic."""

from __future__ import annotations

from dataclasses import asdict
from itertools import pairwise

import pytest

from bench import pages as bench
from bench.pages import (
    NO_END,
    NO_START,
    compose,
    display_width,
    evaluate,
    line_breaks,
    make_page,
    naive,
    oracle_text,
    render,
    score,
    visible,
    wrap,
)

needs_shared = pytest.mark.skipif(not bench.corpus_available(), reason=f"{bench.CORPUS} is not there")

# Our own sentences, written for these tests (no corpus text in the repository).
MIXED = "本周我们在2024年发布的Python 3.12版本上测试了TiDB集群，吞吐量提高了37.5%，详见“性能报告（第二版）”一文。"
QUOTED = "他说：“这个办法《试行》了三个月，效果很好！”大家都笑了。随后，会议讨论了下一步的安排、分工和时间表。"
ASCII_RUNS = "配置项 --addr=ip:port 指定监听地址，例如 127.0.0.1:8300，见 https://ex.org/doc 的说明。"


@pytest.mark.parametrize("text", [MIXED, QUOTED, ASCII_RUNS])
@pytest.mark.parametrize("width", [20, 24, 28, 40, 64])
def test_wrap_loses_no_character_and_records_the_spaces_it_ate(text: str, width: int) -> None:
    lines, seps = wrap(text, lambda _i: width)
    assert len(seps) == len(lines) - 1
    assert "".join(line + sep for line, sep in zip(lines, [*seps, ""], strict=True)) == text


@pytest.mark.parametrize("text", [MIXED, QUOTED, ASCII_RUNS])
@pytest.mark.parametrize("width", [20, 24, 28, 40])
def test_wrap_breaks_between_characters_as_chinese_typesetting_does(text: str, width: int) -> None:
    lines, seps = wrap(text, lambda _i: width)
    for line, after, sep in zip(lines, lines[1:], seps, strict=False):
        assert after[0] not in NO_START, f"{after!r} starts with a mark that must hang"
        assert line[-1] not in NO_END, f"{line!r} ends with an opening mark"
        if not sep:  # no space between: the break must not fall inside a run of ASCII
            assert not (line[-1].isascii() and after[0].isascii()), (line, after)
    for line in lines:  # full, but for the marks hanging past the column
        assert display_width(line.rstrip("".join(NO_START))) <= width, line


@pytest.mark.parametrize("width", [20, 22, 24, 26, 28])
def test_wrap_keeps_latin_words_and_numbers_whole(width: int) -> None:
    lines, _ = wrap(MIXED + ASCII_RUNS, lambda _i: width)
    for token in ("2024", "Python", "3.12", "TiDB", "37.5%", "--addr=ip:port", "127.0.0.1:8300"):
        assert any(token in line for line in lines), (token, lines)


def test_wrap_sets_the_lines_beside_a_figure_narrower() -> None:
    text = QUOTED * 3
    lines, _ = wrap(text, lambda i: 20 if 2 <= i < 5 else 40)
    assert all(display_width(line) <= 22 for line in lines[2:5])
    assert all(display_width(line) > 30 for line in lines[:2])


def test_line_breaks_are_counted_in_visible_characters() -> None:
    assert line_breaks("一二\n三 四\n\n五\n") == {2, 4}  # the final line end is no break
    assert line_breaks("一二三") == set()


def test_naive_rule_joins_a_full_unpunctuated_line_and_keeps_the_rest() -> None:
    text = "第一行很长很长很长没有标点\n接着写完了。\n新的段落很长很长很长\n短行\n最后一行很长很长很长很长\n"
    assert naive(text) == "第一行很长很长很长没有标点接着写完了。\n新的段落很长很长很长短行\n最后一行很长很长很长很长\n"


@pytest.mark.parametrize(
    ("respect_blank", "expected"),
    [
        (False, "标题很长很长很长很长正文很长很长很长很长。\n"),
        (True, "标题很长很长很长很长\n\n正文很长很长很长很长。\n"),
    ],
)
def test_naive_rule_as_stated_joins_across_a_blank_line_and_the_variant_does_not(
    respect_blank: bool, expected: str
) -> None:
    assert naive("标题很长很长很长很长\n\n正文很长很长很长很长。\n", respect_blank) == expected


def _own_page():
    return compose(
        "own",
        [
            ("heading", "试行办法的效果"),
            ("paragraph", QUOTED),
            ("list-item", "1. " + MIXED),
            ("paragraph", ASCII_RUNS),
        ],
        width=24,
    )


@pytest.mark.parametrize("variant", ["blank", "lines"])
def test_the_perfect_repair_scores_one_and_the_no_op_scores_no_recall(variant: str) -> None:
    rendering = render(_own_page(), variant)
    assert any(b.join for b in rendering.breaks) and any(not b.join for b in rendering.breaks)
    perfect = score(rendering, oracle_text(rendering))
    assert (perfect.recall, perfect.precision, perfect.exact_share) == (1.0, 1.0, 1.0)
    nothing = score(rendering, rendering.text)
    assert nothing.recall == 0.0 and nothing.joins == 0 and nothing.precision is None
    assert nothing.exact == 1  # only the one-line heading is right as it stands


def test_joining_everything_finds_every_break_and_is_wrong_at_every_boundary() -> None:
    rendering = render(_own_page(), "lines")
    everything = score(rendering, "".join(rendering.text.split()))
    boundaries = sum(not b.join for b in rendering.breaks)
    assert everything.recall == 1.0 and len(everything.wrong) == boundaries and everything.exact == 0


@needs_shared
def test_the_generator_is_deterministic_by_seed() -> None:
    first = [asdict(make_page(i, seed=3)) for i in range(6)]
    assert first == [asdict(make_page(i, seed=3)) for i in range(6)]
    assert first != [asdict(make_page(i, seed=4)) for i in range(6)]


@needs_shared
@pytest.mark.parametrize("index", range(36))
def test_every_gold_paragraph_is_the_corpus_paragraph_as_printed(index: int) -> None:
    page = make_page(index)
    for block in page.blocks:
        assert block.printed() == block.indent + block.text
        if not block.original:
            assert block.source == "synthetic" and block.role in ("caption", "byline", "furniture")
            continue
        path, lines = block.source.rsplit(":", 1)
        first, _, last = lines.partition("-")
        corpus = (bench.CORPUS / path).read_text(encoding="utf-8").split("\n")
        assert "".join(bench._clean(x) for x in corpus[int(first) - 1 : int(last or first)]) == block.original
        expected = block.marker + block.original
        if block.dropped:
            assert expected[-1] in "。！？"
            expected = expected[:-1]
        if not block.cut:
            assert block.text == expected
        elif block.cut == "head":
            assert expected.endswith(block.text) and block.text != expected
        elif block.cut == "tail":
            assert expected.startswith(block.text) and block.text != expected
        else:
            assert block.text in expected


@needs_shared
@pytest.mark.parametrize("index", range(12))
@pytest.mark.parametrize("variant", ["blank", "lines"])
def test_every_gold_break_falls_where_the_page_breaks_a_line(index: int, variant: str) -> None:
    rendering = render(make_page(index), variant)
    assert line_breaks(rendering.text) == {b.offset for b in rendering.breaks}
    flat = visible(rendering.text)
    cuts = [0, *(b.offset for b in rendering.breaks), len(flat)]
    pieces = [flat[a:b] for a, b in pairwise(cuts)]
    assert pieces == [visible(line) for line in rendering.lines]
    paragraphs = pieces[:1]
    for brk, piece in zip(rendering.breaks, pieces[1:], strict=True):
        if brk.join:
            paragraphs[-1] += piece
        else:
            paragraphs.append(piece)
    assert paragraphs == [visible(block.text) for block in rendering.page.blocks]
    page = rendering.page
    for brk in rendering.breaks:
        line = brk.line + 1 - rendering.first_lines[brk.block]
        ocr_block_ends = (brk.block, line) in page.column_breaks if brk.join else brk.block not in page.grouped
        assert brk.blank == (variant == "blank" and ocr_block_ends)


@needs_shared
def test_the_pages_have_the_variety_the_bench_reports_on() -> None:
    sample = [make_page(i) for i in range(60)]
    assert {p.genre for p in sample} == set(bench.GENRES)
    assert {p.width_class for p in sample} == {"narrow", "normal", "wide", "mixed"}
    roles = {b.role for p in sample for b in p.blocks}
    assert roles == {"paragraph", "heading", "list-item", "caption", "byline", "furniture"}
    assert sum(bool(p.grouped) for p in sample) > 10 and sum(bool(p.column_breaks) for p in sample) > 5
    ends = [b for p in sample for b in p.blocks if b.role == "paragraph" and "tail" not in b.cut]
    assert 0.02 < sum(b.dropped for b in ends) / len(ends) < 0.12


@needs_shared
def test_fix_on_simulated_pages_changes_only_whitespace_and_is_idempotent() -> None:
    renderings = [render(make_page(i, seed=1), v) for i in range(10) for v in ("blank", "lines")]
    results = evaluate(renderings)
    assert len(results) == 20
    assert [r.rendering.name for r in results if not r.whitespace_only] == []
    assert [r.rendering.name for r in results if not r.idempotent] == []
    assert all(r.scores["fix"].inner > 0 for r in results)


@needs_shared
def test_the_command_prints_the_tables(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--pages", "3", "--list", "1"]) == 0
    out = capsys.readouterr().out
    for heading in ("| overall |", "| variant |", "| genre |", "| width |", "worst renderings"):
        assert heading in out


def test_the_command_says_in_one_line_when_the_corpus_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench, "CORPUS", tmp_path / "absent")
    assert bench.main(["--pages", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not found" in err
