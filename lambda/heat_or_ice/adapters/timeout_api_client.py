"""The SDK's DefaultApiClient with connect and read timeouts.

Importing this module imports `requests` (through ask_sdk_core.api_client); the skill reaches
it through api_client.LazyApiClient so that cold starts without service calls skip that cost.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Callable

import requests
from ask_sdk_core.api_client import DefaultApiClient
from ask_sdk_core.exceptions import ApiClientException

from heat_or_ice.adapters.api_client import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_READ_TIMEOUT,
    ApiUnreachableError,
)

if TYPE_CHECKING:
    from ask_sdk_model.services import ApiClientRequest, ApiClientResponse


class TimeoutApiClient(DefaultApiClient):
    """DefaultApiClient (https only, JSON bodies) whose calls give up after the timeouts.

    A timeout or connection failure raises ApiUnreachableError, which the service clients wrap
    in a ServiceException (status 500) with this error as its context; timers.AlexaTimers looks
    for it there to tell "no answer" from a real server error.
    """

    def __init__(
        self,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
    ):
        self.timeout = (connect_timeout, read_timeout)

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        try:
            return super().invoke(request)
        except ApiClientException as error:
            # DefaultApiClient wraps every failure in ApiClientException; the requests error is
            # its implicit context.
            cause = error.__context__
            if isinstance(cause, (requests.Timeout, requests.ConnectionError)):
                raise ApiUnreachableError(f"No answer from {request.url}: {cause}") from cause
            raise

    def _resolve_method(self, request: ApiClientRequest) -> Callable[..., requests.Response]:
        # The one place DefaultApiClient picks the requests function; binding the timeout here
        # keeps the rest of its behaviour (https check, header and body handling) unchanged.
        return functools.partial(super()._resolve_method(request), timeout=self.timeout)
