"""Shared fixtures: the shared/ folder (seed corpus, gold, data), a live server and a browser."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_DIR.parent / "shared"
ARTIFACTS_DIR = PROJECT_DIR / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (seed corpus, gold, data); skips the test when absent."""
    if not (SHARED_DIR / "corpus").is_dir():
        pytest.skip(f"{SHARED_DIR} is absent: seed corpus, gold and data tests need it")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seed_corpus(shared_dir: Path) -> Path:
    """The folder of the five seed documents."""
    return shared_dir / "corpus"


@pytest.fixture(scope="session")
def seed_build(seed_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The whole seed corpus built once through `govgraph build`: the TriG path and its log."""
    from click.testing import CliRunner

    from govgraph.cli import cli

    output = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    result = CliRunner().invoke(cli, ["build", str(seed_corpus), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output, result.output


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave screenshots and reports for a person to look at."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


def serve_in_thread(app: object) -> Iterator[str]:
    """Serve a WSGI app with waitress on a free 127.0.0.1 port; yield its base URL."""
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Debian chromium driven by Playwright, with no network beyond loopback."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
