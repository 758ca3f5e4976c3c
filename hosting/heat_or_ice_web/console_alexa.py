"""Plays Alexa's part for the console: keeps the session, plays dialog directives, asks for permissions.

One typed line in, what Alexa would say out. Like a device it sends `sessionAttributes` back, marks the
first request of a session `new`, ends the session when the skill says so (shouldEndSession true, or no
reprompt and not false), re-asks the reprompt once on silence, turns Dialog.ElicitSlot into a targeted
reading of the next line, answers Dialog.Delegate as a minimal dialog manager (asking for required slots
from the model's prompts, then sending the intent COMPLETED), and asks the user itself when the skill
sends Connections.SendRequest AskFor, replying with Connections.Response.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from heat_or_ice_web.envelopes import EnvelopeBuilder, Session, permission_answer_payload, slot_json
from heat_or_ice_web.interaction_model import words_of
from heat_or_ice_web.nlu import Understander, Understanding
from heat_or_ice_web.speech_out import Said, permission_question, shown_in, speech_of, ssml_to_text


class SkillCallFailed(Exception):
    """The skill could not be reached or answered with an error."""


Send = Callable[[dict], dict]

_DENY_WORDS = {"no", "not", "nope", "deny", "never", "nah"}
_APPROVE_WORDS = {"approve", "yes", "yeah", "yep", "sure", "ok", "okay", "allow"}
_MAX_DELEGATIONS = 3  # a skill that delegates forever would otherwise loop the console


@dataclass
class _Waiting:
    """What Alexa is waiting for: a slot value, a yes/no confirmation, or a permission answer."""

    kind: str  # "slot" | "confirm" | "permission"
    intent: dict | None = None
    slot: str | None = None
    scope: str = ""
    token: str | None = None
    skill_asked: bool = True  # False when the console asks on Alexa's behalf (auto-delegated dialog)


def permission_status(text: str) -> str:
    words = set(words_of(text))
    if words & _DENY_WORDS:
        return "DENIED"
    return "ACCEPTED" if words & _APPROVE_WORDS else "NOT_ANSWERED"


class LocalAlexa:
    def __init__(
        self,
        understander: Understander,
        send: Send,
        builder: EnvelopeBuilder,
        *,
        skill_name: str,
        on_grant: Callable[[str], None] | None = None,
        trace: Callable[[dict, dict | None], None] | None = None,
    ):
        self.understander = understander
        self.model = understander.model
        self.send = send
        self.builder = builder
        self.skill_name = skill_name
        self.on_grant = on_grant
        self.trace = trace
        self.session: Session | None = None
        self._waiting: _Waiting | None = None
        self._reprompt = ""
        self._silences = 0

    # What the user does -------------------------------------------------------------------------
    def hear(self, text: str) -> list[Said]:
        if not words_of(text):
            return self.silence()
        self._silences = 0
        waiting = self._waiting
        if waiting and waiting.kind == "permission":
            return self._answer_permission(permission_status(text))
        if words_of(text) in (["exit"], ["alexa", "exit"]):
            return self._end("USER_INITIATED") if self.session else []
        understanding = self._understand(text)
        if understanding.says_invocation or self.session is None:
            self.session, self._waiting, waiting = Session(), None, None
        if understanding.is_launch:
            return self._exchange(self.builder.launch(self.session))
        if (
            waiting
            and waiting.kind == "confirm"
            and understanding.intent in ("AMAZON.YesIntent", "AMAZON.NoIntent")
        ):
            return self._confirmed(waiting, understanding.intent == "AMAZON.YesIntent")
        return self._intent(understanding, waiting)

    def silence(self) -> list[Said]:
        """The user said nothing: Alexa repeats the reprompt once, then closes the session."""
        if self._waiting and self._waiting.kind == "permission":
            return self._answer_permission("NOT_ANSWERED")
        if self.session is None:
            return []
        if self._reprompt and self._silences == 0:
            self._silences = 1
            return [Said("alexa", ssml_to_text(self._reprompt), self._reprompt)]
        return self._end("EXCEEDED_MAX_REPROMPTS")

    def leave(self) -> list[Said]:
        """The user walked away (end of input): the skill hears SessionEndedRequest USER_INITIATED."""
        return self._end("USER_INITIATED") if self.session else []

    # Turning words into requests ------------------------------------------------------------------
    def _understand(self, text: str) -> Understanding:
        waiting = self._waiting
        if waiting and waiting.kind == "slot" and self.session is not None:
            answer = self.understander.understand_answer(text, waiting.intent["name"], waiting.slot)
            if not answer.says_invocation:
                return answer
        return self.understander.understand(text)

    def _intent(self, understanding: Understanding, waiting: _Waiting | None) -> list[Said]:
        name = understanding.intent
        self._waiting = None
        continuing = waiting is not None and waiting.intent is not None and waiting.intent["name"] == name
        if continuing:
            intent = copy.deepcopy(waiting.intent)
            intent.setdefault("slots", {})
        else:
            slot_names = self.model.intents[name].slot_types if name in self.model.intents else {}
            intent = {
                "name": name,
                "confirmationStatus": "NONE",
                "slots": {slot: slot_json(slot) for slot in slot_names},
            }
        for fill in understanding.slots.values():
            intent["slots"][fill.name] = slot_json(
                fill.name,
                fill.value,
                type_name=fill.type_name,
                matches=fill.matches,
                application_id=self.builder.device.application_id,
            )
        dialog = self.model.dialog.get(name)
        if dialog is not None and dialog.auto_delegate:
            return self._delegate(intent, asked_by_skill=False)
        # An answer to the skill's own question continues a dialog; a fresh intent starts one only
        # when the model gives it a dialog.
        state = "IN_PROGRESS" if continuing and waiting.skill_asked else ("STARTED" if dialog else None)
        return self._exchange(self._intent_request(intent, state))

    def _confirmed(self, waiting: _Waiting, yes: bool) -> list[Said]:
        intent = copy.deepcopy(waiting.intent)
        status = "CONFIRMED" if yes else "DENIED"
        if waiting.slot:
            intent["slots"][waiting.slot]["confirmationStatus"] = status
        else:
            intent["confirmationStatus"] = status
        self._waiting = None
        if not waiting.skill_asked:
            return self._exchange(self._intent_request(intent, "COMPLETED"))
        return self._exchange(self._intent_request(intent, "IN_PROGRESS"))

    def _intent_request(self, intent: dict, dialog_state: str | None) -> dict:
        return self.builder.intent(
            self.session,
            intent["name"],
            intent.get("slots") or {},
            dialog_state=dialog_state,
            confirmation=intent.get("confirmationStatus", "NONE"),
        )

    def _delegate(self, intent: dict, *, asked_by_skill: bool, depth: int = 0) -> list[Said]:
        """Alexa's dialog manager, minimally: ask for the first required empty slot, confirm, or complete."""
        dialog = self.model.dialog.get(intent["name"])
        slots = intent.get("slots") or {}
        for rule in dialog.slots if dialog else ():
            if (
                rule.elicitation_required
                and rule.elicitation
                and not (slots.get(rule.name) or {}).get("value")
            ):
                self._waiting = _Waiting("slot", intent, rule.name, skill_asked=asked_by_skill)
                return [self._prompt(rule.elicitation.text, rule.elicitation.is_ssml, intent)]
        if (
            dialog
            and dialog.confirmation_required
            and dialog.confirmation
            and intent.get("confirmationStatus", "NONE") == "NONE"
        ):
            self._waiting = _Waiting("confirm", intent, skill_asked=False)
            return [self._prompt(dialog.confirmation.text, dialog.confirmation.is_ssml, intent)]
        return self._exchange(self._intent_request(intent, "COMPLETED"), depth=depth + 1)

    def _prompt(self, text: str, is_ssml: bool, intent: dict) -> Said:
        for name, slot in (intent.get("slots") or {}).items():
            text = text.replace(f"{{{name}}}", str(slot.get("value", "")))
        ssml = text if is_ssml else f"<speak>{text}</speak>"
        self._reprompt = ssml
        return Said("alexa", ssml_to_text(ssml), ssml)

    def _answer_permission(self, status: str) -> list[Said]:
        waiting, self._waiting = self._waiting, None
        if status == "ACCEPTED":
            self.builder.device.granted_scopes.add(waiting.scope)
            if self.on_grant:
                self.on_grant(waiting.scope)
        if self.session is None:
            self.session = Session()
        payload = permission_answer_payload(waiting.scope, status)
        return self._exchange(
            self.builder.connections_response(self.session, "AskFor", "200", payload, waiting.token)
        )

    # Playing the skill's response -----------------------------------------------------------------
    def _exchange(self, envelope: dict, depth: int = 0) -> list[Said]:
        try:
            response = self.send(envelope)
        except SkillCallFailed as problem:
            if self.trace:
                self.trace(envelope, None)
            self._close()
            return [
                Said("alexa", "There was a problem with the requested skill's response."),
                Said("note", f"[skill error] {problem}"),
                Said("note", "[session ended]"),
            ]
        if self.trace:
            self.trace(envelope, response)
        return self._play(envelope, response, depth)

    def _play(self, envelope: dict, response: dict, depth: int) -> list[Said]:
        self.session.new = False
        self.session.attributes = response.get("sessionAttributes") or {}
        body = response.get("response") or {}
        said = shown_in(body)
        self._reprompt = speech_of((body.get("reprompt") or {}).get("outputSpeech"))
        delegate_to, in_dialog = self._follow(body.get("directives") or [], envelope["request"], said)
        if envelope["request"]["type"] == "SessionEndedRequest":
            return said
        should_end = body.get("shouldEndSession")
        asking_permission = self._waiting is not None and self._waiting.kind == "permission"
        # Alexa keeps listening after a reprompt or a dialog directive unless told to end.
        ends = should_end is True or (should_end is None and not self._reprompt and not in_dialog)
        if ends and not asking_permission:
            self._close()
            return [*said, Said("note", "[session ended]")]
        if delegate_to is None:
            return said
        if envelope["request"].get("dialogState") == "COMPLETED" or depth >= _MAX_DELEGATIONS:
            return [
                *said,
                Said("note", "[Dialog.Delegate for a completed dialog: Alexa rejects that response]"),
            ]
        return said + self._delegate(delegate_to, asked_by_skill=True, depth=depth)

    def _follow(self, directives: list[dict], request: dict, said: list[Said]) -> tuple[dict | None, bool]:
        """Note what each directive makes Alexa wait for. Returns (intent to delegate, dialog going on)."""
        delegate_to, in_dialog = None, False
        for directive in directives:
            kind = directive.get("type", "")
            updated = directive.get("updatedIntent") or request.get("intent")
            in_dialog = in_dialog or kind.startswith("Dialog.")
            if kind.startswith("Dialog.") and kind != "Dialog.UpdateDynamicEntities" and updated is None:
                said.append(
                    Said("note", f"[{kind} without an intent to continue: Alexa rejects that response]")
                )
            elif kind == "Dialog.ElicitSlot":
                self._waiting = _Waiting("slot", updated, directive.get("slotToElicit"))
            elif kind in ("Dialog.ConfirmIntent", "Dialog.ConfirmSlot"):
                self._waiting = _Waiting("confirm", updated, directive.get("slotToConfirm"))
            elif kind == "Dialog.Delegate":
                delegate_to = updated
            elif kind == "Connections.SendRequest" and directive.get("name") == "AskFor":
                scope = (directive.get("payload") or {}).get("permissionScope", "")
                self._waiting = _Waiting("permission", scope=scope, token=directive.get("token"))
                said.append(permission_question(self.skill_name, scope))
            else:
                said.append(Said("note", f"[directive: {kind}]"))
        return delegate_to, in_dialog

    def _end(self, reason: str) -> list[Said]:
        envelope = self.builder.session_ended(self.session, reason)
        try:
            response = self.send(envelope)  # Alexa ignores whatever the skill answers to this
        except SkillCallFailed as problem:
            response = None
            note = [Said("note", f"[skill error] {problem}")]
        else:
            note = []
        if self.trace:
            self.trace(envelope, response)
        self._close()
        return note + [Said("note", "[session ended]")]

    def _close(self) -> None:
        self.session, self._waiting, self._reprompt, self._silences = None, None, "", 0
