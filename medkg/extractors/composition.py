"""Concepts named in pieces, and generic names made specific by their context.

Texts often split a concept the vocabulary names in one piece:

* a generic complaint with its place after it: "severe pain in my heel" is heel pain,
  "cramping around the ankles" an ankle cramp, "discomfort in the ankle" ankle pain;
* a place right before a complaint that has none: "anterior tibialis tendinopathy" is
  the vocabulary's tibialis anterior tendinopathy, whichever order names the muscle;
* coordinated places: "knee and ankle pain" is knee pain and ankle pain, and so is
  "pain in the knee and ankle";
* coordinated modifiers: "uneven or sloping surfaces" names uneven surfaces as well
  as sloping ones, "hot or cold packs" hot packs as well as cold packs;
* an injury told with a verb: "I sprained my ankle", "my ankle was sprained",
  "twisted his knee" are an ankle sprain and a knee sprain, "injured my Achilles
  tendon" an Achilles tendon injury, and so is a complaint: "my leg sometimes cramps
  up" is a leg cramp, "my knee still hurts" knee pain;
* a generic condition in a page about one region: "a fracture or sprain" on a page
  about ankle pain is an ankle sprain, when the vocabulary has that concept; on a page
  about no single region, the one kind of it its section named before by that head
  word ("Stress fractures" ... "the fracture heals");
* a remedy left out: "ignoring the warm-up", "not stretching", "a deficiency in
  calcium" name the risk factor or condition of its lack (inadequate warm-up,
  inadequate stretching, low calcium intake), not the remedy; with no such risk
  factor in the vocabulary the remedy's mention is dropped, as it names no remedy;
* an examination told with a verb: "Your doctor will examine you", "the neurologist
  examines reflexes", "we diagnose it by examining the knee" name the physical
  examination, when a clinician does it (a specialist named before the verb, "we", or
  "by examining"); "examine your feet daily" is self-care and names none;
* a department named by its discipline: "go to the cardiovascular surgery" is the
  vascular surgeon's department, not an operation, when the vocabulary knows a
  "cardiovascular surgeon";
* a condition described before its name: in "inflammation of the cartilage ..., called
  costochondritis, can cause ..." the name stands for the description, whose mention
  (inflammation) is dropped;
* an exercise done in place of the usual one: "swap some walks for cycling or swimming",
  "switch to swimming" name cross-training, and the exercise given up ("swap rowing for
  cycling") names no remedy;
* training cut down: "cut back your running", "reduce the amount of running and
  jumping", "back off the volume", "cut your running down" name a reduced training
  load, and training stepped up too fast ("a sudden jump in weekly distance",
  "increase their mileage very quickly") a sudden increase in training; the activity
  changed names no risk or remedy of its own there;
* an age told in numbers: "aged between 40 and 60", "players in their 40s" name
  middle age, "people over 60" older age, "aged 12 to 16" adolescence;
* a load, not an injury: "puts a lot of strain on the knee", "stress on the joints",
  "the strain of movement" name no strain or stress injury, and are dropped ("a
  strain of the calf" stays a strain).

Each rule only replaces or adds a mention when the vocabulary has the composed
concept, so it cannot invent concepts.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from rdflib import URIRef

from medkg.extractors.base import Annotations, Extractor
from medkg.extractors.coordination import COORDINATED
from medkg.extractors.document import Mention, Sentence
from medkg.extractors.relations import GENERIC, LISTED_AFTER, asked_from
from medkg.extractors.structure import Structure
from medkg.ontology.lexicon import Concept, Lexicon
from medkg.ontology.namespace import CONCEPT
from medkg.text import lower

__all__ = ["CompositionStage"]

#: prepositions that put a complaint at a place ("pain in the heel", "swelling around it")
_AT = "in|on|around|at|along|near|behind|inside|under|over|within|below|above|beneath"
_PLACE = re.compile(rf"^\W*(?P<prep>{_AT}|of)\s+"
                    r"(?:(?:the|your|my|his|her|their|a|an|both|one|left|right|front|back|inner|outer|"
                    r"lower|upper|side|area|part)\s+(?:of\s+)?){0,3}$", re.IGNORECASE)
#: a region named with its preposition ("below your knee")
_LEADING_PLACE = re.compile(rf"^(?P<prep>{_AT})\b", re.IGNORECASE)
#: a complaint's name that ends with its place ("pain in the ankle")
_PLACED = re.compile(rf"\b(?P<prep>{_AT})\s+(?:[\w'-]+\s+){{0,3}}[\w'-]+$", re.IGNORECASE)
#: verbs (by stem) that tell an injury, and the head noun of the concept they name
_VERBS = {"sprain": "sprain", "twist": "sprain", "roll": "sprain", "turn": "sprain", "strain": "strain",
          "pull": "strain", "break": "fracture", "broke": "fracture", "fractur": "fracture", "injur": "injury",
          "hurt": "pain", "ache": "pain", "aching": "pain", "damag": "injury", "tear": "tear", "tore": "tear", "torn": "tear",
          "swell": "swelling", "swoll": "swelling", "cramp": "cramp",
          # done to a part only in the past ("tweaked my lower back", not "tweak your knee position")
          "tweaked": "strain", "wrenched": "sprain"}
_VERB = "|".join(sorted(_VERBS, key=len, reverse=True))
#: verbs of a movement, which tell an injury when done ("twisted the wrist") or to someone's
#: own part ("twist your ankle"), not in general ("moves that twist the wrist under load")
_MOVEMENTS = frozenset({"twist", "roll", "turn", "pull"})
_INJURED_BY_MOVEMENT = re.compile(r"^\w+ed\b|\b(?:my|your|his|her|their)\b", re.IGNORECASE)
#: the rest of a word after its stem ("strain|ed")
_WORD_END = re.compile(r"\w*")
#: a direction a part is held in: "turned slightly outwards", "rolled in"
_DIRECTION = re.compile(r"\s+(?:(?:slightly|a\s+little|a\s+bit)\s+)?(?:out|outwards?|in|inwards?|up|upwards?|down|"
                        r"downwards?)\b", re.IGNORECASE)
#: a verb in the past: "rolled", "twisted"
_DONE = re.compile(r"\w+ed\b", re.IGNORECASE)
_VERB_BEFORE = re.compile(rf"\b({_VERB})\w*\s+(?:(?:the|my|your|his|her|their|an?|one|both|left|right)\s+){{0,3}}$",
                          re.IGNORECASE)
_VERB_AFTER = re.compile(rf"^\s+(?:(?:is|was|got|gets|has|have|had|been|became|being|badly|slightly|also|"
                         rf"sometimes|often|always|usually|frequently|occasionally|still|keeps|kept|started|starts)\s+){{0,3}}"
                         rf"({_VERB})\w*\b", re.IGNORECASE)
#: words that say a remedy is left out, right before its name ("skipping the warm-up")
_ABSENCE = re.compile(r"\b(?P<word>(?:ignor(?:e|es|ed|ing)|skip(?:s|ped|ping)?|neglect(?:s|ed|ing)?)"
                      # "skip or rush your warm-up"
                      r"(?:\s+or\s+(?:rush|hurry|skimp\s+on|cut\s+short)\w*)?|"
                      r"lack(?:s|ed|ing)?\s+of|without|insufficient|inadequate|not\s+enough|too\s+little|"
                      r"deficien(?:cy|cies|t)\s+(?:in|of)|shortage\s+of|low\s+levels?\s+of|"
                      r"no|not|don't|do\s+not|didn't|did\s+not|never)\s+"
                      r"(?:(?:the|a|an|your|my|any|their|his|her|proper|adequate|enough|regular|sufficient)\s+){0,2}$",
                      re.IGNORECASE)
#: a second negative before the absence word turns it back ("do not skip the warm-up")
_DOUBLE_NEGATIVE = re.compile(r"\b(?:not|never|don't|n't)\s*$", re.IGNORECASE)
#: how a vocabulary names the lack of a remedy, as a risk factor
_LACK_OF = ("lack of", "inadequate", "insufficient", "no", "not", "skipping")
#: words that name a load when a preposition follows them ("strain on the joints")
_LOAD = re.compile(r"(?:strain|stress|overload)s?", re.IGNORECASE)
#: words that make a strain or stress a load, right before it: "repeated strain", "too much stress",
#: "adds to the strain", "add strain"
_LOAD_BEFORE = re.compile(r"\b(?:repeated|repetitive|constant|excessive|extra|too much|mechanical|more|less|"
                          r"(?:add(?:s|ed|ing)?|contribut(?:e|es|ed|ing)) to (?:the|that|this)|"
                          # "can add strain to the heel", "places stress through the tendon"
                          r"add(?:s|ed|ing)?|plac(?:e|es|ed|ing))\s+$", re.IGNORECASE)
_LOAD_AFTER = re.compile(r"\s+(?P<prep>on|upon|of)\s+(?:(?:the|your|my|his|her|their|a|an)\s+)?", re.IGNORECASE)
#: what stands between a name and a broader kind in apposition to it: "spondylolysis, a stress fracture"
_APPOSITION = re.compile(r"\s*[,(\u2013\u2014-]\s*(?:a|an)\s+", re.IGNORECASE)
#: a word coordinated with the mention after it ("uneven or" before "sloping surfaces")
_MODIFIER_BEFORE = re.compile(r"\b(?P<word>[^\W\d_][\w-]*)\s*(?:,\s*(?:and|or)?|and|or|/)\s*$", re.IGNORECASE)
#: an examination told with a verb, and who may be doing it when no specialist is named
_EXAMINING = re.compile(r"\bexamin(?:e|es|ed|ing)\b", re.IGNORECASE)
_EXAMINER = re.compile(r"(?:\bwe\b[^.;]*|\bby\s+)$", re.IGNORECASE)
_EXAMINATION = CONCEPT["physical-examination"]
#: where one goes, right before a discipline's name ("go to the cardiovascular surgery")
_GOING_TO = re.compile(r"\b(?:(?:go|goes|went|going|come|came|referred|refer you|sent)\s+to|visit|consult|attend)\s+"
                       r"(?:the\s+|a\s+|your\s+)?(?P<word>[^\W\d_]+)\s+$", re.IGNORECASE)
#: what stands before an exercise done in place of the usual one: "swap some walks for",
#: "switch to", "replace running with"
_SWAP = r"(?:swap|swapping|swaps|replace|replacing|substitute|substituting)"
_INSTEAD = re.compile(rf"\b(?:{_SWAP}\b[^.;:!?]{{0,50}}?"
                      r"\b(?:for|with)|(?:switch|switching|change|changing)\s+to)\s+(?:some\s+|a\s+|an\s+)?"
                      r"(?:(?:[\w-]+\s+)?(?:or|and)\s+)?$", re.IGNORECASE)
#: what follows an exercise done in place of the usual one: "you can do swimming or cycling instead"
_INSTEAD_AFTER = re.compile(LISTED_AFTER + r"\s+instead\b", re.IGNORECASE)
#: what stands before the exercise given up: "swap rowing or paddling for ..."
_GIVEN_UP = re.compile(rf"\b{_SWAP}\s+(?:some\s+|your\s+)?"
                       r"(?:(?:[\w-]+\s+)?(?:or|and)\s+)?$", re.IGNORECASE)
#: the words that give a description its name: "inflammation of the cartilage ..., called costochondritis"
_CALLED = re.compile(r"^[^.;:!?]{0,100}?[,(]?\s*(?:also\s+|commonly\s+|often\s+)?"
                     r"(?:called|known as|termed|referred to as|named)\s+(?:an?\s+|the\s+)?[\"'\u201c]?$", re.IGNORECASE)
_CROSS_TRAINING = CONCEPT["cross-training"]
#: how much of an activity a change is of: "the amount of", "your weekly"
_MEASURE = (r"(?:(?:the|your|their|his|her|my|some|of|a\s+bit|how\s+much|how\s+often|how\s+far|amount|length|"
            r"intensity|number|frequency|weekly|daily|total|overall|and|or|you|they)\s+){0,6}")
#: what training is measured in, named right after a change ("cut back the mileage")
_TRAINING = (r"(?:running|runs?|mileage|miles|kilomet(?:re|er)s|km|distance|volume|training|rides?|riding|"
             r"hills?|sprints?|sprinting|jumping|sessions?|workouts?|reps|pace|speed|matches|games|"
             r"climbing|bouldering|cycling|swimming)\b")
#: what a change is of: "running and jumping", "hill running", "the volume"
_ACTIVITY = rf"(?:[\w-]+\s+)?{_TRAINING}(?:\s*(?:,|,?\s+and|,?\s+or)\s+(?:[\w-]+\s+)?{_TRAINING})*"
#: training cut down: "cut back (on)", "reduce", "back off", "dial back" before what is cut
#: down, or with it inside: "cut your running down", "dial it back"
_REDUCING = re.compile(r"\b(?:(?:cut(?:s|ting)?\s+(?:back|down)(?:\s+on)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|"
                       r"decreas(?:e|es|ed|ing)|limit(?:s|ed|ing)?|back(?:s|ed|ing)?\s+off(?:\s+on)?|"
                       r"eas(?:e|es|ed|ing)\s+off(?:\s+on)?|dial(?:s|led|ling)?\s+back(?:\s+on)?|"
                       r"scal(?:e|es|ed|ing)\s+back(?:\s+on)?)\s+" + _MEASURE + _ACTIVITY + "|"
                       r"cut(?:s|ting)?\s+(?:your|the|my)\s+(?:[\w-]+\s+)?" + _TRAINING + r"\s+(?:back|down)|"
                       r"dial(?:s|led|ling)?\s+(?:it|things)\s+back)")
_SUDDENLY = r"(?:sudden(?:ly)?|sharp(?:ly)?|rapid(?:ly)?|abrupt(?:ly)?|quick(?:ly)?|steep|big|large|huge|massive)"
_INCREASING = (r"(?:increas(?:e|es|ed|ing)|ramp(?:s|ed|ing)?\s+up|up(?:s|ped|ping)|doubl(?:e|es|ed|ing)|"
               r"add(?:s|ed|ing)?|build(?:s|ing)?\s+up|buil[dt]\s+up)")
#: training stepped up too fast: "a sudden jump in weekly distance", "suddenly increase
#: the running distance", "increasing suddenly the number of matches", "increase their
#: mileage very quickly" (and not "increase it gradually")
_INCREASED = re.compile(
    rf"\b(?:{_SUDDENLY}\s+(?:increases?|jumps?|rises?|spikes?|hikes?|surges?|ramp-?ups?)\s+(?:in|of)\s+{_MEASURE}{_ACTIVITY}|"
    rf"{_SUDDENLY}\s+{_INCREASING}\s+{_MEASURE}{_ACTIVITY}|"
    rf"{_INCREASING}\s+(?:{_SUDDENLY}\s+{_MEASURE}{_ACTIVITY}|{_MEASURE}{_ACTIVITY}\s+(?:[\w-]+\s+)?"
    r"(?:too\s+(?:quickly|fast|soon|much|rapidly|suddenly)|(?:very\s+|so\s+)?(?:quickly|suddenly|rapidly|sharply))))\b")
#: ... or in one leap: "jumping from 15 to 30 km a week", "going from 25 to 45 km in
#: three weeks", "jumping from two-hour rides to a six-hour sportive"
_LEAPT = re.compile(
    r"\b(?:jump(?:s|ed|ing)?\s+(?:straight\s+)?from\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?\s+to\s+(?:an?\s+)?[\w-]+|"
    r"(?:go|goes|going|went|gone)\s+(?:straight\s+)?from\s+\d+\s*[a-z]*\s+to\s+\d+\s*[a-z]*)")
_GRADUALLY = (r"(?:gradually|slowly|progressively|steadily|step\s+by\s+step|bit\s+by\s+bit|little\s+by\s+little|"
              r"a\s+little\s+at\s+a\s+time|in\s+small\s+steps)")
#: a cap on each step: "by about 10% a week", "by no more than 10 percent"
_SMALL_STEPS = (r"by\s+(?:about\s+|around\s+|roughly\s+|(?:no|not)\s+more\s+than\s+|less\s+than\s+|under\s+|"
                r"at\s+most\s+|up\s+to\s+)?(?:\d+|ten|five)\s*(?:%|per\s*cent|percent)")
_BUILDING = rf"(?:{_INCREASING}|build(?:s|ing)?|built|rebuild(?:s|ing)?|rebuilt|rais(?:e|es|ed|ing)|progress(?:es|ed|ing)?)"
#: training stepped up step by step: "increase your weekly distance gradually, by about
#: 10% a week", "build your mileage up gradually", "slowly build up the distance",
#: "rebuild gradually over 6-8 weeks"
_GRADUAL = re.compile(
    rf"\b(?:{_GRADUALLY}\s+{_BUILDING}\s+(?:up\s+)?{_MEASURE}{_ACTIVITY}|"
    rf"{_BUILDING}\s+(?:up\s+)?{_MEASURE}{_ACTIVITY}\s+(?:[\w-]+\s+)?(?:up\s+)?(?:{_GRADUALLY}|,?\s*{_SMALL_STEPS})|"
    rf"(?:increas(?:e|ing)|rebuild(?:ing)?|build(?:ing)?\s+(?:it\s+|things\s+)?(?:back\s+)?up)\s+(?:it\s+)?{_GRADUALLY})\b")
#: changes of training the text names in words of its own: (the concept, the phrases)
_TRAINING_CHANGES = ((CONCEPT["reduced-training-load"], _REDUCING),
                     (CONCEPT["sudden-increase-in-training"], _INCREASED),
                     (CONCEPT["sudden-increase-in-training"], _LEAPT),
                     (CONCEPT["gradual-training-progression"], _GRADUAL))
#: ages in numbers, with how many years the second number adds to its span: "aged 40
#: to 60", "between 35 and 55 years", "in their 40s and 50s"; "over 60" has no upper end
_AGES = ((re.compile(r"\baged\s+(?:between\s+|from\s+)?(\d{2})\s*(?:-|\u2013|to|and)\s*(\d{2})\b"), 0),
         (re.compile(r"\b(?:between|from)\s+(\d{2})\s*(?:-|\u2013|to|and)\s*(\d{2})\s*(?:years|yrs|year-olds)\b"), 0),
         (re.compile(r"\bin\s+(?:their|your|his|her|my|the)\s+([1-9]0)s(?:\s*(?:and|or|to|-|\u2013)\s*([1-9]0)s)?\b"), 9),
         (re.compile(r"\b(?:aged|are|people|adults|anyone|those|you(?:'re|\s+are))\s+(?:over|above|older\s+than)\s+(\d{2})"
                     r"(?=[ \t]*(?:years|yrs|$|[,;.)]|and\b|or\b))", re.MULTILINE), None))
_OLDER_AGE, _MIDDLE_AGE, _ADOLESCENCE = CONCEPT["older-age"], CONCEPT["middle-age"], CONCEPT["adolescence"]


def _age_group(low: int, high: int | None) -> URIRef | None:
    """The age group a span of ages falls in (``high`` ``None``: "over ``low``")."""
    if high is None:
        return _OLDER_AGE if low >= 60 else _MIDDLE_AGE if low >= 40 else None
    if high < 20:
        return _ADOLESCENCE
    middle = (low + high) / 2
    return _OLDER_AGE if middle >= 60 else _MIDDLE_AGE if middle >= 35 else None


_LOW_IMPACT = CONCEPT["low-impact-exercise"]
_HEADS = ("pain", "cramp", "swelling", "stiffness", "injury", "sprain", "strain", "fracture", "weakness", "ache")
#: generic complaints that name no head of a composed concept, and the head that stands
#: for them ("discomfort in the ankle" is ankle pain)
_HEAD_FOR = {"discomfort": "pain", "ache": "pain", "aching": "pain", "soreness": "pain"}


#: a place named as a side of another: "the thumb side of the wrist", "the little-finger side of the hand"
_SIDE_OF = re.compile(r"^\s+side\s+of\s+(?:(?:the|your|my|his|her|their)\s+)?$", re.IGNORECASE)


def _side_of(text: str, region: Mention, after: list[Mention]) -> Mention:
    """The region that ``region`` names a side of, if the next mention is one ("the
    thumb side of the wrist" is at the wrist), else ``region`` itself."""
    for other in after:
        if other.type == "BodyRegion" and _SIDE_OF.match(text[region.end:other.start]):
            return other
    return region


def _is_load(text: str, mention: Mention, regions: set[int]) -> bool:
    """Whether a condition's mention names a load: "strain on the knee", "the strain
    of movement", but not "a strain of the calf" (``regions``: where body regions are
    named)."""
    if mention.type != "Condition" or not _LOAD.fullmatch(mention.text):
        return False
    if _LOAD_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return True  # "Repeated strain can irritate it"
    after = _LOAD_AFTER.match(text, mention.end)
    return after is not None and (after.group("prep").lower() != "of" or after.end() not in regions)


class CompositionStage(Extractor):
    """Adds or replaces mentions by the rules in this module's docstring."""

    name = "compose"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        #: what an examination told with a verb names, if the vocabulary has it
        self._examination = lexicon[_EXAMINATION] if _EXAMINATION in lexicon else None

    def _compose(self, region: Concept, head: str, preposition: str = "") -> Concept | None:
        """The vocabulary's concept for ``head`` at ``region`` ("pain" + "knee" -> knee
        pain; with "below", pain below the knee when the vocabulary has it)."""
        labels = [f"{head} {preposition} the {region.label}"] if preposition not in ("", "in", "of", "on") else []
        for label in (*labels, f"{region.label} {head}", f"{head} in the {region.label}", f"{head} of the {region.label}"):
            found = self.lexicon.lookup(label)
            if found:
                return found[0]
        return None

    def _placeless(self, concept: Concept) -> bool:
        """Whether a complaint names no region of the body: none at all ("pain"), or
        only kinds of tissue ("sprain": ligament, joint; "strain": muscle), which a
        region makes specific ("a sprain" on a page about the ankle is an ankle sprain)."""
        return not any(self.lexicon.is_region(site) for site in concept.sites)

    def _heads(self, concept: Concept) -> list[str]:
        words = concept.label.lower().split()
        heads = [w for w in reversed(words) if w.rstrip("s") in _HEADS or w in _HEADS]
        return heads + [_HEAD_FOR[w] for w in reversed(words) if w in _HEAD_FOR and _HEAD_FOR[w] not in heads]

    def __call__(self, structure: Structure, annotations: Annotations) -> None:
        text = structure.document.text
        added: list[Mention] = []
        #: spans whose mention a composed one replaces ("Hot" in "hot or cold packs")
        replaced: set[tuple[int, int]] = set()
        by_sentence = annotations.mentions_by_sentence()
        # a phrase may name a concept in a sentence with no other one
        phrased, inside = self._phrased(structure, by_sentence)
        replaced |= {(m.start, m.end) for m in inside}
        added += phrased
        for index, mentions in by_sentence.items():
            ordered = sorted(mentions, key=lambda m: m.start)
            placed: list[Mention] = []  # complaints composed with their place
            for position, (a, b) in enumerate(zip(ordered, ordered[1:])):
                between = text[a.end:b.start]
                concept_a = self.lexicon[a.concept]
                concept_b = self.lexicon[b.concept]
                # "severe pain in my heel" -> heel pain (only for complaints with no place of their own)
                place = _PLACE.match(between) or (not between.strip() and _LEADING_PLACE.match(b.text))
                if a.type in ("Symptom", "Condition") and b.type == "BodyRegion" and self._placeless(concept_a) \
                        and place and not _is_load(text, a, {b.start}):
                    preposition = place.group("prep").lower()
                    # "pain at the thumb side of the wrist": the wrist is the place
                    b = _side_of(text, b, ordered[position + 2:position + 3])
                    for head in self._heads(concept_a):
                        composed = self._compose(self.lexicon[b.concept], head, preposition)
                        if composed is not None:
                            placed.append(self._mention(composed, a.start, b.end, text, index, a))
                            break
                # "anterior tibialis tendinopathy" -> tibialis anterior tendinopathy: a place right
                # before a complaint with none of its own names the vocabulary's complaint there
                if a.type == "BodyRegion" and not a.ambiguous and b.type in ("Symptom", "Condition") and not between.strip() \
                        and self._placeless(concept_b) \
                        and (composed := self._compose(concept_a, concept_b.label)) is not None:
                    placed.append(self._mention(composed, a.start, b.end, text, index, b))
                    replaced |= {(a.start, a.end), (b.start, b.end)}
                # "an MRI scan", "a Doppler ultrasound scan": the kind after a test's name is
                # part of the name, no second test
                if a.type == b.type == "Test" and not between.strip() and len(b.text.split()) == 1 \
                        and b.concept in self.lexicon.ancestors(a.concept):
                    replaced.add((b.start, b.end))
                # "spondylolysis, a stress fracture of the lumbar spine": a broader kind in
                # apposition names the condition again (with its place), no second condition
                if a.type == b.type == "Condition" and _APPOSITION.fullmatch(between) \
                        and b.concept in self.lexicon.ancestors(a.concept):
                    replaced.add((b.start, b.end))
                    added.append(replace(b, concept=a.concept))
                # "knee and ankle pain" -> knee pain as well as ankle pain
                if a.type == "BodyRegion" and b.type in ("Symptom", "Condition") and concept_b.sites \
                        and COORDINATED.fullmatch(between):
                    for head in self._heads(concept_b):
                        composed = self._compose(concept_a, head)
                        if composed is not None and composed.iri != concept_b.iri:
                            added.append(self._mention(composed, a.start, a.end, text, index, b))
                            break
            added += placed + self._coordinated_places(text, index, ordered, placed)
            verbal, verbs = self._verbal(text, index, ordered)
            added += verbal
            replaced |= {(m.start, m.end) for m in verbs}
            added += self._examinations(text, structure.sentences[index], index, ordered)
            elided = self._elided(text, index, ordered)
            replaced |= {(m.start, m.end) for m in elided}
            added += elided
            replaced |= {(m.start, m.end) for m in self._described(text, ordered)}
            given_up, instead = self._alternatives(text, ordered)
            replaced |= {(m.start, m.end) for m in given_up + instead}
            added += [replace(m, concept=_CROSS_TRAINING) for m in instead]
            for operation, department in self._departments(text, ordered):
                replaced.add((operation.start, operation.end))
                added.append(department)
        annotations.mentions[:] = [m for m in annotations.mentions if (m.start, m.end) not in replaced]
        annotations.mentions.extend(added)
        regions = {m.start for m in annotations.mentions if m.type == "BodyRegion"}
        annotations.mentions[:] = [m for m in annotations.mentions if not _is_load(text, m, regions)]
        self._absent_remedies(text, annotations)
        self._specialise(structure, annotations)

    def _absent_remedies(self, text: str, annotations: Annotations) -> None:
        """A remedy named as left out becomes the risk factor of its lack, or is dropped."""
        kept = []
        for m in annotations.mentions:
            absence = _ABSENCE.search(text, max(0, m.start - 40), m.start) if m.type == "Treatment" else None
            if absence is None or _DOUBLE_NEGATIVE.search(text, max(0, absence.start() - 12), absence.start()):
                kept.append(m)
                continue
            lack = self._lack_of(self.lexicon[m.concept])
            if lack is not None:
                start = absence.start("word")
                kept.append(Mention(concept=lack.iri, type=lack.type, start=start, end=m.end,
                                    text=text[start:m.end], sentence=m.sentence, ambiguous=m.ambiguous))
        annotations.mentions[:] = kept

    def _lack_of(self, remedy: Concept) -> Concept | None:
        """The vocabulary's risk factor for going without ``remedy`` ("lack of stretching"),
        else, for a nutrient, its deficiency ("low levels of magnesium")."""
        for label in remedy.labels:
            for prefix in _LACK_OF:
                found = [c for c in self.lexicon.lookup(f"{prefix} {label}") if c.type == "RiskFactor"]
                if found:
                    return found[0]
        for label in remedy.labels:
            found = [c for c in self.lexicon.lookup(f"{label} deficiency") if c.type in ("Condition", "RiskFactor")]
            if found:
                return found[0]
        return None

    def _coordinated_places(self, text: str, sentence: int, mentions: list[Mention],
                            composed: list[Mention]) -> list[Mention]:
        """"Pain in the ankle and foot", "swelling in the knees, hips or ankles": a
        complaint named with its place (by one label or composed) is at each region
        coordinated with that place too."""
        found = []
        for m in [*mentions, *composed]:
            place = _PLACED.search(m.text) if m.type in ("Symptom", "Condition") else None
            if place is None:
                continue
            heads = self._heads(self.lexicon[m.concept])
            end = m.end
            for region in (r for r in mentions if r.start >= m.end):
                if region.type != "BodyRegion" or not COORDINATED.fullmatch(text, end, region.start):
                    break
                end = region.end
                made = next((c for head in heads
                             if (c := self._compose(self.lexicon[region.concept], head, place["prep"].lower()))), None)
                if made is not None and made.iri != m.concept:
                    found.append(self._mention(made, region.start, region.end, text, sentence, m))
        return found

    def _verbal(self, text: str, sentence: int, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Injuries told with a verb around a body region ("I sprained my ankle"), and
        the generic injury the verb named ("strain" in "likely to strain a hamstring"),
        which the composed one replaces ("my wrist is swollen" still names swelling)."""
        found, verbs = [], []
        for m in mentions:
            if m.type != "BodyRegion" or m.ambiguous:
                continue
            before = _VERB_BEFORE.search(text[max(0, m.start - 40):m.start])
            if before and before.group(1).lower() in _MOVEMENTS and not _INJURED_BY_MOVEMENT.search(before.group()):
                before = None  # "moves that twist the wrist under load": a movement, not an injury
            after = _VERB_AFTER.match(text[m.end:m.end + 40])
            if after and after.group(1).lower() in _MOVEMENTS and (
                    not _DONE.match(after.group(), after.start(1))
                    or _DIRECTION.match(text, m.end + _WORD_END.match(after.group(), after.start(1)).end())):
                # "if your feet roll in a lot", "with the ankle turned slightly outwards": how
                # it moves or is held, not an injury ("my ankle rolled", "it turned over")
                after = None
            for verb, at in ((before, max(0, m.start - 40)), (after, m.end)):
                if verb is None:
                    continue
                composed = self._compose(self.lexicon[m.concept], _VERBS[verb.group(1).lower()])
                if composed is not None and composed.type in ("Condition", "Symptom"):
                    found.append(self._mention(composed, m.start, m.end, text, sentence, m))
                    start, end = at + verb.start(1), _WORD_END.match(text, at + verb.end(1)).end()
                    verbs += [v for v in mentions if start <= v.start and v.end <= end and v.type == "Condition"
                              and v.concept in self.lexicon.ancestors(composed.iri)]
                    break
        return found, verbs

    def _examinations(self, text: str, sentence: Sentence, index: int, mentions: list[Mention]) -> list[Mention]:
        """A clinician's examination told with a verb ("Your doctor will examine you")."""
        exam = self._examination
        if exam is None:
            return []
        found = []
        for verb in _EXAMINING.finditer(text, sentence.start, sentence.end):
            if any(m.type == "Specialist" and m.end <= verb.start() for m in mentions) \
                    or _EXAMINER.search(text, sentence.start, verb.start()):
                found.append(Mention(concept=exam.iri, type=exam.type, start=verb.start(), end=verb.end(),
                                     text=verb.group(), sentence=index))
        return found

    def _described(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A condition named by its description before its name ("Inflammation of the
        cartilage where the ribs meet the breastbone, called costochondritis, can cause
        ..."): the description's mention, which the name stands for."""
        found = []
        for a in (m for m in mentions if m.type == "Condition"):
            named = next((b for b in mentions if b.start >= a.end and b.type == "Condition"), None)
            if named is not None and named.concept != a.concept and _CALLED.match(text[a.end:named.start]) \
                    and not any(o.type == "Condition" and a.end <= o.start < named.start for o in mentions if o is not named):
                found.append(a)
        return found

    def _phrased(self, structure: Structure, by_sentence: dict[int, list[Mention]]
                 ) -> tuple[list[Mention], list[Mention]]:
        """Concepts a phrase of the text's own names (see :meth:`_training_changes` and
        :meth:`_ages`): their mentions, and those of the concepts inside them, which
        name nothing of their own there (the activity of "cut back your running"). A
        phrase the vocabulary names already ("reduce your mileage", "middle-aged")
        is left alone. The document is searched once, not sentence by sentence (a
        tenth of the stage's time, measured)."""
        text = structure.document.text
        lowered = lower(text)
        starts = [sentence.start for sentence in structure.sentences]
        found, inside = [], []
        for start, end, iri in (*self._training_changes(lowered), *self._ages(lowered)):
            if iri not in self.lexicon:
                continue
            concept = self.lexicon[iri]
            index = bisect_right(starts, start) - 1
            if index < 0 or end > structure.sentences[index].end:
                continue  # outside the sentences, or across two
            mentions = by_sentence.get(index, [])
            if any(m.type == concept.type and m.start < end and start < m.end
                   and not (start <= m.start and m.end <= end and (m.start, m.end) != (start, end))
                   for m in mentions):
                continue  # named by the vocabulary already (not just something inside)
            found.append(Mention(concept=concept.iri, type=concept.type, start=start, end=end,
                                 text=text[start:end], sentence=index))
            inside += [m for m in mentions if start <= m.start and m.end <= end
                       and m.type in ("RiskFactor", "Treatment")]
        return found, inside

    @staticmethod
    def _training_changes(lowered: str) -> list[tuple[int, int, URIRef]]:
        """Training cut down ("cut back your running", "reduce the amount of running
        and jumping", "cut your running down") names a reduced training load, stepped
        up too fast ("a sudden jump in weekly distance", "increase their mileage very
        quickly") a sudden increase in training."""
        return [(*phrase.span(), iri) for iri, phrases in _TRAINING_CHANGES for phrase in phrases.finditer(lowered)]

    @staticmethod
    def _ages(lowered: str) -> list[tuple[int, int, URIRef]]:
        """Ages told in numbers name their age group: "aged between 40 and 60" and
        "players in their 40s" middle age, "are over 60" older age."""
        found = []
        for pattern, more in _AGES:
            for age in pattern.finditer(lowered):
                low = int(age.group(1))
                high = age.group(2) if pattern.groups == 2 else None
                group = _age_group(low, None if more is None else int(high or low) + more)
                if group is not None:
                    found.append((*age.span(), group))
        return found

    def _alternatives(self, text: str, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """An exercise done in place of the usual one ("swap some walks for cycling or
        swimming", "switch to swimming", "do swimming or cycling instead") is
        cross-training, and the one given up ("swap rowing for cycling") names no remedy:
        (given up, done instead)."""
        if _CROSS_TRAINING not in self.lexicon:
            return [], []
        exercises = [m for m in mentions if m.type == "Treatment" and _LOW_IMPACT in self.lexicon.ancestors(m.concept)]
        given_up = [m for m in exercises if _GIVEN_UP.search(text, max(0, m.start - 60), m.start)]
        instead = [m for m in exercises if m not in given_up and (_INSTEAD.search(text, max(0, m.start - 80), m.start)
                                                                  or _INSTEAD_AFTER.match(text, m.end))]
        return given_up, instead

    def _departments(self, text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
        """"go to the cardiovascular surgery": the department of a discipline's surgeon,
        with the mention of the operation it replaces."""
        found = []
        for m in mentions:
            going = _GOING_TO.search(text, max(0, m.start - 60), m.start) \
                if m.type == "Treatment" and m.text.lower() == "surgery" else None
            if going is None:
                continue
            surgeon = next((c for c in self.lexicon.lookup(f"{going.group('word')} surgeon") if c.type == "Specialist"),
                           None)
            if surgeon is not None:
                start = going.start("word")
                found.append((m, Mention(concept=surgeon.iri, type=surgeon.type, start=start, end=m.end,
                                         text=text[start:m.end], sentence=m.sentence)))
        return found

    def _elided(self, text: str, sentence: int, mentions: list[Mention]) -> list[Mention]:
        """Modifiers that share the rest of the next mention's name ("uneven or sloping
        surfaces" -> uneven surfaces), when the vocabulary knows the composed name."""
        found = []
        for m in mentions:
            rest = m.text.split(maxsplit=1)
            coordinated = _MODIFIER_BEFORE.search(text, max(0, m.start - 40), m.start)
            if len(rest) < 2 or coordinated is None:
                continue
            start, end = coordinated.span("word")
            if any(o.end == end and (o.start != start or o.type == "BodyRegion") for o in mentions):
                continue  # the word ends a longer name of its own, or is a place ("knee and ankle pain")
            for concept in self.lexicon.lookup(f"{coordinated.group('word')} {rest[1]}"):
                if concept.type == m.type and concept.iri != m.concept:
                    found.append(self._mention(concept, start, end, text, sentence, m))
                    break
        return found

    def _mention(self, concept: Concept, start: int, end: int, text: str, sentence: int, like: Mention) -> Mention:
        return Mention(concept=concept.iri, type=concept.type, start=start, end=end, text=text[start:end],
                       sentence=sentence, ambiguous=like.ambiguous)

    def _kinds_named_before(self, structure: Structure, conditions: list[Mention], mention: Mention) -> set[URIRef]:
        """The kinds of a generic condition that ``conditions`` name before it in its
        section, the section's heading included: "Hip impingement (FAI)" over "... impingement"."""
        block = structure.blocks[structure.sentences[mention.sentence].block]
        first = block.section[-1] if block.section else 0
        head = " " + lower(mention.text)
        return {m.concept for m in conditions
                if m.end <= mention.start and structure.sentences[m.sentence].block >= first
                and lower(m.text).endswith(head) and mention.concept in self.lexicon.ancestors(m.concept)}

    def _specialise(self, structure: Structure, annotations: Annotations) -> None:
        """Generic conditions become the region-specific one of the page's main region."""
        title = {i: asked_from(s) for i, s in enumerate(structure.sentences)
                 if structure.blocks[s.block].kind == "title"}
        # (a tissue is no region: "a strain" in the title is in a muscle, not a second place;
        # nor is what the title asks after its complaint: "Hamstring pain: what's going on at
        # the back of your thigh?")
        named = [m for m in annotations.mentions if m.sentence in title and m.start < title[m.sentence]]
        regions = [self.lexicon[site] for m in named if m.concept in self.lexicon for site in self.lexicon[m.concept].sites
                   if site in self.lexicon and self.lexicon.is_region(site)]
        regions += [self.lexicon[m.concept] for m in named if m.type == "BodyRegion"]
        # no single main region: a generic name is the one kind of it the page names, if any
        region = regions[0] if len({r.iri for r in regions}) == 1 else None
        conditions = [m for m in annotations.mentions if m.type == "Condition"]
        for m in conditions:
            concept = self.lexicon[m.concept]
            if not self._placeless(concept) or m.concept in GENERIC:
                continue
            one_word = len(concept.label.split()) == 1
            composed = self._compose(region, concept.label) if region is not None and one_word else None
            if composed is not None and composed.type == "Condition":
                m.concept = composed.iri
            elif len(kinds := self._kinds_named_before(structure, conditions, m)) == 1:
                m.concept = kinds.pop()  # ("a stress fracture" after "metatarsal stress fracture")
