"""Negation, hedging and hypotheticals, NegEx/ConText style.

A trigger phrase casts a scope over the words after it (or, for post-triggers,
before it) up to a scope terminator (``but``, ``however``, ``;``, ...) or a window of
words. A negated mention is never asserted ("it is not a fracture", "X-rays ruled out
a stress fracture"); a hedged one is asserted with lower confidence ("it may be a
strain"). Measured against medspaCy: its ConText runs at ~0.6 MB/s here, these
regular expressions at tens of MB/s, with the same trigger lists at their core.
"""
from __future__ import annotations

import re

from medkg.extractors.base import Annotations, Extractor
from medkg.extractors.document import Mention, Sentence
from medkg.extractors.structure import Structure
from medkg.text import lower

__all__ = ["ContextAnnotator", "NEGATION_PRE", "NEGATION_POST", "HEDGE", "negated_spans", "hedged_spans",
           "mark_context"]

_WINDOW = 60  # characters a trigger reaches (about eight words)

# The triggers are matched against lower-case text (:func:`medkg.text.lower`).

NEGATION_PRE = re.compile(
    r"\b(?:no|not(?!\s+only)|never|without|nor|neither|cannot|can't|isn't|aren't|wasn't|weren't|doesn't|don't|"
    r"didn't|won't|free of|absence of|absent|negative for|(?<!to )(?<!can )(?<!may )(?<!will )(?<!could )(?<!help )(?<!helps )(?<!be )rule[sd]? out|ruling out|(?<!to )excluded?|"
    r"denie[sd]|"
    r"no sign of|no evidence of|no signs of|unlikely to be|instead of|rather than|other than|rarely|seldom)\b"
    # "do not skip the warm-up", "never forget to stretch": two negatives, no negation
    r"(?!\s+(?:skip|ignor|neglect|forget|forgo|miss|overlook)\w*)")
#: a copula and the adverbs that may stand between it and what it denies
_COPULA = r"(?:was|were|is|are|has been|have been|had been)(?:\s+(?:usually|often|generally|normally|typically|probably))?"
NEGATION_POST = re.compile(
    rf"\b(?:{_COPULA}\s+(?:ruled out|excluded|unlikely|uncommon|unusual|"
    r"rarely (?:needed|necessary|required|useful|helpful|recommended|indicated)|"
    r"of (?:little|no|limited) (?:benefit|use|value|help))|"
    # "paracetamol on its own has been shown to be of little benefit", "... found to be ineffective"
    r"(?:has|have|had)\s+been\s+(?:shown|found|proven)\s+to\s+be\s+"
    r"(?:of (?:little|no|limited) (?:benefit|use|value|help)|ineffective|no better than (?:a )?placebo)|"
    rf"(?:{_COPULA}\s+not|isn't|aren't|wasn't|weren't)\s+(?:usually\s+|often\s+|generally\s+|really\s+)?"
    r"(?:the )?(?:cause|problem|issue|reason|suitable|recommended|necessary|needed|helpful|effective|required|advised)|"
    r"(?:is|are)\s+not\s+(?:a|an|the)?\s*(?:sign|symptom|cause|part|feature)|"
    # a test that shows nothing: "A plain X-ray is often normal in the first weeks", "X-rays
    # can look completely normal"
    r"(?:is|are|(?:can|may|will|often|usually)\s+(?:look|be))\s+(?:often\s+|usually\s+|frequently\s+|completely\s+|"
    r"initially\s+|still\s+)?normal\b|"
    # "Taking ibuprofen before training just masks the warning sign"
    r"(?:just|only|simply|merely)\s+(?:masks?|hides?|covers? up|numbs?)\b|"
    # "The infiltrations of corticoids are not a treatment that we use", "... is not a cure"
    r"(?:is|are)\s+not\s+(?:a|an|the)\s+(?:\w+\s+)?(?:treatment|cure|remedy|solution|option)|"
    r"(?:is|are)\s+no longer\s+(?:recommended|used|advised|prescribed)|"
    # "static stretching doesn't prevent DOMS", "painkillers don't really speed up recovery", "it won't help",
    # "paracetamol does not seem to help"
    r"(?:does|do|did|will|wo|would|can|ca)\s*(?:n[o']t|not)\s+"
    r"(?:really\s+|actually\s+|necessarily\s+|always\s+|seem\s+to\s+|appear\s+to\s+)?"
    r"(?:help|work|cause|prevent|stop|speed up|reduce|relieve|fix|cure|treat|heal)|"
    # "Cortisone injection did nothing for me", "the brace made no difference", "ice was useless"
    r"(?:did|does|do|has done|have done)\s+(?:absolutely\s+)?nothing|"
    r"(?:made|makes|make)\s+no\s+(?:real\s+)?difference|"
    r"(?:was|were|is|are)\s+(?:completely\s+|totally\s+)?useless|"
    # "PRP injections are sometimes offered, but studies have not shown that they help",
    # "..., but there is still not enough evidence of its effect"
    r"but\s+(?:studies|research|trials|the evidence|evidence)\s+(?:has|have|do|does)\s*(?:n't|not)\s+"
    r"(?:yet\s+)?(?:shown|proved|proven|found)|"
    r"but\s+there\s+is\s+(?:still\s+)?(?:no|little|not enough|limited|weak)\s+(?:good\s+|strong\s+|clear\s+)?evidence)\b")
