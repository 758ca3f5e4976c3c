"""The real Heat or Ice skill behind the web layer, built the way ``make serve`` builds it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from heat_or_ice_web import serve
from tests.support.alexa_signing import (
    TEST_SKILL_ID,
    launch_request_body,
    signed_headers,
    verifier_trusting_test_root,
)


def test_the_real_skill_answers_a_signed_launch_over_http(tmp_path, serve_on_loopback):
    options = serve.parse_args(
        ["--skill-id", TEST_SKILL_ID, "--db", str(tmp_path / "skill.sqlite3")], environ={}
    )
    app = serve.build_app(options, environ={}, signature_verifier=verifier_trusting_test_root())
    url = serve_on_loopback(app)

    body = launch_request_body()
    request = urllib.request.Request(url, data=body, headers=signed_headers(body), method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        envelope = json.loads(response.read())
    assert envelope["version"] == "1.0"
    assert envelope["response"]["outputSpeech"]["ssml"].startswith("<speak>")

    other_skill = launch_request_body(application_id="amzn1.ask.skill.someone-else")
    request = urllib.request.Request(
        url, data=other_skill, headers=signed_headers(other_skill), method="POST"
    )
    try:
        urllib.request.urlopen(request, timeout=10)
        raise AssertionError("a request for another skill was answered")
    except urllib.error.HTTPError as error:
        with error:
            assert error.code == 400
