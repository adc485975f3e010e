"""A fingerprint of the extraction code and rules, so builds can tell stale extractions apart."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

EXTRACT_DIR = Path(__file__).parent
RULE_SUFFIXES = {".py", ".jsonl", ".json", ".txt", ".cfg"}


@lru_cache(maxsize=4)
def extractor_version(model: str | None = None) -> str:
    """Sixteen hex digits that change with the extract code, its rule files or the base model."""
    digest = hashlib.sha256((model or "blank:nl").encode())
    for path in sorted(EXTRACT_DIR.rglob("*")):
        if path.suffix in RULE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(EXTRACT_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
