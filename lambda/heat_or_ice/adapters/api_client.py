"""The HTTP client for Alexa service APIs (Timers): with a deadline, and loaded on first use.

The SDK's DefaultApiClient calls `requests` without a timeout, and a socket read timeout would
not be enough anyway: it restarts with every byte, so a server trickling a byte every two
seconds could hold the answer as long as it liked. TimeoutApiClient (in timeout_api_client)
bounds the whole exchange instead: connect, TLS, request and answer together take at most
`call_timeout` seconds, or less when the request's own deadline (adapters.deadline) is nearer.
Its HTTP library loads only when a handler actually calls a service (LazyApiClient), so cold
starts without service calls skip that cost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services import ApiClient

if TYPE_CHECKING:
    from ask_sdk_model.services import ApiClientRequest, ApiClientResponse

# Seconds: a connection must be up within DEFAULT_CONNECT_TIMEOUT, and the whole call done within
# DEFAULT_CALL_TIMEOUT. Well under Alexa's 8 s, leaving room for storage and the rest of the request.
DEFAULT_CONNECT_TIMEOUT = 1.0
DEFAULT_CALL_TIMEOUT = 2.5


class ApiUnreachableError(ApiClientException):
    """No answer within the deadline, or no connection at all (refused, reset, TLS failure)."""


class LazyApiClient(ApiClient):
    """An ApiClient that builds a TimeoutApiClient (and imports its HTTP library) on first invoke."""

    def __init__(
        self,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        call_timeout: float = DEFAULT_CALL_TIMEOUT,
    ):
        self.connect_timeout = connect_timeout
        self.call_timeout = call_timeout
        self._client: ApiClient | None = None

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        # Two threads racing here may each build a client; both work, one is dropped. No lock.
        if self._client is None:
            from heat_or_ice.adapters.timeout_api_client import TimeoutApiClient

            self._client = TimeoutApiClient(self.connect_timeout, self.call_timeout)
        return self._client.invoke(request)
