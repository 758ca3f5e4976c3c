"""The HTTP client for Alexa service APIs (Timers): with a deadline, and loaded on first use.

The SDK's DefaultApiClient calls `requests` without a timeout, so a hanging Timers API would run
past Alexa's 8-second limit; TimeoutApiClient (in timeout_api_client) adds one. And
ask_sdk_core.api_client imports `requests` at import time, which roughly doubles a cold start;
LazyApiClient is what the skill builder gets instead, and it loads the real client only when a
handler actually calls a service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services import ApiClient

if TYPE_CHECKING:
    from ask_sdk_model.services import ApiClientRequest, ApiClientResponse

# Connect and read deadlines, in seconds: together well under Alexa's 8 s, leaving room for
# storage and the rest of the request. The read deadline bounds each wait for bytes, not the
# whole answer; a server trickling a byte at a time could take longer (the Timers API does not).
DEFAULT_CONNECT_TIMEOUT = 1.0
DEFAULT_READ_TIMEOUT = 2.5


class ApiUnreachableError(ApiClientException):
    """No answer within the deadline, or no connection at all (refused, reset, TLS failure)."""


class LazyApiClient(ApiClient):
    """An ApiClient that builds a TimeoutApiClient (and imports `requests`) on first invoke."""

    def __init__(
        self,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
    ):
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._client: ApiClient | None = None

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        # Two threads racing here may each build a client; both work, one is dropped. No lock.
        if self._client is None:
            from heat_or_ice.adapters.timeout_api_client import TimeoutApiClient

            self._client = TimeoutApiClient(self.connect_timeout, self.read_timeout)
        return self._client.invoke(request)
