"""Readers: formats, encodings, metadata, folders, and a named reason for every unreadable file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from extract.clean import clean
from extract.readers import (
    UnreadableDocument,
    collect_inputs,
    load_metadata_csv,
    read_document,
)

DUTCH = "De gemeente financiert de GGD. Café De Kroon en de coöperatie werken samen."


def write(path: Path, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write text or bytes to ``path`` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages' text layers hold the given lines (Helvetica, WinAnsi)."""
    font = len(pages) * 2 + 3
    kids = " ".join(f"{3 + 2 * n} 0 R" for n in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
    ]
    for number, lines in enumerate(pages):
        commands = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            commands.append(f"({escaped}) Tj T*")
        stream = "\n".join([*commands, "ET"]).encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * number} "
            f"0 R /Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- plain text and encodings ----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_text_in_any_encoding_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path / "brief.txt", DUTCH * 3, encoding)
    assert read_document(path).text == DUTCH * 3


def test_document_info_comes_from_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "005_nota.txt", DUTCH)
    info = read_document(path).info
    assert (info.doc_id, info.file_name) == ("005_nota", "005_nota.txt")
    assert info.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert info.title is None


def test_empty_file_is_reported_by_name(tmp_path: Path) -> None:
    path = write(tmp_path / "leeg.txt", "  \n\n")
    with pytest.raises(UnreadableDocument, match=r"leeg\.txt: the file is empty"):
        read_document(path)


def test_binary_file_is_reported_by_name(tmp_path: Path) -> None:
    path = write(tmp_path / "plaatje.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(UnreadableDocument, match=r"plaatje\.txt: binary"):
        read_document(path)


def test_unsupported_format_and_missing_file_are_reported(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"tabel\.xlsx: unsupported format \.xlsx"):
        read_document(write(tmp_path / "tabel.xlsx", b"PK"))
    with pytest.raises(UnreadableDocument, match=r"weg\.txt: no such file"):
        read_document(tmp_path / "weg.txt")


def test_markdown_loses_its_markup(tmp_path: Path) -> None:
    path = write(
        tmp_path / "notitie.md",
        "# Samenwerking in de wijk\n\nDe **GGD** werkt met [de politie](https://example.org).\n",
    )
    document = read_document(path)
    assert "Samenwerking in de wijk" in document.text
    assert "De GGD werkt met de politie." in document.text
    assert "#" not in document.text and "https" not in document.text
    assert document.info.title == "Samenwerking in de wijk"


# --- HTML ------------------------------------------------------------------------------------


def test_html_keeps_the_main_text_in_paragraphs(tmp_path: Path) -> None:
    page = """<html><head><title>Raadsbesluit jeugdzorg</title><style>p {}</style></head>
    <body><nav><a href="/">Home</a> Menu</nav><header>Gemeente Ergens</header>
    <main><h1>Besluit over de jeugdzorg</h1>
    <p>De raad besluit dat de gemeente
       de jeugdzorg inkoopt.</p><ul><li>De GGD adviseert.</li></ul>
    <script>var x = 1;</script></main><footer>Contact en privacy</footer></body></html>"""
    document = read_document(write(tmp_path / "besluit.html", page))
    assert document.text.split("\n\n") == [
        "Besluit over de jeugdzorg",
        "De raad besluit dat de gemeente de jeugdzorg inkoopt.",
        "De GGD adviseert.",
    ]
    assert document.info.title == "Raadsbesluit jeugdzorg"


def test_html_without_text_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "leeg.htm", "<html><body><script>1</script></body></html>")
    with pytest.raises(UnreadableDocument, match=r"leeg\.htm: the page has no text"):
        read_document(path)


# --- PDF and Word ----------------------------------------------------------------------------


def test_pdf_text_layer_is_read_and_pages_join_into_sentences(tmp_path: Path) -> None:
    pages = [["De gemeente en de GGD", "werken sinds 2019 met"], ["Politie Oost samen."]]
    path = write(tmp_path / "nota.pdf", text_pdf(pages))
    text = read_document(path).text
    assert "De gemeente en de GGD" in text and "Politie Oost samen." in text
    assert clean(text).text == "De gemeente en de GGD werken sinds 2019 met Politie Oost samen."


