"""The Flask app that serves a skill to Alexa as a web service (flask-ask-sdk).

``create_app(skill)`` wraps any ask_sdk_core CustomSkill. POST "/" takes Alexa request envelopes;
GET "/" answers a short health text. Every request is verified (signature, certificate chain,
timestamp, application id: see ``heat_or_ice_web.verification``) unless verification is turned
off, which is allowed only for a server bound to loopback and is announced on every response.

Every failure is a small JSON body with a status, never a traceback:
400 malformed envelope or failed verification, 403 a non-local or cross-origin caller in
unverified mode, 413 a body over ``max_request_bytes``, 415 a body that is not declared JSON in
unverified mode, 500 a skill error the skill did not handle itself.
Logs name what went wrong but never hold request bodies, user ids or tokens; so a skill error is
logged as its exception types and code locations, not its message (which may quote the request).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence

from heat_or_ice_web import oscrypto_compat

oscrypto_compat.install()  # flask_ask_sdk -> ask_sdk_webservice_support -> certvalidator -> oscrypto

from ask_sdk_core.skill import CustomSkill  # noqa: E402
from ask_sdk_model import RequestEnvelope  # noqa: E402
from flask import Flask, Response, jsonify, request  # noqa: E402
from flask_ask_sdk.skill_adapter import (  # noqa: E402
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)
from werkzeug.exceptions import HTTPException  # noqa: E402

from heat_or_ice.skill.entry import OtherSkillRequest, read_envelope, respond  # noqa: E402
from heat_or_ice_web.verification import (  # noqa: E402
    AbstractVerifier,
    VerificationException,
    build_verifiers,
    is_loopback_host,
    require_loopback,
)

logger = logging.getLogger(__name__)

# Alexa request envelopes are a few kilobytes; anything this big is not one.
MAX_REQUEST_BYTES = 128 * 1024
# Sent on every response while verification is off, so nobody mistakes the mode.
VERIFICATION_HEADER = "X-Alexa-Request-Verification"


class RequestRejected(Exception):
    """A request we answer with an HTTP error and a JSON body instead of invoking the skill."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def _json_error(status: int, error: str, message: str) -> Response:
    response = jsonify({"error": error, "message": message})
    response.status_code = status
    return response


def _describe_without_data(error: BaseException) -> str:
    """Exception types and code locations only: messages may quote the request or a user id."""
    lines: list[str] = []
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        lines.append(type(current).__name__)
        lines.extend(traceback.format_tb(current.__traceback__))
        current = current.__cause__ or current.__context__
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _verification_reason(error: VerificationException) -> str:
    reason = error.args[0] if error.args else None
    return reason if isinstance(reason, str) else "Request failed verification"


class VerifiedSkillAdapter(SkillAdapter):
    """flask-ask-sdk's adapter with a dispatch that maps each failure to its own HTTP status.

    The stock ``dispatch_request`` turns every SDK exception, a malformed envelope included, into
    a 500 and logs it with the exception message, which for a parse error quotes the whole body.
    """

    def __init__(
        self,
        skill: CustomSkill,
        *,
        verifiers: list[AbstractVerifier],
        app: Flask,
        only_local_callers: bool,
    ) -> None:
        self._only_local_callers = only_local_callers
        # skill_id here is only a key in app.extensions; the real check is ApplicationIdVerifier.
        super().__init__(
            skill=skill, skill_id=skill.skill_id or "heat_or_ice", verifiers=verifiers, app=app
        )

    def dispatch_request(self) -> Response:
        try:
            if self._only_local_callers:
                _refuse_non_local_callers()
            body = _request_text()
            envelope = _parse_envelope(self._skill, body)
            # The SDK's verifiers run on the one parsed envelope; the skill then answers it directly.
            for verifier in self._webservice_handler._verifiers:
                verifier.verify(
                    headers=request.headers, serialized_request_env=body, deserialized_request_env=envelope
                )
        except RequestRejected as rejected:
            logger.warning("Rejected a request: %s", rejected.message)
            return _json_error(rejected.status, rejected.error, rejected.message)
        except VerificationException as error:
            reason = _verification_reason(error)
            logger.warning("Rejected a request that failed verification: %s", reason)
            return _json_error(400, "verification_failed", reason)
        try:
            response = respond(self._skill, envelope)
        except OtherSkillRequest:
            logger.warning("Rejected a request for another skill")
            return _json_error(400, "verification_failed", "Request is for another skill")
        except Exception as error:  # noqa: BLE001 - the caller gets a status, never a traceback
            logger.error("The skill failed to answer a request:\n%s", _describe_without_data(error))
            return _json_error(500, "skill_error", "The skill could not answer this request")
        return jsonify(response)


