"""Sign-in (issue 15): a malformed --auth / ASKMAP_AUTH stops the app instead of turning the login off, failed
attempts are rate-limited (the right password is refused while a name is locked), binding beyond localhost
without a login is warned about, and a port in use is a one-line error."""
import socket

import httpx
import pytest

import ui
from askmap.auth import AuthError, Limiter, checker, exposure_warning, parse_auth
from tests.ui.test_app_client import free_port


@pytest.mark.parametrize("value", ["secret", ":secret", "officer:", "  :x", ""])
def test_malformed_auth_is_an_error(value):
    with pytest.raises(AuthError):
        parse_auth(value)


def test_accounts_from_values_and_a_file(tmp_path):
    f = tmp_path / "accounts"
    f.write_text("# the team\nann:pa:ss\n\nbob:hunter2\n")
    assert parse_auth(["officer:s3cret", f"@{f}"]) == [("officer", "s3cret"), ("ann", "pa:ss"), ("bob", "hunter2")]
    assert parse_auth(None) == []
    with pytest.raises(AuthError, match="cannot read"):
        parse_auth(f"@{tmp_path / 'missing'}")


@pytest.mark.parametrize("how", ["flag", "env"])
def test_the_app_refuses_to_start_with_a_malformed_auth(monkeypatch, capsys, how):
    monkeypatch.setattr(ui, "build_app", lambda *a, **k: pytest.fail("the app was built with a malformed --auth"))
    monkeypatch.delenv("ASKMAP_AUTH", raising=False)
    if how == "env":
        monkeypatch.setenv("ASKMAP_AUTH", "secret")
        code = ui.main(["--port", str(free_port())])
    else:
        code = ui.main(["--auth", "secret", "--port", str(free_port())])
    assert code == 2
    assert "error: --auth must be user:password" in capsys.readouterr().err


def test_failed_sign_ins_lock_the_name_even_for_the_right_password():
    now = [0.0]
    check = checker([("officer", "s3cret")], Limiter(clock=lambda: now[0]))
    assert check("officer", "s3cret")
    for i in range(40):
        now[0] += 0.01
        assert not check("officer", f"guess{i}")
    assert not check("officer", "s3cret")  # locked: the right password is refused too
    assert not check("nobody", "s3cret")
    now[0] += 61 + 40 * 0.01
    assert check("officer", "s3cret")


def test_a_served_app_rate_limits_its_login(tmp_path):
    app = ui.build_app(str(tmp_path / "auth.db"))
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False,
                       auth=checker([("officer", "s3cret")]))
    try:
        url = f"http://127.0.0.1:{port}/login"
        with httpx.Client(timeout=30) as c:
            assert c.post(url, data={"username": "officer", "password": "s3cret"}).status_code == 200
        with httpx.Client(timeout=30) as c:
            for i in range(40):
                assert c.post(url, data={"username": "officer", "password": f"wrong{i}"}).status_code >= 400
            assert c.post(url, data={"username": "officer", "password": "s3cret"}).status_code >= 400
        with httpx.Client(timeout=30) as c:  # another name is not locked
            assert c.post(url, data={"username": "someone", "password": "x"}).status_code >= 400
    finally:
        app.close()


def test_exposure_warning():
    assert exposure_warning("127.0.0.1", []) is None
    assert exposure_warning("0.0.0.0", [("a", "b")]) is None
    assert "without --auth" in exposure_warning("0.0.0.0", [])


def test_a_port_in_use_is_one_clear_line(monkeypatch, capsys):
    monkeypatch.setattr(ui, "build_app", lambda *a, **k: pytest.fail("built although the port is taken"))
    monkeypatch.delenv("ASKMAP_AUTH", raising=False)
    with socket.socket() as s:
        s.bind(("0.0.0.0", 0))
        s.listen()
        port = s.getsockname()[1]
        assert ui.main(["--host", "0.0.0.0", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert "warning: serving on 0.0.0.0 without --auth" in err
    assert f"error: port {port} on 0.0.0.0 is in use" in err and "ASKMAP_PORT" in err
    assert "Traceback" not in err


def test_theme_edits_are_logged_under_the_signed_in_analyst(tmp_path):
    import gradio_client
    from sqlalchemy import select

    from askmap.store import open_engine
    from askmap.store.schema import theme_edits
    from askmap.store.themes import load_themes

    db = str(tmp_path / "team.db")
    app = ui.build_app(db)
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False,
                       auth=checker([("ann", "pw-ann"), ("bob", "pw-bob")]))
    try:
        engine = open_engine(db)
        theme = load_themes(engine)[0]
        client = gradio_client.Client(f"http://127.0.0.1:{port}/", auth=("bob", "pw-bob"), verbose=False)
        client.predict("rename", theme.id, None, "Renamed by Bob", "", "", api_name="/edit")
        with engine.connect() as conn:
            args = [r.args for r in conn.execute(select(theme_edits))]
        assert {"action": "rename", "by": "bob"}.items() <= {"action": "rename", **args[-1]}.items(), args
    finally:
        app.close()


def test_command_line_edits_are_logged_under_askmap_user(tmp_path, monkeypatch):
    from sqlalchemy import select

    from askmap.cli import main
    from askmap.store import open_engine
    from askmap.store.schema import theme_edits
    from askmap.store.themes import load_themes

    db = str(tmp_path / "cli.db")
    (tmp_path / "a.txt").write_text("Dear Council,\n\nWe ask the council to light the towpath.\n\nYours,\nAnn\n")
    assert main(["--db", db, "ingest", str(tmp_path / "a.txt")]) == 0
    theme = load_themes(open_engine(db))[0]
    monkeypatch.setenv("ASKMAP_USER", "carol")
    assert main(["--db", db, "themes", "rename", theme.id, "Towpaths"]) == 0
    with open_engine(db).connect() as conn:
        assert [r.args["by"] for r in conn.execute(select(theme_edits))] == ["carol"]