def test_scanned_pdf_without_text_layer_is_reported(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(UnreadableDocument, match=r"scan\.pdf: scanned PDF with no text layer"):
        read_document(path)


def test_broken_pdf_is_reported(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"kapot\.pdf: not a readable PDF"):
        read_document(write(tmp_path / "kapot.pdf", b"%PDF-1.4\nrommel"))


def test_docx_paragraphs_tables_and_properties_are_read(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading("Verslag van het overleg", level=1)
    document.add_paragraph("De wethouder sprak met de GGD.")
    document.add_paragraph("")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "De politie was er ook."
    document.core_properties.title = "Verslag"
    document.core_properties.author = "Griffie"
    path = tmp_path / "verslag.docx"
    document.save(str(path))
    read = read_document(path)
    assert read.text.split("\n\n") == [
        "Verslag van het overleg",
        "De wethouder sprak met de GGD.",
        "De politie was er ook.",
    ]
    assert (read.info.title, read.info.author) == ("Verslag", "Griffie")


def test_broken_docx_is_reported(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"kapot\.docx: not a readable Word file"):
        read_document(write(tmp_path / "kapot.docx", b"geen zip"))


# --- metadata --------------------------------------------------------------------------------


def test_json_sidecar_fills_metadata_and_explicit_metadata_wins(tmp_path: Path) -> None:
    path = write(tmp_path / "nota.txt", DUTCH)
    sidecar = {"title": "Nota", "date": "2020-01-05", "author": "B&W", "source_type": "nota"}
    write(tmp_path / "nota.meta.json", json.dumps(sidecar))
    info = read_document(path, {"author": "De raad"}).info
    assert (info.title, info.date, info.author, info.source_type) == (
        "Nota",
        "2020-01-05",
        "De raad",
        "nota",
    )


def test_yaml_sidecar_named_after_the_full_file_name(tmp_path: Path) -> None:
    path = write(tmp_path / "essay.txt", DUTCH)
    write(tmp_path / "essay.txt.meta.yaml", "title: Essay\ndate: 2021-03-04\n")
    info = read_document(path).info
    assert (info.title, info.date) == ("Essay", "2021-03-04")


def test_broken_sidecar_is_reported_by_its_name(tmp_path: Path) -> None:
    path = write(tmp_path / "nota.txt", DUTCH)
    write(tmp_path / "nota.meta.json", "{kapot")
    with pytest.raises(UnreadableDocument, match=r"nota\.meta\.json: unreadable metadata"):
        read_document(path)


def test_metadata_csv_is_keyed_by_file_name(tmp_path: Path) -> None:
    path = write(
        tmp_path / "meta.csv",
        "file,title,author,date\nstukken/a.txt,Nota A,,2019\nb.pdf,Nota B,Raad,\n",
    )
    assert load_metadata_csv(path) == {
        "a.txt": {"title": "Nota A", "date": "2019"},
        "b.pdf": {"title": "Nota B", "author": "Raad"},
    }


def test_metadata_csv_without_file_column_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "meta.csv", "naam,titel\na.txt,Nota\n")
    with pytest.raises(UnreadableDocument, match=r"meta\.csv: .*'file' column"):
        load_metadata_csv(path)


# --- folders ---------------------------------------------------------------------------------


def test_folders_are_read_recursively_skipping_what_is_not_a_document(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.html",
        "sub/c.pdf",
        "sub/d.docx",
        "sub/e.md",
        "b.meta.json",
        "sub/c.meta.yaml",
        ".verborgen.txt",
        ".git/f.txt",
        "plaatje.png",
    ]:
        write(tmp_path / "map" / name, "x")
    single = write(tmp_path / "los.txt", "x")
    found = collect_inputs([tmp_path / "map", single])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "map/a.html",
        "map/b.txt",
        "map/sub/c.pdf",
        "map/sub/d.docx",
        "map/sub/e.md",
        "los.txt",
    ]


def test_missing_input_path_is_reported(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"nergens: no such file or folder"):
        collect_inputs([tmp_path / "nergens"])


def test_semicolon_metadata_csv_from_a_dutch_spreadsheet(tmp_path: Path) -> None:
    path = write(tmp_path / "meta.csv", "\ufefffile;title;date\nnota.txt;Nota, versie 2;2020\n")
    assert load_metadata_csv(path) == {"nota.txt": {"title": "Nota, versie 2", "date": "2020"}}


def test_broken_utf16_falls_back_instead_of_crashing(tmp_path: Path) -> None:
    path = write(tmp_path / "half.txt", b"\xff\xfe" + "De raad".encode("utf-16-le") + b"\x00")
    with pytest.raises(UnreadableDocument, match=r"half\.txt: binary"):
        read_document(path)


def test_markdown_keeps_its_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path / "n.md", "# Kop\nDe GGD werkt.\n\n## Tweede kop\nDe raad besluit.\n")
    lines = read_document(path).text.split("\n")
    assert lines[:5] == ["Kop", "De GGD werkt.", "", "Tweede kop", "De raad besluit."]
