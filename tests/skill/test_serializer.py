"""Request timestamps are read exactly as the SDK's own parser reads them."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from ask_sdk_core.serialize import DefaultSerializer

from heat_or_ice.skill.serializer import AlexaSerializer

STAMPS = ["2026-03-02T08:00:00Z", "2026-03-02T08:00:00.123Z", "2026-03-02T08:00:00+01:00", "2026-03-02"]


@pytest.mark.parametrize("stamp", STAMPS)
def test_timestamps_read_the_same_as_the_sdk_reads_them(stamp):
    ours = AlexaSerializer().deserialize(f'"{stamp}"', datetime)
    theirs = DefaultSerializer().deserialize(f'"{stamp}"', datetime)
    assert ours == theirs and (ours.tzinfo is None) == (theirs.tzinfo is None)


def test_a_date_and_an_odd_timestamp_still_work():
    assert AlexaSerializer().deserialize('"2026-03-02T08:00:00Z"', date) == date(2026, 3, 2)
    assert AlexaSerializer().deserialize('"March 2, 2026 8am"', datetime) == datetime(2026, 3, 2, 8, 0)
