"""The same checks over a real HTTP connection to a server on 127.0.0.1, as Alexa would call it."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request

from heat_or_ice_web.app import MAX_REQUEST_BYTES
from tests.support.alexa_signing import launch_request_body, signed_headers, stale_timestamp
from tests.web.hello_skill import HELLO_SPEECH


def http_post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def test_a_signed_request_over_http_gets_the_skills_answer(verified_app, serve_on_loopback):
    url = serve_on_loopback(verified_app)
    body = launch_request_body()
    status, envelope = http_post(url, body, signed_headers(body))
    assert status == 200
    assert HELLO_SPEECH in envelope["response"]["outputSpeech"]["ssml"]


def test_unsigned_and_stale_requests_over_http_are_refused(verified_app, serve_on_loopback):
    url = serve_on_loopback(verified_app)
    unsigned = launch_request_body()
    assert http_post(url, unsigned, {"Content-Type": "application/json"})[0] == 400

    stale = launch_request_body(timestamp=stale_timestamp())
    status, error = http_post(url, stale, signed_headers(stale))
    assert (status, error["error"]) == (400, "verification_failed")



def test_an_oversize_request_over_http_is_refused_from_its_headers(verified_app, serve_on_loopback):
    # Only the headers are sent: the server must answer 413 without waiting for the body (and
    # the client never writes into a socket the server has closed, which would race with RST).
    port = int(serve_on_loopback(verified_app).rsplit(":", 1)[1].strip("/"))
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("POST", "/")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(MAX_REQUEST_BYTES + 1))
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["error"] == "request_entity_too_large"
    finally:
        connection.close()


def test_health_over_http(verified_app, serve_on_loopback):
    with urllib.request.urlopen(serve_on_loopback(verified_app), timeout=10) as response:
        assert response.status == 200
        assert b"Request verification: on" in response.read()
