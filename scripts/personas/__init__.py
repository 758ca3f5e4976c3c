"""Persona benchmark: people in pain, written as conversations, talk to the real skill.

Each persona opens the way a person would, answers the skill's questions from what is true of it,
and is judged on the advice it hears against what a careful clinician would say, on how many
utterances that took and on how many words the advice turn spoke. `make personas` runs it.

- `cast.PERSONAS`: the people and the advice each should hear.
- `people`: a persona, and how any persona answers any question.
- `hearing`: what the skill waits on, and which advice a turn gives (from card titles and locale text).
- `runner.run_persona`, `runner.run_all`: the conversations; `report`: the table and summary.
"""
