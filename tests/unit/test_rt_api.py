"""The REST 2 client of the rt connector: retries of 429 and 5xx answers with backoff (over a
local HTTP server that answers what RT answers when it is overloaded), pagination, and the
Airflow connection it is built from."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from gdpr.connections import spec_from_json
from gdpr.connectors.rt import RtApi, RtError


class Scripted(BaseHTTPRequestHandler):
    """Answers the scripted (status, headers, body) in turn, recording each path asked."""

    script: ClassVar[list[tuple[int, dict[str, str], object]]] = []
    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.asked.append(self.path)
        status, headers, body = self.script.pop(0)
        data = json.dumps(body).encode()
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        self.do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    Scripted.script, Scripted.asked = [], []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def page(ids, number, pages):
    return {"items": [{"id": i} for i in ids], "page": number, "pages": pages}


def test_429_and_5xx_are_retried_with_growing_waits_and_retry_after(server):
    Scripted.script = [
        (503, {}, {"message": "busy"}),
        (429, {"Retry-After": "2"}, {"message": "slow down"}),
        (502, {}, {}),
        (200, {}, page([1, 2], 1, 1)),
    ]
    waits: list[float] = []
    api = RtApi(server, backoff=0.5, sleep=waits.append)

    items = [item for items in api.pages("tickets", params={"query": "id > 0"}) for item in items]

    assert items == [{"id": 1}, {"id": 2}]
    assert waits == [0.5, 2.0, 2.0], "doubling backoff; RT's Retry-After when it gives one"


def test_a_lasting_error_is_raised_after_the_retries_and_a_refusal_at_once(server):
    Scripted.script = [(500, {}, {"message": "broken"})] * 3 + [(400, {}, {"message": "bad"})]
    api = RtApi(server, retries=2, sleep=lambda _: None)
    with pytest.raises(RtError, match="500: broken"):
        api.request("GET", "tickets")
    with pytest.raises(RtError, match="400: bad"):
        api.request("GET", "tickets")
    assert len(Scripted.asked) == 4, "three tries of the 500, one of the 400"


def test_an_unreachable_rt_is_retried_then_named_without_the_query():
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    waits: list[float] = []
    api = RtApi(f"http://127.0.0.1:{port}", retries=2, backoff=0.25, sleep=waits.append)
    query = {"query": "Requestor.EmailAddress = 'alice@example.com'"}
    with pytest.raises(RtError) as info:
        api.request("GET", "tickets", params=query)
    assert waits == [0.25, 0.5]
    assert "alice" not in str(info.value)
    assert info.value.__cause__ is None, "no chained error carrying the URL"


def test_rts_echo_of_a_refused_query_is_left_out_of_the_error(server):
    message = "Wrong query, expecting a OPERATOR in 'Requestor.EmailAddress alice@example.com'"
    Scripted.script = [(400, {}, {"message": message})]
    with pytest.raises(RtError) as info:
        RtApi(server, sleep=lambda _: None).request("GET", "tickets")
    assert str(info.value) == "RT answered 400: Wrong query, expecting a OPERATOR in"


def test_a_reply_is_not_sent_again_after_a_server_error(server):
    Scripted.script = [(503, {}, {"message": "busy"}), (200, {}, ["reply recorded"])]
    api = RtApi(server, sleep=lambda _: None)
    with pytest.raises(RtError, match="503"):
        api.request("POST", "ticket/4/correspond", body={"Content": "x"}, once=True)
    assert len(Scripted.asked) == 1, "RT may have written it before failing: not sent twice"


def test_every_page_is_read_in_id_order(server):
    Scripted.script = [(200, {}, page([1, 2], 1, 2)), (200, {}, page([3], 2, 2))]
    api = RtApi(server, sleep=lambda _: None)
    assert [[i["id"] for i in items] for items in api.pages("tickets")] == [[1, 2], [3]]
    assert all("orderby=id" in path and "per_page=100" in path for path in Scripted.asked)
    assert ["page=1" in Scripted.asked[0], "page=2" in Scripted.asked[1]] == [True, True]


def test_the_client_is_built_from_an_airflow_http_connection():
    basic = RtApi.from_spec(
        spec_from_json(
            "rt",
            {
                "conn_type": "http",
                "host": "rt.internal",
                "schema": "https",
                "port": 8443,
                "login": "gdpr",
                "password": "s3cret",
            },
        )
    )
    assert (basic.base_url, basic.auth, basic.token) == (
        "https://rt.internal:8443",
        ("gdpr", "s3cret"),
        None,
    )
    token = RtApi.from_spec(
        spec_from_json(
            "rt",
            {"conn_type": "http", "host": "https://rt.internal/rt/", "extra": {"token": "1-2-x"}},
        )
    )
    assert (token.base_url, token.auth, token.token) == ("https://rt.internal/rt", None, "1-2-x")
