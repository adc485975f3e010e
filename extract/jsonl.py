"""Reading the line-per-record data files under ``extract/data``."""

from __future__ import annotations

import json
from pathlib import Path


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSONL file, skipping blank lines and ``//`` comment lines."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip() and not line.startswith("//")]
