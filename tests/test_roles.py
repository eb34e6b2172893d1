"""Roles: who may change the map, decided without Streamlit (geo/roles.py)."""

import pytest

from geo.roles import Action, AuthConfigError, Identity, NotAllowed, Role, identify, may, people, require

TEAM = {"editors": people("Ed@example.org, ed2@example.org"), "admins": people("root@example.org")}


def who(**kw):
    base = {"mode": "oidc", "bind_address": "127.0.0.1", "local_user": "analyst"} | TEAM
    return identify(**(base | kw))


def test_viewers_read_editors_write_admins_manage():
    viewer, editor, admin = (Identity("x", r, "oidc") for r in Role)
    assert [may(viewer, a) for a in Action] == [a is Action.READ for a in Action]
    assert [may(editor, a) for a in Action] == [a is not Action.MANAGE_USERS for a in Action]
    assert all(may(admin, a) for a in Action)
    assert not may(None, Action.READ)


def test_a_viewer_who_tries_to_upload_is_told_why_not():
    viewer = Identity("someone@example.org", Role.VIEWER, "oidc")
    with pytest.raises(NotAllowed, match="someone@example.org is a viewer and may not upload files; an editor may"):
        require(viewer, Action.UPLOAD)
    with pytest.raises(PermissionError, match="sign in to upload files"):
        require(None, Action.UPLOAD)
    editor = Identity("ed@example.org", Role.EDITOR, "oidc")
    assert require(editor, Action.FIX_PLACE) is editor


def test_oidc_people_get_the_role_the_settings_name_case_insensitively():
    assert who(oidc_user={"is_logged_in": True, "email": "ED@example.org"}).role is Role.EDITOR
    assert who(oidc_user={"is_logged_in": True, "email": "root@example.org"}).role is Role.ADMIN
    assert who(oidc_user={"is_logged_in": True, "email": "new@example.org"}) == Identity(
        "new@example.org", Role.VIEWER, "oidc"
    )
    assert who(oidc_user={"is_logged_in": False}) is None
    assert who(oidc_user={"is_logged_in": True, "email": "ed@example.org", "email_verified": False}) is None


def test_no_sign_in_is_an_admin_at_the_machine_and_a_viewer_on_a_network():
    assert who(mode="local") == Identity("analyst", Role.ADMIN, "local")
    assert who(mode="local", bind_address="0.0.0.0").role is Role.VIEWER
    assert who(mode="", bind_address="").role is Role.VIEWER  # Streamlit's default address is every interface


def test_a_proxy_header_is_trusted_only_behind_loopback_and_only_once():
    headers = {"X-Forwarded-Email": "ed@example.org"}
    assert who(mode="proxy", headers=headers) == Identity("ed@example.org", Role.EDITOR, "proxy")
    assert who(mode="proxy", headers={"x-forwarded-email": "root@example.org"}).role is Role.ADMIN
    assert who(mode="proxy", headers=headers, bind_address="0.0.0.0") is None  # anyone could send it
    assert who(mode="proxy", headers={}) is None
    twice = [("X-Forwarded-Email", "ed@example.org"), ("X-Forwarded-Email", "root@example.org")]
    assert who(mode="proxy", headers=twice) is None
    assert who(mode="proxy", headers={"X-Forwarded-Email": "ed@example.org, root@example.org"}) is None
    assert who(mode="proxy", headers={"X-User": "ed@example.org"}, proxy_header="X-User").role is Role.EDITOR


def test_an_unknown_mode_is_a_configuration_error():
    with pytest.raises(AuthConfigError, match="TROOPMAP_AUTH"):
        who(mode="ldap")


def _upload_page():
    import streamlit as st

    from geo.roles import Action
    from views.auth import require

    who = require(Action.UPLOAD)
    st.write(f"uploading as {who.user}")


@pytest.mark.parametrize("address, stored", [("127.0.0.1", True), ("0.0.0.0", False)])
def test_a_page_that_writes_stops_anyone_who_may_not(monkeypatch, address, stored):
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TROOPMAP_AUTH", "local")
    before = config.get_option("server.address")
    config.set_option("server.address", address)
    try:
        at = AppTest.from_function(_upload_page).run()
    finally:
        config.set_option("server.address", before)
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert ("uploading as" in text) is stored
    if not stored:
        assert "is a viewer and may not upload files" in at.error[0].value
