"""The running app, driven through gradio_client on a free port: upload, filter, download."""
import csv
import socket

import pytest

gradio_client = pytest.importorskip("gradio_client")

from ui import build_app  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ui") / "ui.db")
    app = build_app(db)  # an empty database: the demo corpus is loaded on first start
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False, show_error=True)
    yield gradio_client.Client(f"http://127.0.0.1:{port}/", verbose=False)
    app.close()


def test_upload_shows_per_file_results_and_the_new_asks(client, tmp_path):
    good = tmp_path / "libraries.txt"
    good.write_text("Dear Head of Libraries,\n\nWe urge the county council to reopen Millbrook library on Saturdays.\n\n"
                    "Yours sincerely,\nAnn Lee\nFriends of Millbrook Library\n")
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    results, asks, _text, _docs, prompt = client.predict(
        [gradio_client.handle_file(str(good)), gradio_client.handle_file(str(bad))], "", "", "", "", api_name="/upload")
    by_file = {r[0]: r for r in results["data"]}
    assert by_file["libraries.txt"][1] == "ok" and by_file["empty.txt"][1] == "error"
    assert "empty" in by_file["empty.txt"][2]
    texts = [row[asks["headers"].index("text")] for row in asks["data"]]
    assert any("reopen Millbrook library" in t for t in texts)


def test_filter_and_download_exactly_the_filtered_rows(client, tmp_path):
    table, caption, page = client.predict(None, "request", "", "", "", "", "", "", api_name="/filter_asks")
    types = {row[table["headers"].index("type")] for row in table["data"]}
    assert table["data"] and types == {"request"} and page == 1
    assert f"of {len(table['data'])} (page 1 of 1)" in caption
    path = client.predict("csv", api_name="/download")  # the filtered rows are kept in the session's state
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    assert len(rows) == len(table["data"]) and {r["type"] for r in rows} == {"request"}
    assert all(r["doc"] and r["start"].isdigit() and r["text"] for r in rows)


def test_a_consultation_export_it_cannot_read_asks_for_its_columns(client, tmp_path):
    export = tmp_path / "survey.csv"
    export.write_text("Ref,Group,Q\nA1,Riders Club,Cheaper fares\nA2,Walkers,Wider pavements\n")
    # short answers under a bare "Q" header: no column is recognisably free text, so the app asks
    results, _asks, _text, _docs, prompt = client.predict([gradio_client.handle_file(str(export))], "", "", "", "",
                                                          api_name="/upload")
    assert results["data"][0][1] == "error"
    assert "Which columns are which?" in prompt and "survey.csv" in prompt and "Ref, Group, Q" in prompt
    # named explicitly, the same export goes in, one document a respondent
    results, _asks, _text, _docs, prompt = client.predict([gradio_client.handle_file(str(export))], "Ref", "Group", "", "Q",
                                                          api_name="/upload")
    assert results["data"][0][1] == "ok" and prompt == ""


def test_basic_auth_keeps_out_who_has_no_password(tmp_path):
    app = build_app(str(tmp_path / "auth.db"))
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False,
                       auth=("officer", "s3cret"))
    try:
        url = f"http://127.0.0.1:{port}/"
        with pytest.raises(Exception):
            gradio_client.Client(url, verbose=False).predict("csv", api_name="/download")
        client = gradio_client.Client(url, auth=("officer", "s3cret"), verbose=False)
        table, _caption, _page = client.predict(None, "request", "", "", "", "", "", "", api_name="/filter_asks")
        assert table["data"]
    finally:
        app.close()


def test_the_app_listens_on_localhost_by_default(monkeypatch):
    from ui import parse_args

    for var in ("ASKMAP_HOST", "ASKMAP_PORT", "ASKMAP_AUTH"):
        monkeypatch.delenv(var, raising=False)
    args = parse_args([])
    assert (args.host, args.port, args.auth) == ("127.0.0.1", 7860, None)
    monkeypatch.setenv("ASKMAP_AUTH", "officer:s3cret")
    assert parse_args(["--host", "0.0.0.0"]).auth == ["officer:s3cret"]
