"""Local web hosting of the skill: the flask-ask-sdk app, its request verification, a dev server.

Importing this package installs the oscrypto version fix (see ``oscrypto_compat``) before any
module below it can import flask_ask_sdk, so every entry point here imports on OpenSSL 3.0.10+.
"""

from heat_or_ice_web import oscrypto_compat

oscrypto_compat.install()
