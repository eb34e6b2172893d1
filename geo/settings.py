"""Every ``TROOPMAP_*`` setting as plain data: its name, default and what it means.

Settings come from the environment. Entry points ask this module (``get``) rather than reading ``os.environ``
themselves; README.md's settings table names each one, and ``tests/test_docs.py`` checks it does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = {
    s.name: s
    for s in [
        Setting("TROOPMAP_DB", "~/.local/share/troopmap/troopmap.db", "the store: a SQLite path or sqlite:///PATH"),
        Setting("TROOPMAP_CACHE", "~/.cache/troopmap", "where the built gazetteer index is cached"),
        Setting("TROOPMAP_NOMINATIM", "", "1 lets unresolved names go to Nominatim (online)"),
        Setting("TROOPMAP_NO_SAMPLES", "", "1 starts the dashboard on an empty store"),
        Setting("TROOPMAP_CLASSIFICATION", "", "default handling line printed on exported images"),
        Setting("TROOPMAP_CHROMIUM", "", "the Chromium that draws map images (default: chromium on the PATH)"),
        Setting(
            "TROOPMAP_MAX_UPLOAD_MB",
            "200",
            "largest file the dashboard and the command line read, in MB (Streamlit's server.maxUploadSize is 200)",
        ),
        Setting("TROOPMAP_AUTH", "local", "who people are: local (no sign-in), oidc (st.login) or proxy (a header)"),
        Setting("TROOPMAP_PROXY_HEADER", "X-Forwarded-Email", "with TROOPMAP_AUTH=proxy: the header naming the person"),
        Setting("TROOPMAP_EDITORS", "", "comma-separated e-mail addresses of editors (upload, review, fix places)"),
        Setting("TROOPMAP_ADMINS", "", "comma-separated e-mail addresses of admins (editors who also manage users)"),
        Setting(
            "TROOPMAP_ADDRESS",
            "127.0.0.1",
            "the address scripts/run.sh serves the dashboard on; 0.0.0.0 opens it to the network",
        ),
    ]
}


def get(name: str) -> str:
    """The setting's value from the environment, else its default."""
    return os.environ.get(name) or SETTINGS[name].default


def max_upload_bytes() -> int:
    """TROOPMAP_MAX_UPLOAD_MB in bytes (the default when it is not a positive number)."""
    try:
        mb = float(get("TROOPMAP_MAX_UPLOAD_MB"))
    except ValueError:
        mb = float(SETTINGS["TROOPMAP_MAX_UPLOAD_MB"].default)
    if mb <= 0:
        mb = float(SETTINGS["TROOPMAP_MAX_UPLOAD_MB"].default)
    return int(mb * 1024 * 1024)
