"""Word files: every paragraph a reader sees is checked, and located as Word users find it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from doclint.document import Document
from tests.conftest import SEED_FLOW, doclint

DOUBLED = "健全绩效考核考核分配制度。"  # 考核 written twice: column 5


def write_word_file(path: Path) -> Path:
    """A report as an editor gets it: a heading, typed and generated list numbers, a table, a
    header and a comment; a repeated word in a table cell and in the header, a gap in a list."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = DOUBLED  # header ¶1
    document.add_heading("一、总体要求", 1)  # ¶1
    document.add_paragraph("（一）指导思想。")  # ¶2
    document.add_paragraph("（二）基本原则。")  # ¶3
    document.add_paragraph("（四）主要目标。")  # ¶4: （三） is missing
    document.add_paragraph("第一步", style="List Number")  # ¶5: Word numbers it 1.
    document.add_paragraph("第二步", style="List Number")  # ¶6: 2.
    document.add_paragraph("3. 第三步")  # ¶7: typed, follows the generated 2.
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(1, 1).text = DOUBLED  # table 1, row 2, cell 2
    remark = document.add_paragraph("各地区要确保政令畅通。")  # ¶8
    document.add_comment(remark.runs, text=DOUBLED, author="校对")  # comment 1
    document.save(str(path))
    return path


def findings(path: Path, *args: str) -> list[dict]:
    result = doclint("check", "-f", "json", "--no-cache", *args, str(path))
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)["findings"]


def test_findings_in_a_word_file_are_located_by_paragraph_or_cell_and_column(tmp_path: Path) -> None:
    found = findings(write_word_file(tmp_path / "稿件.docx"))
    places = {(f["rule"], f["part"], f["paragraph"], f["column"]) for f in found}
    assert ("repeated-word", "table 1, row 2, cell 2", 1, 5) in places
    assert ("repeated-word", "header", 1, 5) in places
    assert ("repeated-word", "comment 1", 1, 5) in places
    assert ("numbering-sequence", "", 4, 1) in places
    numbering = [f for f in found if f["rule"] == "numbering-sequence"]
    assert len(numbering) == 1  # the typed 3. continues Word's own 1. 2.
    cell = next(f for f in found if f["part"].startswith("table"))
    assert cell["excerpt"] == DOUBLED and cell["line"] == 1