def _refuse_non_local_callers() -> None:
    # Unverified mode trusts whoever can connect; a tunnel or proxy would make that the internet.
    forwarded = "Forwarded" in request.headers or "X-Forwarded-For" in request.headers
    if forwarded or not is_loopback_host(request.remote_addr):
        raise RequestRejected(
            403, "forbidden", "Verification is off: only direct local callers are served"
        )
    # A web page in the person's own browser is a local caller too: its POST carries an Origin
    # (and Sec-Fetch-* headers), and a DNS-rebound page arrives with its own site as the Host.
    # Alexa, the console and test clients send neither.
    browser = "Origin" in request.headers or request.headers.get("Sec-Fetch-Site", "none") != "none"
    if browser or not is_loopback_host(_host_name(request.host)):
        raise RequestRejected(
            403, "forbidden", "Verification is off: requests from web pages or other hosts are refused"
        )
    # A page can send text/plain without asking first; declaring JSON needs a CORS preflight,
    # which this server never grants.
    if request.mimetype != "application/json":
        raise RequestRejected(
            415, "unsupported_media_type", "Verification is off: only application/json is served"
        )


def _host_name(host: str | None) -> str | None:
    """The name part of a Host header: "127.0.0.1:5000" -> "127.0.0.1", "[::1]:5000" -> "::1"."""
    if not host:
        return None
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _request_text() -> str:
    data = request.get_data(cache=False)  # raises 413 past MAX_CONTENT_LENGTH
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RequestRejected(400, "malformed_request", "Body is not UTF-8 text") from error


def _parse_envelope(skill: CustomSkill, body: str) -> RequestEnvelope:
    envelope = read_envelope(skill, text=body)
    if envelope is None:
        raise RequestRejected(400, "malformed_request", "Body is not an Alexa request envelope")
    return envelope


def create_app(
    skill: CustomSkill,
    *,
    verify_signature: bool = True,
    verify_timestamp: bool = True,
    verifiers: Sequence[AbstractVerifier] | None = None,
    signature_verifier: AbstractVerifier | None = None,
    serve_host: str | None = None,
    max_request_bytes: int = MAX_REQUEST_BYTES,
) -> Flask:
    """Build the Flask app that serves ``skill`` at POST "/".

    verify_signature / verify_timestamp: Amazon's checks, on by default. Turning either off
        requires ``serve_host`` to be a loopback address (else InsecureModeRefused), makes the app
        refuse non-local or proxied callers, and adds ``X-Alexa-Request-Verification: off``.
    verifiers: extra AbstractVerifier checks, run after the built-in ones.
    signature_verifier: replaces the production AlexaRequestVerifier (tests inject one that
        trusts a test root); passing one together with verify_signature=False is an error.
    serve_host: the address the app will be bound to; needed only to turn verification off.
    The skill's own ``skill_id`` (set on its builder) is enforced: other application ids get 400.
    """
    if signature_verifier is not None and not verify_signature:
        raise ValueError("signature_verifier given but verify_signature is False")
    verification_off = not (verify_signature and verify_timestamp)
    if verification_off:
        require_loopback(serve_host)

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_request_bytes
    # Our verifiers are passed explicitly (in a fixed order, with an injectable signature check),
    # so the SDK must not add its stock ones; these keys are read once, when the adapter is built.
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    app.config["ALEXA_VERIFY_SIGNATURE"] = verify_signature
    app.config["ALEXA_VERIFY_TIMESTAMP"] = verify_timestamp

    checks = build_verifiers(
        verify_signature=verify_signature,
        verify_timestamp=verify_timestamp,
        skill=skill,
        signature_verifier=signature_verifier,
        extra=verifiers or (),
    )
    adapter = VerifiedSkillAdapter(
        skill, verifiers=checks, app=app, only_local_callers=verification_off
    )
    adapter.register(app=app, route="/", endpoint="alexa")
    _add_health_and_errors(app, verification_off)

    if verification_off:
        logger.warning(
            "ALEXA REQUEST VERIFICATION IS OFF (signature=%s, timestamp=%s); serving %s only",
            "on" if verify_signature else "off",
            "on" if verify_timestamp else "off",
            serve_host,
        )
    return app


def _add_health_and_errors(app: Flask, verification_off: bool) -> None:
    mode = "OFF (local testing only)" if verification_off else "on"

    @app.get("/")
    def health() -> Response:
        text = f"Heat or Ice Alexa endpoint. POST Alexa requests here. Request verification: {mode}.\n"
        return Response(text, mimetype="text/plain")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        name = (error.name or "error").lower().replace(" ", "_")
        return _json_error(error.code or 500, name, error.description or error.name)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> Response:
        logger.error("Unexpected error in the web layer:\n%s", _describe_without_data(error))
        return _json_error(500, "internal_error", "The server could not answer this request")

    if verification_off:

        @app.after_request
        def announce_verification_off(response: Response) -> Response:
            response.headers[VERIFICATION_HEADER] = "off"
            return response
