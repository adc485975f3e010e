"""Read the documents researchers have: plain text in any encoding, Markdown, HTML, PDF and Word.

Every reader returns the text as lines, paragraphs separated by a blank line, so that
`extract.clean.clean` sees one layout whatever the format. A file that cannot be read raises
`UnreadableDocument` with the file's name and the reason; callers report it and go on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ontology import DocumentInfo

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}
SIDECAR_SUFFIXES = (".meta.json", ".meta.yaml", ".meta.yml")
METADATA_FIELDS = ("title", "date", "author", "source_type")

# Markup with no running text: menus, scripts, page chrome.
_HTML_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
_HTML_BLOCKS = (
    "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dt, dd, figcaption, caption, td, th, "
    "div, section, article, main, tr, table, ul, ol"
)
_PARAGRAPH_MARK = "\u2029"
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


class UnreadableDocument(Exception):  # noqa: N818 (name fixed by the CLI contract)
    """A file that cannot be read; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True)
class RawDocument:
    """A document's metadata and its text as read, before cleaning."""

    info: DocumentInfo
    text: str


def _is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIXES)


def collect_inputs(paths: Sequence[Path]) -> list[Path]:
    """Files as given plus the supported files in folders (recursive, sorted, hidden skipped)."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file()
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                    and not _is_sidecar(child)
                    and child.suffix.lower() in SUPPORTED_SUFFIXES
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise UnreadableDocument(path, "no such file or folder")
    return found


def decode_text(data: bytes, path: Path) -> str:
    """Decode bytes of unknown encoding: UTF-8 first, else charset-normalizer's best guess."""
    if not data.strip():
        raise UnreadableDocument(path, "the file is empty")
    try:
        encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
        text = data.decode(encoding)
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise UnreadableDocument(path, "binary file, not text") from None
        text = str(best)
    if "\x00" in text or len(_CONTROL.findall(text)) > 0.01 * len(text):
        raise UnreadableDocument(path, "binary file, not text")
    return text


def _read_text(path: Path, data: bytes) -> tuple[str, dict[str, str]]:
    return decode_text(data, path), {}


def _read_markdown(path: Path, data: bytes) -> tuple[str, dict[str, str]]:
    """Markdown as plain text, line for line: heading marks, emphasis and link targets removed."""
    lines = []
    title = None
    for line in decode_text(data, path).split("\n"):
        heading = _MD_HEADING.match(line)
        if heading:
            title = title or heading.group(1)
            lines.append(heading.group(1))
            continue
        line = _MD_LINK.sub(r"\1", line)
        lines.append(_MD_EMPHASIS.sub(r"\2", line))
    return "\n".join(lines), {"title": title} if title else {}


def _read_html(path: Path, data: bytes) -> tuple[str, dict[str, str]]:
    """The main text of a web page, one paragraph per block element."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(data, path), "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for element in soup.find_all(_HTML_DROP):
        element.decompose()
    root = soup.find("main") or soup.find("article") or soup.find(role="main") or soup.body or soup
    for element in root.select(_HTML_BLOCKS):
        element.insert_before(_PARAGRAPH_MARK)
        element.insert_after(_PARAGRAPH_MARK)
    for br in root.find_all("br"):
        br.replace_with(_PARAGRAPH_MARK)
    paragraphs = [" ".join(part.split()) for part in root.get_text().split(_PARAGRAPH_MARK)]
    text = "\n\n".join(part for part in paragraphs if part)
    if not text:
        raise UnreadableDocument(path, "the page has no text")
    return text, {"title": title} if title else {}


def _read_pdf(path: Path, data: bytes) -> tuple[str, dict[str, str]]:
    """The text layer of a PDF, each page after a form feed."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(path, "the PDF is encrypted")
        pages = [(page.extract_text() or "").rstrip() for page in reader.pages]
        meta = reader.metadata
    except UnreadableDocument:
        raise
    except Exception as error:  # a damaged PDF can break pypdf in any way
        raise UnreadableDocument(path, f"not a readable PDF ({error})") from None
    if not any(page.strip() for page in pages):
        raise UnreadableDocument(path, "scanned PDF with no text layer (run OCR first)")
    found = {}
    if meta is not None:
        found = {"title": meta.title or "", "author": meta.author or ""}
    # A form feed between pages, as pdftotext writes it: cleaning reads it as a page start.
    return "\n\f".join(pages), {key: value for key, value in found.items() if value}


