"""Fixtures of the web tests that run on the hand-written network-views dataset."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.views_support import views_app


@pytest.fixture(scope="module")
def views() -> Flask:
    """One app over the fixture dataset per test module."""
    return views_app()


@pytest.fixture
def views_client(views: Flask) -> FlaskClient:
    """A test client of the fixture app."""
    return views.test_client()
