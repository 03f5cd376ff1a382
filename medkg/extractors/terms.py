"""Whether a phrase reads as a term (a noun phrase) rather than a clause or an instruction.

New-term candidates come from list items under a heading that sets a relation
("Causes:", "Exercises:") when the vocabulary knows nothing in the item. Many such
items are not terms at all: steps of an exercise ("Sit on the floor", "Hold this
position for 30 seconds"), clauses ("The running ground is not suitable", "how often
they occur") or asides ("However", "According to my personal experience"). A curator
wants the terms ("Wrong landing posture", "Compression sleeves"), so a phrase is kept
only when it has none of the marks of a clause: no auxiliary or modal verb, no
personal or demonstrative pronoun, and it does not open with a word that starts a
clause or an instruction (a conjunction, preposition, adverb, question word, or one
of the verbs that open exercise and self-care steps). A part-of-speech tagger would
do this more generally, but spaCy's English models are not on PyPI (checked:
``pip download en-core-web-sm`` finds nothing), so medkg could not install one.
"""
from __future__ import annotations

import re

__all__ = ["is_term_like"]

#: words with their apostrophes ("don't", "isn't"), typographic ones included
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")

#: auxiliaries, modals and copulas: their presence makes a clause
_FINITE = frozenset("""
am is are was were be been being isn't aren't wasn't weren't can could should would will shall may might must
do does did don't doesn't didn't can't cannot won't shouldn't couldn't have has had haven't hasn't
""".split())
#: personal, possessive and demonstrative pronouns: a term names a thing, not a referent
_PRONOUNS = frozenset("""
i me my mine you your yours he him his she her hers it its we us our ours they them their theirs
this that these those there here something someone anyone everyone
""".split())
#: words that open a clause, an aside or a question rather than a noun phrase
_OPENERS = frozenset("""
according although though however if when whenever while how what why where which who whom whose because since
as after before during then also so but and or nor yet first firstly second secondly finally next further
furthermore moreover besides instead otherwise therefore thus hence without with within for from to into onto
by at in on of off about against between among under over through until unless once again always never often
sometimes usually just only even still already almost very too not no yes please
""".split())
#: verbs that open exercise and self-care steps ("Sit on the floor", "Keep your back straight");
#: an opening adverb ("Gradually reduce ...") is caught by its "-ly"
_IMPERATIVES = frozenset("""
sit stand hold stay keep lie lay place put pull push lift raise lower bend straighten repeat rotate turn move
walk jog step slide roll squeeze press point flex tighten relax breathe return switch change choose start stop
begin continue avoid make get go do try take use apply wear drink eat check see consult ask call remember
perform cross reach lean face grab bring let count rest control reduce
increase decrease give wait leave add mix spend aim ensure include allow watch listen follow
""".split())


def is_term_like(phrase: str) -> bool:
    """Whether ``phrase`` reads as a noun phrase that could name a concept."""
    found = [w.lower().replace("\u2019", "'") for w in _WORD.findall(phrase)]
    if not found or found[0] in _OPENERS or found[0] in _IMPERATIVES or found[0].endswith("ly"):
        return False
    return not any(w in _FINITE or w in _PRONOUNS for w in found)
