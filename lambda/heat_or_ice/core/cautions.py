"""Safety lines said at the start of every timed session (clinical rules, section 2.3)."""

from __future__ import annotations

from .model import Caution, Modality

# 2.3 rules 1-3: barrier always, check the skin, never fall asleep with heat on [E7a][E7b][E9a].
SESSION_CAUTIONS: dict[Modality, tuple[Caution, ...]] = {
    Modality.ICE: (Caution.BARRIER, Caution.CHECK_SKIN),
    Modality.HEAT: (Caution.BARRIER, Caution.CHECK_SKIN, Caution.NO_SLEEP_ON_HEAT),
    Modality.MOIST_HEAT: (Caution.CHECK_SKIN, Caution.NO_SLEEP_ON_HEAT),
}


def session_cautions(modality: Modality) -> tuple[Caution, ...]:
    return SESSION_CAUTIONS[modality]
