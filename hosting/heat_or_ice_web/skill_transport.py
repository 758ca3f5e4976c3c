"""How the console builds and reaches the skill: over HTTP (the flask-ask-sdk app on loopback), or in-process.

Each transport is a callable: request envelope dict in, response envelope dict out, SkillCallFailed on
any failure, so the console can say what a device says ("There was a problem with the requested skill's
response") and carry on.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import os
import threading
from pathlib import Path

import requests

from heat_or_ice_web.console_alexa import SkillCallFailed


class SkillLoadError(Exception):
    """The skill factory named on the command line cannot be imported or called."""


def load_skill(spec: str) -> object:
    """Build the skill from "package.module:function" or "path/to/file.py:function"."""
    where, _, function = spec.partition(":")
    try:
        if where.endswith(".py"):
            found = importlib.util.spec_from_file_location(Path(where).stem, where)
            module = importlib.util.module_from_spec(found)
            found.loader.exec_module(module)
        else:
            module = importlib.import_module(where)
        return getattr(module, function or "build_skill")()
    except Exception as problem:  # whatever the factory raises, the console reports it in one line
        raise SkillLoadError(
            f"Cannot build the skill from {spec!r}: {type(problem).__name__}: {problem}"
        ) from problem


class HttpSkill:
    """POSTs envelopes to a skill URL, as Alexa does (without the signature headers)."""

    def __init__(self, url: str, timeout: float = 30.0):
        self.url = url
        self.timeout = timeout
        self._http = requests.Session()
        self._http.trust_env = False  # a proxy from the environment must never sit between us and loopback

    def __call__(self, envelope: dict) -> dict:
        try:
            reply = self._http.post(
                self.url,
                data=json.dumps(envelope),
                timeout=self.timeout,
                headers={"Content-Type": "application/json"},
                verify=os.environ.get("REQUESTS_CA_BUNDLE") or True,
            )
        except requests.RequestException as problem:
            raise SkillCallFailed(f"cannot reach {self.url}: {problem}") from problem
        if reply.status_code != 200:
            raise SkillCallFailed(f"HTTP {reply.status_code}: {reply.text.strip()[:300]}")
        try:
            return reply.json()
        except ValueError as problem:
            raise SkillCallFailed(f"the reply is not JSON: {reply.text[:200]!r}") from problem


class InProcessSkill:
    """Calls skill.invoke directly, through the SDK's serializer, the way its lambda handler does."""

    def __init__(self, skill: object):
        from ask_sdk_core.serialize import DefaultSerializer

        self.skill = skill
        self.serializer = DefaultSerializer()

    def __call__(self, envelope: dict) -> dict:
        from ask_sdk_model import RequestEnvelope

        request = self.serializer.deserialize(json.dumps(envelope), RequestEnvelope)
        try:
            response = self.skill.invoke(request_envelope=request, context=None)  # type: ignore[attr-defined]
        except Exception as problem:  # the skill's own failure, reported like a device would
            raise SkillCallFailed(f"{type(problem).__name__}: {problem}") from problem
        return self.serializer.serialize(response)


class LocalSkillServer:
    """The project's flask-ask-sdk app (heat_or_ice_web.app.create_app) served on 127.0.0.1 in a thread.

    Signature checks are off because only this console, on loopback, can reach it; that is why the
    address is fixed here and not configurable. Request timestamps are checked unless a test that moves
    the console's clock turns that off. Raises ImportError when the web app cannot be imported.
    """

    HOST = "127.0.0.1"

    def __init__(self, skill: object, port: int = 0, *, check_timestamps: bool = True):
        try:
            from heat_or_ice_web.app import create_app
        except ImportError:
            raise
        except Exception as problem:  # e.g. oscrypto failing to read the OpenSSL version at import
            raise ImportError(f"{type(problem).__name__}: {problem}") from problem
        from werkzeug.serving import WSGIRequestHandler, make_server

        class QuietRequests(WSGIRequestHandler):
            def log_request(self, *args: object, **kwargs: object) -> None:
                pass  # access log lines would interleave with the conversation

        # The console prints its own single line about verification being off; the app's
        # warning says the same thing in log form, so it is held back while the app is built.
        app_log = logging.getLogger("heat_or_ice_web.app")
        level = app_log.level
        app_log.setLevel(logging.ERROR)
        try:
            app = create_app(
                skill, verify_signature=False, verify_timestamp=check_timestamps, serve_host=self.HOST
            )
        finally:
            app_log.setLevel(level)
        self._server = make_server(self.HOST, port, app, threaded=True, request_handler=QuietRequests)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.1,), name="skill-server", daemon=True
        )  # a short poll interval keeps stop() quick
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{self.HOST}:{self._server.server_port}/"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LocalSkillServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
