"""An ApiClient whose every call ends by a deadline: connect, TLS, request and answer together.

Built on urllib3 (already there for requests and botocore) so that the socket can be reached:
after the TLS handshake (itself bounded by the connect timeout, which CPython applies to the
whole handshake) every send and receive is given only the time left until the call's deadline.
A server that trickles its answer a byte at a time is therefore cut off at the deadline, where
a read timeout would have waited again after every byte.

Importing this module imports urllib3; the skill reaches it through api_client.LazyApiClient so
that cold starts without service calls skip that cost. Like the SDK's DefaultApiClient it
refuses any endpoint that is not https and sends JSON bodies as JSON. Certificates are checked
against REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE or SSL_CERT_FILE when set (as requests does), else
certifi's bundle.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import socket
from typing import TYPE_CHECKING, Any

import urllib3
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services import ApiClient, ApiClientResponse
from urllib3.connection import HTTPSConnection
from urllib3.util import parse_url

from heat_or_ice.adapters import deadline
from heat_or_ice.adapters.api_client import DEFAULT_CALL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, ApiUnreachableError

if TYPE_CHECKING:
    from ask_sdk_model.services import ApiClientRequest

# Less than this left and a call is not worth starting: no TLS handshake completes that fast.
MIN_CALL_SECONDS = 0.05


class TimeoutApiClient(ApiClient):
    """Calls an https API and gives up (ApiUnreachableError) once `call_timeout` seconds, or the
    request's own deadline if nearer, have passed.

    The service clients wrap ApiUnreachableError in a ServiceException (status 500) with this
    error as its context; timers.AlexaTimers looks for it there to tell "no answer" from a real
    server error.
    """

    def __init__(self, connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
                 call_timeout: float = DEFAULT_CALL_TIMEOUT):
        self.connect_timeout = connect_timeout
        self.call_timeout = call_timeout

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        url = parse_url(request.url or "")
        if url.scheme != "https" or not url.host:
            raise ApiClientException("Requests against non-HTTPS endpoints are not allowed.")
        if not request.method:
            raise ApiClientException(f"Invalid request method: {request.method}")
        allowed = deadline.remaining(self.call_timeout)
        if allowed < MIN_CALL_SECONDS:
            raise ApiUnreachableError(f"No time left to call {url.host}")
        limit = deadline.Deadline.after(allowed, deadline.clock())
        headers = _headers(request.headers)
        body = _body(request.body, headers)
        connection = _DeadlineHTTPSConnection(
            url.host,
            url.port or 443,
            limit=limit,
            timeout=min(self.connect_timeout, allowed),
            cert_reqs="CERT_REQUIRED",
            ca_certs=_ca_bundle(),
        )
        try:
            connection.request(request.method.upper(), url.request_uri, body=body, headers=headers)
            response = connection.getresponse()
            data = response.data  # preloaded by getresponse, through the deadline socket
            return ApiClientResponse(
                headers=list(response.headers.items()),
                status_code=response.status,
                body=data.decode("utf-8", errors="replace"),
            )
        except (OSError, urllib3.exceptions.HTTPError, http.client.HTTPException) as error:
            # Timeouts, refused or reset connections, TLS failures, answers cut off mid-way.
            raise ApiUnreachableError(f"No answer from {url.host} in time: {type(error).__name__}") from error
        finally:
            connection.close()


class _DeadlineHTTPSConnection(HTTPSConnection):
    def __init__(self, *args: Any, limit: deadline.Deadline, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._limit = limit

    def connect(self) -> None:
        super().connect()  # TCP connect and TLS handshake, each bounded by the connect timeout
        self.sock = _DeadlineSocket(self.sock, self._limit)  # type: ignore[assignment]


class _DeadlineSocket:
    """A connected socket whose every send and receive waits only for what is left until the
    call's deadline, so the whole exchange (not each read) is bounded."""

    def __init__(self, sock: socket.socket, limit: deadline.Deadline):
        self._sock = sock
        self._limit = limit
        # As socket.socket does: http.client closes the connection while the answer's file is
        # still being read, so the socket really closes only when both are done with it.
        self._open_files = 0
        self._close_asked = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)

    def _arm(self) -> None:
        left = self._limit.remaining()
        if left <= 0:
            raise TimeoutError("the call's deadline has passed")
        self._sock.settimeout(left)

    def settimeout(self, value: float | None) -> None:
        pass  # the deadline decides how long each operation may wait

    def recv(self, size: int, *flags: int) -> bytes:
        self._arm()
        return self._sock.recv(size, *flags)

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        self._arm()
        return self._sock.recv_into(buffer, nbytes, flags)

    def send(self, data: bytes, *flags: int) -> int:
        self._arm()
        return self._sock.send(data, *flags)

    def sendall(self, data: bytes, *flags: int) -> None:
        self._arm()
        self._sock.sendall(data, *flags)

    def makefile(self, mode: str = "r", *args: Any, **kwargs: Any) -> io.BufferedReader:
        if mode not in ("r", "rb"):
            raise ValueError(f"only reading is supported, not {mode!r}")
        self._open_files += 1
        return io.BufferedReader(_DeadlineReader(self))

    def file_closed(self) -> None:
        self._open_files -= 1
        if self._close_asked and self._open_files <= 0:
            self._sock.close()

    def close(self) -> None:
        self._close_asked = True
        if self._open_files <= 0:
            self._sock.close()


class _DeadlineReader(io.RawIOBase):
    def __init__(self, sock: _DeadlineSocket):
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._sock.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            super().close()
            self._sock.file_closed()


def _headers(pairs: list[tuple[str, str]] | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in pairs or []:
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def _body(body: Any, headers: dict[str, str]) -> str | bytes | None:
    if not body:
        return None
    content_type = next((value for name, value in headers.items() if name.lower() == "content-type"), "")
    if "json" in content_type or not isinstance(body, (str, bytes)):
        return json.dumps(body) if not isinstance(body, (str, bytes)) else body
    return body


def _ca_bundle() -> str:
    for variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        path = os.environ.get(variable)
        if path:
            return path
    import certifi

    return certifi.where()
