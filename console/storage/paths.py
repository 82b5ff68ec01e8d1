"""Where the console keeps things by default (platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from console import APP_SLUG


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))


def default_vault() -> Path:
    return data_dir() / "vault"


def demo_vault() -> Path:
    return data_dir() / "demo-vault"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_SLUG, appauthor=False))
