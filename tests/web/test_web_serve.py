"""The serve command line: safe defaults, refusing unverified serving off loopback, loud warnings."""

from __future__ import annotations

import pytest
from flask import Flask

from heat_or_ice_web import serve
from heat_or_ice_web.app import create_app
from tests.web.hello_skill import hello_skill


def test_defaults_bind_loopback_with_verification_on():
    options = serve.parse_args([], environ={})
    assert (options.host, options.port) == ("127.0.0.1", 5000)
    assert options.insecure_no_verify is False
    assert options.skill_id is None and options.db is None


def test_skill_id_and_database_default_to_the_environment():
    environ = {"SKILL_ID": "amzn1.ask.skill.from-env", "SKILL_DB_PATH": "/tmp/skill.sqlite3"}
    options = serve.parse_args([], environ=environ)
    assert options.skill_id == "amzn1.ask.skill.from-env"
    assert options.db == "/tmp/skill.sqlite3"
    assert serve.parse_args(["--skill-id", "amzn1.ask.skill.flag"], environ).skill_id == (
        "amzn1.ask.skill.flag"
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "my-laptop.local"])
def test_insecure_mode_is_refused_off_loopback(host, capsys):
    with pytest.raises(SystemExit) as exit_info:
        serve.parse_args(["--insecure-no-verify", "--host", host], environ={})
    assert exit_info.value.code == 2
    assert "--insecure-no-verify is allowed only with" in capsys.readouterr().err


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost"])
def test_insecure_mode_is_allowed_on_loopback(host):
    assert serve.parse_args(["--insecure-no-verify", "--host", host], environ={}).insecure_no_verify


def test_a_port_out_of_range_is_refused():
    with pytest.raises(SystemExit):
        serve.parse_args(["--port", "70000"], environ={})


def test_the_skill_environment_applies_the_command_line():
    options = serve.parse_args(["--skill-id", "amzn1.ask.skill.x", "--db", "/tmp/a.sqlite3"], {})
    environ = {"DYNAMODB_TABLE": "heat-or-ice", "SKILL_ID": "amzn1.ask.skill.old", "HOME": "/h"}
    assert serve.skill_environment(options, environ) == {
        "SKILL_ID": "amzn1.ask.skill.x", "SKILL_DB_PATH": "/tmp/a.sqlite3", "HOME": "/h"
    }


def test_help_says_a_device_needs_https_in_front(capsys):
    with pytest.raises(SystemExit):
        serve.parse_args(["--help"], environ={})
    help_text = " ".join(capsys.readouterr().out.split())
    assert "HTTPS tunnel or a reverse proxy (port 443, valid certificate)" in help_text


@pytest.fixture
def started(monkeypatch):  # noqa: ANN001, ANN201
    """Run serve.main with the hello skill and without binding: records what it would serve."""
    runs = []

    def build_app(options, environ=None):  # noqa: ANN001, ANN202
        verify = not options.insecure_no_verify
        return create_app(
            hello_skill(), verify_signature=verify, verify_timestamp=verify,
            serve_host=options.host,
        )

    monkeypatch.setattr(serve, "build_app", build_app)
    monkeypatch.setattr(Flask, "run", lambda app, **kwargs: runs.append((app, kwargs)))
    monkeypatch.delenv("SKILL_ID", raising=False)
    return runs


def test_starting_insecure_prints_a_banner_and_serves_loopback_only(started, capsys):
    assert serve.main(["--insecure-no-verify", "--skill-id", "amzn1.ask.skill.x"]) == 0
    err = capsys.readouterr().err
    assert "ALEXA REQUEST VERIFICATION IS OFF" in err
    app, kwargs = started[0]
    assert (kwargs["host"], kwargs["port"]) == ("127.0.0.1", 5000)
    assert app.config["ALEXA_VERIFY_SIGNATURE"] is False


def test_starting_without_a_skill_id_warns_loudly(started, capsys):
    serve.main([])
    err = capsys.readouterr().err
    assert "no skill id" in err
    assert "ALEXA REQUEST VERIFICATION IS OFF" not in err
    assert started[0][0].config["ALEXA_VERIFY_SIGNATURE"] is True