def test_what_word_shows_is_read_tracked_insertions_content_controls_and_text_boxes(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    v = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    document = docx.Document()
    paragraph = document.add_paragraph("健全绩效")
    for xml in (
        f'<w:ins {w} w:id="1" w:author="校对" w:date="2026-01-01T00:00:00Z"><w:r><w:t>考核</w:t></w:r></w:ins>',
        f'<w:del {w} w:id="2" w:author="校对" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>删</w:delText></w:r></w:del>',
        f"<w:sdt {w}><w:sdtContent><w:r><w:t>考核分配制度。</w:t></w:r></w:sdtContent></w:sdt>",
        f"<w:r {w} {v}><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{DOUBLED}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>",
    ):
        paragraph._p.append(parse_xml(xml))
    document.element.body.insert(
        0, parse_xml(f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>封面</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    )
    document.save(str(tmp_path / "a.docx"))
    doc = Document.from_file(tmp_path / "a.docx")
    assert doc.text.split("\n")[:2] == ["封面", DOUBLED]  # the insertion in, the deletion out, the control read
    places = {
        (f["part"], f["paragraph"], f["column"]) for f in findings(tmp_path / "a.docx") if f["rule"] == "repeated-word"
    }
    assert places == {("", 2, 5), ("text box 1", 1, 5)}


def test_a_comment_quoting_the_body_is_not_a_pasted_sentence_but_a_pasted_paragraph_is(tmp_path: Path) -> None:
    sentence = "各地区要确保政令畅通，健全基金运行风险评估和预警机制，加强医疗保障基金监管。"
    document = docx.Document()
    quoted = document.add_paragraph(sentence)
    document.add_comment(quoted.runs, text=sentence, author="校对")
    document.save(str(tmp_path / "quoted.docx"))
    document = docx.Document()
    document.add_paragraph(sentence)
    document.add_paragraph(sentence)
    document.save(str(tmp_path / "pasted.docx"))
    assert doclint("check", "--no-cache", str(tmp_path / "quoted.docx")).returncode == 0
    (pasted,) = [f for f in findings(tmp_path / "pasted.docx") if f["rule"] == "duplicate-sentence"]
    assert (pasted["part"], pasted["paragraph"]) == ("", 2)


def add_footnote(path: Path, text: str) -> None:
    """Give a Word file a footnotes part, as Word writes it (python-docx has no API for notes)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    relation = (
        '<Relationship Id="rIdNotes" Target="footnotes.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/></Relationships>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'
    )
    original = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item).decode("utf-8") if item.filename.endswith((".xml", ".rels")) else src.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", relation)
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", override)
            out.writestr(item, data)
        out.writestr("word/footnotes.xml", notes)


def test_footnotes_are_read_though_python_docx_does_not_model_them(tmp_path: Path) -> None:
    path = write_word_file(tmp_path / "a.docx")
    add_footnote(path, DOUBLED)
    places = {(f["part"], f["paragraph"], f["column"]) for f in findings(path) if f["rule"] == "repeated-word"}
    assert ("footnote 1", 1, 5) in places


def test_a_typed_number_that_skips_one_after_generated_numbers_is_a_gap(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("第一步", style="List Number")
    document.add_paragraph("第二步", style="List Number")
    document.add_paragraph("4. 第四步")
    document.save(str(tmp_path / "a.docx"))
    (gap,) = [f for f in findings(tmp_path / "a.docx") if f["rule"] == "numbering-sequence"]
    assert (gap["paragraph"], gap["column"]) == (3, 1)
    assert "“3.”" in gap["message"]


def test_every_report_format_carries_the_paragraph_and_the_part(tmp_path: Path) -> None:
    path = write_word_file(tmp_path / "稿件.docx")
    text = doclint("check", "--no-cache", "--enable", "repeated-word", str(path)).stdout
    assert "稿件.docx:table 1, row 2, cell 2 ¶1:5: error [repeated-word]" in text
    assert "稿件.docx:header ¶1:5:" in text
    assert f"    | {DOUBLED}" in text
    lines = doclint("check", "-f", "jsonl", "--no-cache", str(path)).stdout.splitlines()
    assert any(json.loads(line)["part"] == "table 1, row 2, cell 2" for line in lines)
    sarif = json.loads(doclint("check", "-f", "sarif", "--no-cache", str(path)).stdout)
    located = [r["locations"][0] for r in sarif["runs"][0]["results"] if r["ruleId"] == "repeated-word"]
    cells = [loc for loc in located if loc["logicalLocations"][0]["fullyQualifiedName"].startswith("table 1")]
    assert cells[0]["physicalLocation"]["region"]["startLine"] == 1
    assert cells[0]["physicalLocation"]["region"]["startColumn"] == 5
    rd = [json.loads(line) for line in doclint("check", "-f", "rdjsonl", "--no-cache", str(path)).stdout.splitlines()]
    assert any(d["message"].startswith("[table 1, row 2, cell 2] ") for d in rd)
    body = next(d for d in rd if d["code"]["value"] == "numbering-sequence")
    assert body["location"]["range"]["start"]["line"] == 4
    github = doclint("check", "-f", "github", "--no-cache", str(path)).stdout
    assert "title=doclint repeated-word (table 1%2C row 2%2C cell 2 ¶1)" in github


def test_a_word_file_findings_come_in_document_order_with_tables_among_the_body(tmp_path: Path) -> None:
    found = [(f["part"], f["paragraph"]) for f in findings(write_word_file(tmp_path / "稿件.docx"))]
    assert found.index(("", 4)) < found.index(("table 1, row 2, cell 2", 1))  # the table follows ¶7
    assert [part for part, _ in found if part] == ["table 1, row 2, cell 2", "header", "comment 1"]
    document = docx.Document()
    document.add_paragraph(DOUBLED)
    document.add_table(rows=1, cols=1).cell(0, 0).text = DOUBLED
    document.add_paragraph(DOUBLED)
    document.save(str(tmp_path / "order.docx"))
    order = [(f["part"], f["paragraph"]) for f in findings(tmp_path / "order.docx") if f["rule"] == "repeated-word"]
    assert order == [("", 1), ("table 1, row 1, cell 1", 1), ("", 2)]


def test_a_corrupt_word_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    good = write_word_file(tmp_path / "good.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    (tmp_path / "text.docx").write_bytes("这不是Word文件。\n".encode())
    for name in ("cut.docx", "text.docx"):
        result = doclint("check", str(tmp_path / name))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert f"{name}: not a readable Word .docx file" in result.stderr


def test_a_word_file_with_damaged_xml_is_one_line_and_exit_2(tmp_path: Path) -> None:
    good = write_word_file(tmp_path / "good.docx")
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(damaged, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            out.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    result = doclint("check", str(damaged))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "damaged.docx: not a readable Word .docx file" in result.stderr


def test_a_word_file_under_another_name_is_refused_with_a_hint(tmp_path: Path) -> None:
    data = write_word_file(tmp_path / "a.docx").read_bytes()
    (tmp_path / "稿件.txt").write_bytes(data)
    named = doclint("check", str(tmp_path / "稿件.txt"))
    assert (
        named.returncode == 2
        and "稿件.txt: binary file (a zip archive: if it is a Word document, name it .docx)" in named.stderr
    )
    piped = doclint("check", "-", stdin=data)
    assert (
        piped.returncode == 2
        and "<stdin>: binary file" in piped.stderr
        and "--stdin-filename NAME.docx" in piped.stderr
    )


def test_fix_leaves_a_word_file_alone_and_says_so(tmp_path: Path) -> None:
    path = write_word_file(tmp_path / "稿件.docx")
    before = path.read_bytes()
    result = doclint("fix", str(path))
    assert result.returncode == 0
    assert "稿件.docx: .docx files are not fixed in place" in result.stderr
    assert path.read_bytes() == before


def test_a_folder_walk_reads_word_files_but_not_word_lock_files(tmp_path: Path) -> None:
    write_word_file(tmp_path / "稿件.docx")
    (tmp_path / "~$稿件.docx").write_bytes(b"\x05lock")  # Word's owner file while the document is open
    result = doclint("check", "--no-cache", "--enable", "repeated-word", str(tmp_path))
    assert result.returncode == 1 and result.stderr == ""
    assert "稿件.docx:table 1, row 2, cell 2 ¶1:5:" in result.stdout


def test_a_word_file_can_be_piped_in_with_a_name(tmp_path: Path) -> None:
    data = write_word_file(tmp_path / "a.docx").read_bytes()
    result = doclint("check", "--stdin-filename", "来稿.docx", "--enable", "repeated-word", stdin=data)
    assert "来稿.docx:table 1, row 2, cell 2 ¶1:5:" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "level_text", "expected"),
    [
        ("decimal", "%1.", ["1.", "2.", "3."]),
        ("chineseCounting", "%1、", ["一、", "二、", "三、"]),
        ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
        ("lowerLetter", "%1)", ["a)", "b)", "c)"]),
    ],
)
def test_generated_list_numbers_are_read_in_the_format_word_shows(
    tmp_path: Path, fmt: str, level_text: str, expected: list[str]
) -> None:
    document = docx.Document()
    for step in ("甲", "乙", "丙"):
        document.add_paragraph(step, style="List Number")
    numbering = document.part.numbering_part.element
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    num = next(n for n in numbering.iter(f"{ns}num") if n.get(f"{ns}numId") == str(style_num))
    abstract_id = num.find(f"{ns}abstractNumId").get(f"{ns}val")
    abstract = next(a for a in numbering.iter(f"{ns}abstractNum") if a.get(f"{ns}abstractNumId") == abstract_id)
    level = next(lvl for lvl in abstract.iter(f"{ns}lvl") if lvl.get(f"{ns}ilvl") == "0")
    level.find(f"{ns}numFmt").set(f"{ns}val", fmt)
    level.find(f"{ns}lvlText").set(f"{ns}val", level_text)
    document.save(str(tmp_path / "list.docx"))
    doc = Document.from_file(tmp_path / "list.docx")
    assert [p.number for p in doc.logical.paragraphs] == expected
    assert doc.text == "甲\n乙\n丙"  # the numbers are Word's, not the paragraphs' text


def test_a_text_as_a_word_file_with_a_paragraph_per_line_gives_its_findings_at_the_same_places(tmp_path: Path) -> None:
    document = docx.Document()
    for line in SEED_FLOW.read_text("utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "seed.docx"))
    as_text = [(f["rule"], f["severity"], f["line"], f["column"]) for f in findings(SEED_FLOW)]
    as_word = [(f["rule"], f["severity"], f["paragraph"], f["column"]) for f in findings(tmp_path / "seed.docx")]
    assert as_word == as_text and len(as_text) > 20


def test_a_typed_indent_is_layout_as_on_a_plain_line(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("　　一、总则。", "　　二、目标。", "　　四、措施。"):
        document.add_paragraph(text)
    document.save(str(tmp_path / "a.docx"))
    (gap,) = [f for f in findings(tmp_path / "a.docx") if f["rule"] == "numbering-sequence"]
    assert (gap["paragraph"], gap["column"]) == (3, 3)


def test_hidden_text_is_not_read_as_word_does_not_show_it(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    paragraph = document.add_paragraph("显示文字")
    paragraph._p.append(parse_xml(f"<w:r {w}><w:rPr><w:vanish/></w:rPr><w:t>隐藏的的文字</w:t></w:r>"))
    document.save(str(tmp_path / "hidden.docx"))
    assert Document.from_file(tmp_path / "hidden.docx").text == "显示文字"


def test_a_small_word_file_that_unpacks_to_a_huge_one_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    docx.Document().save(str(tmp_path / "empty.docx"))
    paragraph = "<w:p><w:r><w:t>各级部门要认真贯彻落实会议精神。</w:t></w:r></w:p>"
    with (
        zipfile.ZipFile(tmp_path / "empty.docx") as src,
        zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + paragraph.encode() * 20_000, 1)
            out.writestr(item.filename, data)
    result = doclint("check", "--max-file-size", "0.25", str(tmp_path / "bomb.docx"))
    assert result.returncode == 2 and "bomb.docx: Word file too large:" in result.stderr and "unpacked" in result.stderr
    assert "could not be checked" in result.stdout


def test_word_findings_offer_no_text_patches_and_name_the_paragraph_they_repeat(tmp_path: Path) -> None:
    sentence = "各地区要确保政令畅通，健全基金运行风险评估和预警机制，加强医疗保障基金监管。"
    document = docx.Document()
    for text in ("前言。", sentence, sentence):
        document.add_paragraph(text)
    document.save(str(tmp_path / "dup.docx"))
    (pasted,) = findings(tmp_path / "dup.docx")
    assert "repeats paragraph 2" in pasted["message"] and "第 2 段" in pasted["message"]
    sarif = json.loads(doclint("check", "-f", "sarif", "--no-cache", str(tmp_path / "dup.docx")).stdout)
    assert all("fixes" not in result for result in sarif["runs"][0]["results"])
