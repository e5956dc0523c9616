"""The seeds in the encodings editors send them in give the findings of the UTF-8 originals:
GBK, and Big5 in Traditional script (converted with OpenCC, as a Taiwan edition would be)."""

from __future__ import annotations

import json
from pathlib import Path

import opencc
import pytest

from doclint.document import Document
from tests.conftest import SEEDS, doclint

TAIWAN = opencc.OpenCC("s2tw")  # character by character: offsets stay those of the original


def findings(path: Path) -> list[dict]:
    result = doclint("check", "-f", "json", "--no-cache", str(path))
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)["findings"]


def place(f: dict) -> tuple:
    return (f["rule"], f["severity"], f["line"], f["column"], f["end_line"], f["end_column"])


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_a_seed_in_gbk_gives_the_findings_of_the_utf8_original(tmp_path: Path, seed: Path) -> None:
    copy = tmp_path / seed.name
    copy.write_bytes(seed.read_text("utf-8").encode("gbk"))
    original = findings(seed)
    assert [place(f) for f in findings(copy)] == [place(f) for f in original]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_a_seed_in_traditional_big5_gives_the_findings_of_the_simplified_original(tmp_path: Path, seed: Path) -> None:
    copy = tmp_path / seed.name
    copy.write_bytes(TAIWAN.convert(seed.read_text("utf-8")).encode("big5hkscs"))
    original, traditional = findings(seed), findings(copy)
    assert [place(f) for f in traditional] == [place(f) for f in original]
    for before, after in zip(original, traditional, strict=True):  # shown as the Big5 file writes it
        assert after["excerpt"] == TAIWAN.convert(before["excerpt"])
        if before["suggestion"]:
            assert after["suggestion"] == TAIWAN.convert(before["suggestion"])


def test_quoted_words_in_messages_are_shown_in_traditional(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_bytes("健全績效考核考核分配製度，強化醫療保障。\n".encode("big5"))
    (finding,) = [f for f in findings(tmp_path / "t.txt") if f["rule"] == "repeated-word"]
    assert "“考核”" in finding["message"] and finding["suggestion"] == "考核"
    torn = tmp_path / "torn.txt"
    torn.write_bytes("健全基金運行風險評\n\n估、預警機制。\n".encode("big5"))
    (broken,) = [f for f in findings(torn) if f["rule"] == "broken-paragraph"]
    assert "風險評" in broken["message"] and "风险评" not in broken["message"]


def test_a_fix_of_a_traditional_file_keeps_it_traditional_and_in_big5(tmp_path: Path) -> None:
    torn = tmp_path / "torn.txt"
    torn.write_bytes("健全基金運行風險評\n\n估、預警機制。\n".encode("big5"))
    assert doclint("fix", str(torn)).returncode == 0
    assert torn.read_bytes().decode("big5") == "健全基金運行風險評估、預警機制。\n"


def test_a_simplified_text_quoting_a_traditional_name_is_read_as_written() -> None:
    quoting = "他在书店里买了一本《紅樓夢》，回到家中认真阅读，觉得受益匪浅，又向朋友推荐了这本书，大家都说好。\n"
    doc = Document("a.txt", quoting + "医疗保障是减轻群众就医负担、增进民生福祉、维护社会和谐稳定的重大制度安排。\n")
    assert not doc.converted and "紅樓夢" in doc.text
    traditional = Document("b.txt", "他在臺北的書店裡買了一本《紅樓夢》，回到家中認真閱讀。\n")
    assert traditional.converted and traditional.text.startswith("他在台北的书店里")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(0x80, 0x100)) * 8, "cannot decode"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "binary file"),
        ("会议\n".encode("gb18030"), "cannot tell whether this is"),
    ],
    ids=["no encoding fits", "binary", "too little text to tell"],
)
def test_a_file_that_is_not_text_in_any_encoding_is_refused(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "x.txt").write_bytes(data)
    result = doclint("check", str(tmp_path / "x.txt"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "x.txt: " in result.stderr and reason in result.stderr


def test_a_correction_that_is_the_documents_own_word_in_its_script_is_not_made(tmp_path: Path) -> None:
    # 揹著 is read as 揹着 and would be "corrected" to 背着, which is 揹著 again in Traditional
    (tmp_path / "t.txt").write_bytes("他們都扶老攜幼的，挑著或揹著行李，車伕也不敢多說話。\n".encode("big5"))
    result = doclint("check", "--no-cache", "--fail-level", "info", str(tmp_path / "t.txt"))
    assert result.returncode == 0, result.stdout


def test_a_diff_of_two_traditional_versions_shows_them_as_written(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("他們都扶老攜幼的，挑著行李。這些人都是從鄉下來的。\n".encode("big5"))
    (tmp_path / "new.txt").write_bytes("他們都扶老攜幼的，背著行李。這些人都是從鄉下來的。\n".encode("big5"))
    text = doclint("diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt")).stdout
    assert "“挑” → “背”" in text and "前文“們都扶老攜幼的，”" in text
    doclint("diff", "-f", "html", "-o", str(tmp_path / "d.html"), str(tmp_path / "old.txt"), str(tmp_path / "new.txt"))
    page = (tmp_path / "d.html").read_text("utf-8")
    assert "這些人都是從鄉下來的" in page and "这些人" not in page
    assert "“挑” → “背”" in page


def test_quoted_context_across_a_line_break_is_the_documents_own_words(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("（一）總體要求\n健全績效考核分配製度。\n（二）主要任務\n".encode("big5"))
    (tmp_path / "new.txt").write_bytes("（一）總體要求\n健全績效考核考核分配製度。\n（二）主要任務\n".encode("big5"))
    text = doclint("diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt")).stdout
    assert "前文“要求健全績效考核”" in text  # not 考覈, which s2t would write
