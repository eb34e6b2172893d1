"""Who may change the map: roles, the actions each allows, and who someone is.

Viewers read; editors upload, review, fix places and retract events; admins also manage users. Identity comes
from one of three places, chosen by TROOPMAP_AUTH:

* ``local`` (the default): no sign-in. Only safe while the server listens on this machine alone (127.0.0.1),
  where whoever reaches it is at the machine; that person is an admin. Served on any other address, everyone
  is a viewer, since anyone on the network could be anyone.
* ``oidc``: Streamlit's ``st.login`` (configured in ``.streamlit/secrets.toml``, ``[auth]``); the signed-in
  e-mail address names the person.
* ``proxy``: a reverse proxy that signs people in (oauth2-proxy, nginx ``auth_request``) and passes the e-mail
  address in a header (TROOPMAP_PROXY_HEADER). The header is trusted only while the server listens on
  127.0.0.1, so that only the proxy can reach it; otherwise anyone could send the header.

Signed-in people are viewers unless TROOPMAP_EDITORS or TROOPMAP_ADMINS (comma-separated e-mail addresses)
name them. This module decides; the pages ask it (``views/auth.py``). Nothing here imports streamlit.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from geo.errors import TroopmapError, clip

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class Role(enum.IntEnum):
    VIEWER = 1
    EDITOR = 2
    ADMIN = 3

    @property
    def label(self) -> str:
        return self.name.lower()


class Action(enum.Enum):
    READ = "read the map"
    UPLOAD = "upload files"
    REVIEW = "review events"
    FIX_PLACE = "fix places"
    RETRACT = "retract events"
    MANAGE_USERS = "manage users"


NEEDS: dict[Action, Role] = {
    Action.READ: Role.VIEWER,
    Action.UPLOAD: Role.EDITOR,
    Action.REVIEW: Role.EDITOR,
    Action.FIX_PLACE: Role.EDITOR,
    Action.RETRACT: Role.EDITOR,
    Action.MANAGE_USERS: Role.ADMIN,
}

MODES = ("local", "oidc", "proxy")


class NotAllowed(TroopmapError, PermissionError):
    """Someone tried what their role does not allow."""


class AuthConfigError(TroopmapError, ValueError):
    """TROOPMAP_AUTH or its companions say something that cannot be right."""


@dataclass(frozen=True)
class Identity:
    """Who is asking: ``user`` (an e-mail address, or the local account), their role, and how we know."""

    user: str
    role: Role
    via: str  # "local", "oidc" or "proxy"


def people(text: str | Iterable[str] | None) -> frozenset[str]:
    """E-mail addresses from a comma-separated setting (or any iterable), compared case-insensitively."""
    items = text.split(",") if isinstance(text, str) else (text or ())
    return frozenset(p.strip().casefold() for p in items if p and p.strip())


def role_of(user: str, *, editors: frozenset[str], admins: frozenset[str]) -> Role:
    who = user.strip().casefold()
    if who in admins:
        return Role.ADMIN
    if who in editors:
        return Role.EDITOR
    return Role.VIEWER


def may(identity: Identity | None, action: Action) -> bool:
    """Whether ``identity`` (None: nobody signed in) may do ``action``."""
    return identity is not None and identity.role >= NEEDS[action]


def require(identity: Identity | None, action: Action) -> Identity:
    """``identity`` itself when it may do ``action``; :class:`NotAllowed` with a short reason otherwise."""
    if identity is None:
        raise NotAllowed(f"sign in to {action.value}")
    if not may(identity, action):
        needed = NEEDS[action].label
        raise NotAllowed(
            f"{clip(identity.user, 80)} is a {identity.role.label} and may not {action.value}; "
            f"{'an' if needed[0] in 'aeiou' else 'a'} {needed} may"
        )
    return identity


def identify(
    *,
    mode: str,
    bind_address: str,
    local_user: str,
    oidc_user: Mapping[str, object] | None = None,
    headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    proxy_header: str = "X-Forwarded-Email",
    editors: frozenset[str] = frozenset(),
    admins: frozenset[str] = frozenset(),
) -> Identity | None:
    """Who is asking, from what the server knows; None when nobody is signed in (or cannot be trusted)."""
    mode = (mode or "local").strip().lower()
    if mode not in MODES:
        raise AuthConfigError(f"TROOPMAP_AUTH is {clip(mode, 20)!r}; use one of {', '.join(MODES)}")
    on_loopback = (bind_address or "") in LOOPBACK
    if mode == "local":
        # at the machine itself, whoever reaches the server is its owner; on a network, nobody is known
        return Identity(local_user or "local", Role.ADMIN if on_loopback else Role.VIEWER, "local")
    if mode == "oidc":
        if not oidc_user or not oidc_user.get("is_logged_in"):
            return None
        email = str(oidc_user.get("email") or "").strip()
        if not email or oidc_user.get("email_verified") is False:
            return None  # a provider that vouches for no address names nobody
        return Identity(email, role_of(email, editors=editors, admins=admins), "oidc")
    # proxy: the header is only as good as the guarantee that nothing but the proxy can reach the server
    if not on_loopback:
        return None
    value = _header(headers or {}, proxy_header)
    if not value:
        return None
    return Identity(value, role_of(value, editors=editors, admins=admins), "proxy")


def _header(headers: Mapping[str, str] | Iterable[tuple[str, str]], name: str) -> str:
    """The one value of header ``name`` ("" when there is none, or more than one)."""
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    wanted = name.casefold()
    values = [v for k, v in pairs if k.casefold() == wanted]
    # two values mean a client added its own beside the proxy's: trust neither
    return values[0].strip() if len(values) == 1 and "," not in values[0] else ""
