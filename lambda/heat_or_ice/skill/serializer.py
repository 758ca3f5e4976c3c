"""The SDK's serializer with one faster step: Alexa's ISO 8601 timestamps are read with the
standard library instead of dateutil's general parser (about a fifth of a warm request's time).
Anything the standard library cannot read still goes to the SDK's own parser, unchanged."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer


class AlexaSerializer(DefaultSerializer):
    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:  # noqa: N802
        # The SDK calls its private parser by its mangled name; defining that name here replaces it.
        if isinstance(payload, str):
            try:
                parsed = datetime.fromisoformat(payload)
            except ValueError:
                parsed = None
            if parsed is not None:
                return parsed.date() if obj_type is date else parsed
        return super()._DefaultSerializer__deserialize_datetime(payload, obj_type)  # type: ignore[attr-defined]
