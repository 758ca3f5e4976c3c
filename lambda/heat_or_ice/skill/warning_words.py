"""Warning signs in words Alexa heard but could not resolve to a value of the symptom slot.

Alexa fills a slot with the words it heard even when none of the slot type's values match them
(ER_SUCCESS_NO_MATCH): "my groin area feels kind of numb" arrives as text, not as SADDLE_NUMBNESS.
A warning sign must not be lost that way, so the words are read once more here for the few words
that can only mean one sign. Only signs are looked for, never ordinary symptoms, and words that deny
("no numbness", "I haven't had any trouble peeing") find nothing: a missed "no" would send someone to
the emergency department for nothing, so when in doubt this finds nothing and the question is asked.
"""

from __future__ import annotations

import re
from functools import cache

from ..core import Symptom

# Each sign: patterns that must all be found in the words. Word stems, so "buckling" and "buckled" match.
_SIGNS: tuple[tuple[Symptom, tuple[str, ...]], ...] = (
    (Symptom.SADDLE_NUMBNESS, (
        r"\b(numb|no feeling|no sensation|can'?t feel|cannot feel|pins and needles)",
        r"\b(groin|crotch|bum|butt|bottom|backside|buttocks?|private|privates|genitals?|saddle|back passage|"
        r"between (my|me|the) legs|down there|down below|inner thighs?)\b",
    )),
    (Symptom.BLADDER_BOWEL, (
        r"\b(pee|peeing|wee|weeing|urine|urinat\w*|bladder|bowels?|wet (myself|the bed)"
        r"|wetting (myself|the bed)|soil(ed|ing) myself|incontinen\w*|pass (urine|motion)|poo"
        r"|(hold|control) my motions)\b",
    )),
    (Symptom.LEG_GIVING_WAY, (
        r"\b(legs?|knees?|foot|feet)\b",
        r"\b(giv(es|ing)|gave|given) (way|out)|buckl\w*|collaps\w*|drag\w*|slap\w*|foot drop|jelly",
    )),
    (Symptom.SEXUAL_FUNCTION, (r"\b(erections?|erectile|ejaculat\w*|get it up|impoten\w*)\b",)),
    (Symptom.NECK_DANGER, (
        r"\b(double vision|seeing double|swallow\w*|slurr\w*|black(ed|ing)? out|faint\w*|pass(ed)? out|"
        r"electric shocks?|clumsy)\b",
    )),
    # A band of pain round the chest is the trunk sign below, not chest pain.
    (Symptom.CHEST_PAIN, (r"\b(chest|breathless|short of breath|can'?t breathe)\b", r"^(?!.*\bband\b)")),
    (Symptom.FEVER, (r"\b(fever\w*|temperature|chills|shiver\w*|sweats)\b",)),
    (Symptom.WEIGHT_LOSS, (r"\b(lost|losing|dropp(ed|ing))\b", r"\b(weight|kilos?|pounds|stone)\b")),
    (Symptom.CANCER_HISTORY, (r"\b(cancer|chemo\w*|radiotherapy|lymphoma|leuka?emia|tumou?rs?)\b",)),
    (Symptom.NIGHT_PAIN, (r"\b(wakes? me|waking me|keeps me (up|awake)|at night|all night|every night)\b",)),
    (Symptom.COUGH_SNEEZE, (r"\b(cough\w*|sneez\w*)\b",)),
    (Symptom.LUMP, (r"\b(lumps?|bumps?|(changed|funny|different|strange|weird) shape)\b",)),
    (Symptom.COLD_ARM, (r"\b(arms?|hands?)\b", r"\b(cold|colder|pale|white|blue)\b")),
    (Symptom.UNSTEADY, (r"\b(unsteady|wobbly|off balance|losing my balance)\b|\bband\b.*\ba?round\b",)),
    (Symptom.INFECTION_RISK, (
        r"\b(transplant|immun\w*|hiv|inject\w* drugs|drugs? (i|by) inject\w*)\b",
    )),
    (Symptom.SEVERE_HEADACHE, (
        r"\bheadache\b",
        r"\b(worst|severe|splitting|blinding|pounding|terrible|horrendous|horrible|awful|really bad)\b",
    )),
)

# Words that deny having the sign. Not "no feeling", "can't feel", "couldn't pee", "not able to":
# those say the sign is there.
_DENIED = (
    r"^(no|nope|nah|not|nothing|none|never|neither)\b(?! (feeling|sensation|control))"
    r"|\b(don'?t|do not|doesn'?t|does not|haven'?t|have not|hasn'?t|has not|didn'?t|did not) "
    r"(have|had|got|get|notice|noticed|think)\b(?! (able|been able))"
    r"|\bno (\w+ )?(numbness|tingling|problems?|trouble|issues?|fever|temperature|pain|weakness|lumps?|"
    r"changes?|difficulty)\b"
    r"|\bwithout (any )?(numbness|problems?|trouble|fever|pain)\b"
)
_LONGEST = 200  # characters; Alexa's slot values are far shorter


@cache
def _compiled() -> tuple[re.Pattern[str], tuple[tuple[Symptom, tuple[re.Pattern[str], ...]], ...]]:
    """Compiled on first use: most requests never need them, and a cold start should not pay."""
    signs = tuple((sign, tuple(re.compile(p) for p in patterns)) for sign, patterns in _SIGNS)
    return re.compile(_DENIED), signs


def warning_signs_in(heard: str) -> frozenset[Symptom]:
    """The warning signs these unresolved words name, or none when the words deny or are unclear."""
    words = " ".join(heard.lower().replace("’", "'").split())[:_LONGEST]
    denied, signs = _compiled()
    if not words or denied.search(words):
        return frozenset()
    return frozenset(sign for sign, patterns in signs if all(p.search(words) for p in patterns))
