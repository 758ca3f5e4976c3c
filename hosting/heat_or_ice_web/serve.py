"""Serve the skill over HTTP for a real Alexa device: ``python -m heat_or_ice_web.serve`` (make serve).

This is Flask's development server on 127.0.0.1:5000. Alexa only calls HTTPS on port 443 with a
valid certificate, so a real device needs a tunnel or reverse proxy in front of it:

1. Copy the skill id from the Alexa developer console and start the server with it, so requests
   for other skills are refused: ``make serve ARGS="--skill-id amzn1.ask.skill.…"``.
2. Put HTTPS in front: a tunnel (``ngrok http 5000`` or
   ``cloudflared tunnel --url http://127.0.0.1:5000``), or a reverse proxy listening on 443 with a
   certificate for your domain, forwarding to 127.0.0.1:5000.
3. In the developer console, Build > Endpoint: choose HTTPS, paste the public https URL, and pick
   the certificate type that matches (a tunnel's domain is usually "a sub-domain of a domain that
   has a wildcard certificate from a certificate authority").
4. Test tab: enable testing in Development, then talk to the device or the simulator.

Every request is verified as Amazon requires (signature, certificate chain, timestamp, skill id).
``--insecure-no-verify`` turns that off for local experiments with hand-made requests; it is
refused unless the host is loopback, and the app then serves only direct local callers (so it is
useless behind a tunnel, on purpose).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence

from flask import Flask

from heat_or_ice_web.app import create_app
from heat_or_ice_web.verification import AbstractVerifier, is_loopback_host

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000

_INSECURE_BANNER = """
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!!  ALEXA REQUEST VERIFICATION IS OFF (--insecure-no-verify)              !!
!!  Signatures, certificates and timestamps are NOT checked.              !!
!!  Serving direct callers on {host:<44} only.  !!
!!  Never use this with a tunnel, a proxy or a real device.               !!
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
"""

_NO_SKILL_ID_WARNING = """
WARNING: no skill id (--skill-id or SKILL_ID). A real device will call this endpoint, and without a
skill id it answers correctly signed requests for ANY skill. Copy the id from the developer console.
"""


def _parser(environ: Mapping[str, str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m heat_or_ice_web.serve",
        description=(
            "Serve the Heat or Ice skill for Alexa with Flask's development server. For a real "
            "device, put an HTTPS tunnel or a reverse proxy (port 443, valid certificate) in "
            "front of it and set that https URL as the skill's endpoint."
        ),
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to bind (default %(default)s)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port to bind (default %(default)s)"
    )
    parser.add_argument(
        "--skill-id",
        default=environ.get("SKILL_ID") or None,
        help="refuse requests for any other skill (default: the SKILL_ID environment variable)",
    )
    parser.add_argument(
        "--db",
        default=environ.get("SKILL_DB_PATH") or None,
        help="SQLite file for what the skill remembers (default: SKILL_DB_PATH); wins over "
        "DYNAMODB_TABLE",
    )
    parser.add_argument(
        "--insecure-no-verify",
        action="store_true",
        help="DANGEROUS: skip Alexa request verification; allowed only with a loopback --host",
    )
    return parser


def parse_args(
    argv: Sequence[str] | None = None, environ: Mapping[str, str] = os.environ
) -> argparse.Namespace:
    """Parse the command line; exits with status 2 on an unsafe combination."""
    parser = _parser(environ)
    options = parser.parse_args(argv)
    if options.insecure_no_verify and not is_loopback_host(options.host):
        parser.error(
            f"--insecure-no-verify is allowed only with --host 127.0.0.1, ::1 or localhost "
            f"(got {options.host!r})"
        )
    if not 0 < options.port < 65536:
        parser.error(f"--port must be between 1 and 65535 (got {options.port})")
    return options


def skill_environment(
    options: argparse.Namespace, environ: Mapping[str, str] = os.environ
) -> dict[str, str]:
    """The environment the skill builder reads, with the command line's choices applied."""
    env = dict(environ)
    if options.skill_id:
        env["SKILL_ID"] = options.skill_id
    else:
        env.pop("SKILL_ID", None)
    if options.db:
        env["SKILL_DB_PATH"] = options.db
        env.pop("DYNAMODB_TABLE", None)  # --db asks for local storage explicitly
    return env


def build_app(
    options: argparse.Namespace,
    environ: Mapping[str, str] = os.environ,
    *,
    signature_verifier: AbstractVerifier | None = None,
) -> Flask:
    """The app ``main`` serves: the real skill wrapped by ``create_app`` with these options.

    ``signature_verifier`` is for tests (a verifier trusting a test root); main never passes one.
    """
    # Imported here: the skill (and its storage) loads only when a server is really wanted.
    from heat_or_ice.skill.builder import build_skill_from_environment

    skill = build_skill_from_environment(skill_environment(options, environ))
    verify = not options.insecure_no_verify
    return create_app(
        skill,
        verify_signature=verify,
        verify_timestamp=verify,
        signature_verifier=signature_verifier,
        serve_host=options.host,
    )


def configure_logging(environ: Mapping[str, str]) -> None:
    """LOG_LEVEL (default INFO) for the skill and this server; the libraries stay at WARNING."""
    from heat_or_ice import log_policy

    level = (environ.get("LOG_LEVEL") or "INFO").strip().upper()
    if level not in logging.getLevelNamesMapping():
        level = "INFO"
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    log_policy.configure(environ)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    configure_logging(os.environ)
    if options.insecure_no_verify:
        print(_INSECURE_BANNER.format(host=options.host), file=sys.stderr)
    if not options.skill_id:
        print(_NO_SKILL_ID_WARNING, file=sys.stderr)
    app = build_app(options)
    print(
        f"Serving on http://{options.host}:{options.port}/ (Flask development server). "
        "For a device, put an HTTPS tunnel or reverse proxy in front; see --help.",
        file=sys.stderr,
    )
    app.run(host=options.host, port=options.port, threaded=True, use_reloader=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
