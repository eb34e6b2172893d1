"""Who is using the dashboard, and stopping a page (or a button) they may not use. Streamlit lives here;
the decisions are geo/roles.py's.

A page that writes calls ``require(Action.UPLOAD)`` (or the action it does)
before it writes, and shows its write controls only when ``allowed(...)`` is true.
"""

from __future__ import annotations

import getpass

import streamlit as st

from geo import settings
from geo.escape import markdown_text
from geo.roles import Action, Identity, NotAllowed, identify, may, people
from geo.roles import require as decide


def identity() -> Identity | None:
    """The person asking, as geo.roles.identify sees them from the settings, st.user and the request headers."""
    mode = settings.get("TROOPMAP_AUTH")
    oidc_user = st.user.to_dict() if mode == "oidc" else None
    headers = _header_pairs() if mode == "proxy" else None
    return identify(
        mode=mode,
        bind_address=st.get_option("server.address") or "",
        local_user=_local_user(),
        oidc_user=oidc_user,
        headers=headers,
        proxy_header=settings.get("TROOPMAP_PROXY_HEADER"),
        editors=people(settings.get("TROOPMAP_EDITORS")),
        admins=people(settings.get("TROOPMAP_ADMINS")),
    )


def allowed(action: Action) -> bool:
    return may(identity(), action)


def require(action: Action) -> Identity:
    """The person, when they may do ``action``; otherwise the reason on the page, and the page stops there."""
    try:
        return decide(identity(), action)
    except NotAllowed as e:
        st.error(markdown_text(f"Not allowed: {e}."))  # names a user: a header value is anyone's text
        if settings.get("TROOPMAP_AUTH") == "oidc" and not st.user.is_logged_in:
            st.button("Sign in", on_click=st.login)
        st.stop()


def _header_pairs() -> list[tuple[str, str]]:
    headers = st.context.headers
    return [(k, v) for k in headers.keys() for v in headers.get_all(k)]


def _local_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "local"