def _read_docx(path: Path, data: bytes) -> tuple[str, dict[str, str]]:
    """The paragraphs and table cells of a Word file."""
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # a damaged .docx can break python-docx in any way
        raise UnreadableDocument(path, f"not a readable Word file ({error})") from None
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.extend(cell.text for cell in row.cells)
    text = "\n\n".join(paragraph.strip() for paragraph in paragraphs if paragraph.strip())
    if not text:
        raise UnreadableDocument(path, "the Word file has no text")
    core = document.core_properties
    found = {
        "title": core.title or "",
        "author": core.author or "",
        "date": core.created.date().isoformat() if core.created else "",
    }
    return text, {key: value for key, value in found.items() if value}


def _reader_for(path: Path) -> Callable[[Path, bytes], tuple[str, dict[str, str]]]:
    suffix = path.suffix.lower()
    if suffix in {".md", ".markdown"}:
        return _read_markdown
    if suffix in TEXT_SUFFIXES:
        return _read_text
    if suffix in HTML_SUFFIXES:
        return _read_html
    if suffix == ".pdf":
        return _read_pdf
    if suffix == ".docx":
        return _read_docx
    raise UnreadableDocument(path, f"unsupported format {suffix or '(no suffix)'}")


def read_sidecar(path: Path) -> dict[str, str]:
    """Metadata from ``NAME.meta.json`` or ``NAME.meta.yaml`` next to the document, if any."""
    for base in (path.with_suffix(""), path):
        for suffix in SIDECAR_SUFFIXES:
            sidecar = base.with_name(base.name + suffix)
            if sidecar.is_file():
                return _parse_sidecar(sidecar)
    return {}


def _parse_sidecar(sidecar: Path) -> dict[str, str]:
    try:
        text = sidecar.read_text("utf-8")
        data = json.loads(text) if sidecar.suffix == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as error:
        raise UnreadableDocument(sidecar, f"unreadable metadata ({error})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UnreadableDocument(sidecar, "metadata must be a mapping of field to value")
    return {key: str(data[key]) for key in METADATA_FIELDS if data.get(key) not in (None, "")}


def read_document(path: Path, metadata: Mapping[str, str] | None = None) -> RawDocument:
    """Read one file; metadata comes from the file itself, its sidecar, then ``metadata``."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableDocument(path, "no such file")
    reader = _reader_for(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(path, f"cannot be read ({error.strerror})") from None
    text, found = reader(path, data)
    found.update(read_sidecar(path))
    found.update({key: value for key, value in (metadata or {}).items() if value})
    info = DocumentInfo(
        doc_id=path.stem,
        file_name=path.name,
        content_hash=hashlib.sha256(data).hexdigest(),
        **{key: found.get(key) for key in METADATA_FIELDS},
    )
    return RawDocument(info=info, text=text)


def load_metadata_csv(path: Path) -> dict[str, dict[str, str]]:
    """Per-file metadata from a CSV (comma, semicolon or tab) with a ``file`` column."""
    path = Path(path)
    try:
        text = decode_text(path.read_bytes(), path)
    except OSError as error:
        raise UnreadableDocument(path, f"cannot be read ({error.strerror})") from None
    try:
        # Dutch spreadsheets export with ";" between fields.
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.DictReader(text.splitlines(), dialect=dialect)
    if rows.fieldnames is None or "file" not in rows.fieldnames:
        raise UnreadableDocument(path, "the metadata CSV needs a 'file' column")
    table: dict[str, dict[str, str]] = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if name:
            table[Path(name).name] = {
                key: value.strip()
                for key, value in row.items()
                if key and key != "file" and value and value.strip()
            }
    return table