#: a comment that denies the whole claim before it, however long: "It has been suggested that
#: stiffness of the thoracic spine might predispose bowlers to side strain, but this has not
#: been shown in published studies"
_DENIED_CLAIM = re.compile(r"\bbut\s+(?:this|that|it)\s+(?:has|have)\s*(?:n't|not)\s+(?:yet\s+)?been\s+"
                           r"(?:shown|proved|proven|demonstrated|confirmed)\b")
#: a label, a colon, and a comment that denies it: "Cortisone injections: we generally don't
#: recommend them", "PRP injections: the evidence is mixed and we don't offer them"
_DENIED_LABEL = re.compile(r"(?P<label>[^:.;!?]{1,60}):\s[^:]*\b(?:don't|do not|doesn't|does not|aren't|isn't|not|never|"
                           r"rarely)\s+(?:\w+\s+){0,2}?(?:recommend|advise|offer|suggest|need|needed|necessary|"
                           r"helpful|effective|work)")
HEDGE = re.compile(
    r"\b(?:may|might|could|possibl[ey]|perhaps|maybe|probabl[ey]|(?<!more )(?<!most )(?<!less )likely|suspect(?:ed)?|suggests?|"
    r"seems?|appears? to|worried|concerned|afraid|i think|i guess|i wonder|potential(?:ly)?|indicative of|"
    r"consistent with|a sign of|if|to rule out|to exclude|(?:can|may|will|could|helps?) rule out)\b")
_TERMINATOR = re.compile(r"\b(?:but|however|although|though|yet|except|whereas|while|which|because|if|unless)\b|[;:.!?()|]|"
                         # a comma before the next instruction: "do not climb stairs, apply ice"
                         r",\s+(?=(?:can|could|should|then|and then|take|apply|use|try|do|wear|rest|keep)\b)|"
                         # a comma and a new clause: "rules out a fracture, and an MRI is the test for ..."
                         r",\s+and\s+(?=(?:a|an|the|this|that|it|you|your|they|he|she|we|i|there|most|many|some)\b)|"
                         # a comma and another alternative: "if sciatica is not settling after six weeks,
                         # or an X-ray if spondylolysis is suspected"
                         r",\s+or\s+(?=(?:a|an)\b)|"
                         # a comma and a consequence: "there is no lump, so it is more likely a strain"
                         r",\s+(?:so|therefore|thus|hence)\b(?!\s+(?:much|many|far|long)\b)|"
                         # "and" before a second verb of the same subject: "is not typical and needs a GP visit"
                         r"\band\s+(?=(?:needs?|requires?|should|must|warrants?)\b)|"
                         r"\s[\u2013\u2014-]\s")
#: a trigger in a clause that opens the sentence ("Although not dangerous, it can lead
#: to sprains", "If not treated in time, it causes chronic pain"), or in a later
#: alternative of it ("If the picture isn't clear, or you are not improving after three
#: months, an MRI can show the tendons"), reaches only to the clause's comma: the main
#: clause after it is not negated
_FRONTED = re.compile(r"^(?:[^\"\u201c]{0,80}[\"\u201c])?"  # also where a quotation opens: 'He said, "If ...'
                      r"\W*(?:although|though|even though|while|whilst|if|when|unless)\b[^,;]*"
                      r"(?:,\s*(?:or|and)\b[^,;]*)*$")
#: ... and so does a trigger in a later conditional clause of a list of them: "if it isn't
#: improving, or if you can't stand on that leg, see a sports physiotherapist"
_SUBORDINATE = re.compile(r"[,;]\s*(?:(?:or|and)\s+)?(?:although|though|even though|while|whilst|if|when|unless)\b[^,;]*$")
#: triggers that deny one phrase, not a clause: "builds over a day rather than
#: immediately, with pain along the joint line" does not deny the pain
_CONTRASTIVE = frozenset({"instead of", "rather than", "other than"})


def _scopes(text: str, trigger: re.Pattern[str], *, backwards: bool = False,
            window: int = _WINDOW) -> list[tuple[int, int]]:
    spans = []
    for m in trigger.finditer(text):
        if backwards:
            begin = max(0, m.start() - window)
            stops = [t.end() for t in _TERMINATOR.finditer(text, begin, m.start())]
            spans.append((stops[-1] if stops else begin, m.start()))
        else:
            limit = min(len(text), m.end() + _WINDOW)
            if _FRONTED.match(text, 0, m.start()) or _SUBORDINATE.search(text, 0, m.start()) \
                    or m.group() in _CONTRASTIVE:
                comma = text.find(",", m.end(), limit)
                limit = limit if comma < 0 else comma
            stop = _TERMINATOR.search(text, m.end(), limit)
            spans.append((m.end(), stop.start() if stop else limit))
    return spans


def _negation_scopes(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans a negation covers after its trigger (and a denied label), and those
    it covers before it ("static stretching doesn't prevent DOMS")."""
    lowered = lower(text)
    denied = _DENIED_LABEL.match(lowered)
    return (_scopes(lowered, NEGATION_PRE) + ([(0, denied.end("label"))] if denied else []),
            _scopes(lowered, NEGATION_POST, backwards=True)
            + _scopes(lowered, _DENIED_CLAIM, backwards=True, window=len(lowered)))


def negated_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` that a negation covers."""
    after, before = _negation_scopes(text)
    return after + before


def hedged_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` that a hedge covers (may, might, possibly, ...)."""
    return _scopes(lower(text), HEDGE)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a mention starts inside a scope. A trigger inside the mention itself
    ("not warming up" as the name of a risk factor) does not count: scopes of
    pre-triggers start where the trigger ends."""
    return any(a <= start < b for a, b in spans)


class ContextAnnotator(Extractor):
    """Marks mentions as negated or hedged."""

    name = "context"

    def __call__(self, structure: Structure, annotations: Annotations) -> None:
        for index, mentions in annotations.mentions_by_sentence().items():
            mark_context(structure.sentences[index], mentions)


def mark_context(sentence: Sentence, mentions: list[Mention]) -> None:
    """Set ``negated`` and ``hedged`` of the mentions of one sentence."""
    named = [(m.start - sentence.start, m.end - sentence.start) for m in mentions]
    # a trigger that is part of a concept's name ("not stretching", "Don't stretch")
    # negates nothing: a scope after it starts in the name, one before it ends there
    after, before = _negation_scopes(sentence.text)
    negations = [scope for scope in after if not any(a < scope[0] <= b for a, b in named)] \
        + [scope for scope in before if not any(a <= scope[1] < b for a, b in named)]
    hedges = hedged_spans(sentence.text)
    for mention in mentions:
        start, end = mention.start - sentence.start, mention.end - sentence.start
        mention.negated = _inside(start, end, negations)
        mention.hedged = _inside(start, end, hedges)
