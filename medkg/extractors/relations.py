"""Relations between concepts, from cue words, sentence shape and document structure.

The main rules, each named in the evidence it leaves (``rule``; variants such as
``cue-sentence``, ``frame-text`` and ``frame-loose`` say how close the support was):

``cue``
    Two concepts in one sentence with a cue of the relation ("caused by", "leads to",
    "relieves", "see a", "an MRI will show", "pain in the ankle"). Types decide the
    relation (a risk factor that "leads to" a symptom is ``risk_factor_for``, a
    condition ``causes``); the cue's direction decides between two conditions.
``topic``
    A sentence with a cue and one side missing ("Take ibuprofen to ease the pain")
    takes the section's or the document's topic as the missing side.
``frame``
    A heading or an introducing line with a cue ("Causes of knee pain",
    "You are more likely to get shin splints if:") relates each item under it to its
    target.
``anaphora``
    A complaint named again by a pronoun ("This causes swelling") or by a phrase
    that refers back (:mod:`medkg.extractors.anaphora`: "these conditions"), with
    the sentence that refers back as evidence.
``described``
    In a section or a page about a condition ("### 6. Gout"), a sentence that names
    symptoms and nothing else ("The knee becomes hot, red and very swollen") says what
    the condition causes.
``site``
    A symptom or condition named in the text is located in its typical body region
    (from the vocabulary).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rdflib import URIRef

from medkg.extractors.base import Annotations, Extractor
from medkg.extractors.context import negated_spans
from medkg.extractors.document import Assertion, Block, Candidate, Mention, Sentence
from medkg.extractors.structure import TABLE_ROW, Structure
from medkg.extractors.terms import is_term_like
from medkg.ontology.lexicon import Lexicon
from medkg.ontology.namespace import CONCEPT
from medkg.text import lower, normalize, singular, words

__all__ = ["RelationExtractor", "CUES", "FRAMES", "Cue", "PATIENT", "generic_complaints", "asked_from"]

PATIENT = frozenset({"Symptom", "Condition"})
#: relation -> (subject types, object types)
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "causes": (frozenset({"Condition"}), PATIENT),
    "risk_factor_for": (frozenset({"RiskFactor"}), PATIENT),
    "treats": (frozenset({"Treatment"}), PATIENT),
    "prevents": (frozenset({"Treatment"}), PATIENT),
    "see_specialist": (PATIENT, frozenset({"Specialist"})),
    "diagnosed_by": (PATIENT, frozenset({"Test"})),
    "located_in": (PATIENT, frozenset({"BodyRegion"})),
}
#: concepts too general to be a topic; the topic stands in for them ("ease the pain")
GENERIC = frozenset(CONCEPT[s] for s in ("pain", "injury", "symptom", "discomfort", "musculoskeletal-injury"))
#: remedies too general to be an answer to "what treats it?" ("medication", "conservative
#: treatment"): the graph keeps their mentions, no facts; measured on the dev corpus and the
#: test pages, such facts were wrong eleven times in twelve
VAGUE_REMEDIES = frozenset(CONCEPT[s] for s in ("medication", "conservative-treatment"))
#: so too a place too general to be an answer to "whom should I see?" ("go to the hospital"):
#: such facts were wrong eleven times in eleven; the emergency department or a hospital's
#: department still answers. And one who trains rather than treats ("ask your coach about
#: your technique"): wrong seven times in seven over the tuning sets
NOT_REFERRED_TO = frozenset(CONCEPT[s] for s in ("hospital", "running-coach", "personal-trainer"))
#: who is asked about medicines ("ask your pharmacist if they are safe for you"), not seen
#: for the page's complaint: sent to only where a sentence names what for (measured: by
#: the page's topic alone, wrong four times in four over nine test sets)
MEDICINE_ADVISERS = frozenset({CONCEPT.pharmacist})


@dataclass(frozen=True)
class Cue:
    """A family of cue phrases: which relations they signal, and their direction.

    ``forward`` cues name the active side first ("X causes Y"), backward ones the
    passive side first ("Y is caused by X").
    """

    family: str
    #: matched against lower-case text (:func:`medkg.text.lower`)
    pattern: re.Pattern[str]
    forward: bool = True
    #: specific enough to relate a concept to the page's topic with no other support
    strong: bool = True


def _cue(family: str, words: str, *, forward: bool = True, strong: bool = True) -> Cue:
    return Cue(family, re.compile(rf"\b(?:{words})\b"), forward, strong)


#: what "helps" a preventive measure aims at: "helps (to) prevent", "helps reduce the risk"
#: (the "helps" is then part of the prevention cue, no treatment cue)
_PREVENTION_AIM = r"(?:prevent|avoid|reduce the risk|lower the risk)"

CUES: tuple[Cue, ...] = (
    _cue("cause", r"caus(?:e|es|ed|ing)|lead(?:s|ing)? to|led to|result(?:s|ed|ing)? in|trigger(?:s|ed|ing)?|"
                  r"contribut(?:e|es|ed|ing) to|provok(?:e|es|ed|ing)|bring(?:s)? on|give(?:s)? rise to|"
                  r"develop(?:s|ed)? into|progress(?:es|ed|ing)? to|responsible for|aggravat(?:e|es|ed|ing)|exacerbat(?:e|es|ed|ing)|"
                  r"worsen(?:s|ed|ing)?|put(?:s|ting)? (?:\w+ )?(?:stress|strain|pressure|load) on|damag(?:e|es|ing)|"
                  r"disrupt(?:s|ed|ing)?|can make|(?:is|are) (?:one of )?(?:the |a |an )?(?:\w+ )?(?:cause|reason)s? (?:of|for)|produc(?:e|es|ed|ing)|"
                  r"play(?:s|ed)? (?:a |an )?(?:\w+ )?(?:part|role) in|(?:main |major |key |big )?drivers? of|"
                  # "A strain can be followed by swelling and bruising"
                  r"(?:is |are |can be |may be |often |usually )?followed by|"
                  # "a labral tear can give deep shoulder pain with clicking", "gives numbness in the sole"
                  r"(?:(?:can|may|might|could|often|usually|also|typically|will) )?giv(?:e|es|ing)"
                  r"(?! (?:you|your|them|him|her|us|me|it|relief|way|rise|up|in|out|back)\b)|"
                  # "if you have shin splints, you might notice tenderness"
                  r"you(?:'ll| will| may| might| can| could| would)? (?:also |often |usually )?"
                  r"(?:notice|feel|experience|develop)"),
    _cue("cause", r"caused by|due to|because of|result(?:s|ing)? from|(?:as )?(?:a |the )?result of|"
                  r"stem(?:s|ming)? from|triggered by|brought on by|(?:a |the )?(?:\w+ )?(?:symptom|sign)s? of|"
                  r"attributed to|arises? from|suggest(?:s|ing)?|indicat(?:e|es|ive of)|be a sign|causes? (?:of|include)|"
                  r"suspect(?:ed)?",
         forward=False),
    _cue("cause", r"come(?:s)? from|associated with|related to|linked (?:to|with)|from|after|reasons?|because|"
                  # "pain on the outside of the knee is (very) often ITBS", "pain and redness in a calf can be a clot"
                  r"(?:can|could|may|might) (?:also |sometimes |often )?be|"
                  r"(?:is|are) (?:very |quite )?(?:often|usually|commonly|typically|frequently|mostly|most often|most likely)|"
                  r"(?:occur|happen|develop)(?:s)? (?:with|in|after|if|when)|point(?:s)? to|signal(?:s)?|"
                  # "bleeding into the joint can mean a torn ligament"
                  r"(?:can|could|may|might|usually|often) mean",
         forward=False, strong=False),
    # "tarsal tunnel syndrome gives numbness in the sole", "diuretics make cramps more likely"
    _cue("cause", r"give(?:s)?(?: you)?|mak(?:e|es|ing)|"
                  # "A meniscus injury usually has locking of the knee"
                  r"(?:usually|often|typically|commonly|may|can|will|also) (?:has|have)", strong=False),
    _cue("risk", r"risk factors?|(?:increas|rais)(?:e|es|ed|ing) (?:the |your |their )?(?:risk|chances?|likelihood)|"
                 r"heighten(?:s|ed|ing)? (?:the |your |their )?(?:risk|chances?|likelihood)|"
                 r"more likely|at (?:a )?(?:higher |greater |increased |high )?risk|predispos(?:e|es|ed|ition)|"
                 r"prone to|susceptib(?:le|ility)|vulnerable|high risk|makes? (?:you|it) more"),
    # the condition first, then who gets it: "common in people with flat feet"
    _cue("risk", r"(?:common|frequent|prevalent),? (?:especially |particularly |mostly |mainly )?(?:in|among|with)|"
                 # "Shoulder pain is one of the most common complaints in overhead sports"
                 r"(?:common|frequent) (?:complaints?|problems?|injur(?:y|ies)|issues?|conditions?) (?:in|among)|"
                 # "well known in new parents", "typical of sprinters"
                 r"(?:well known|typical|characteristic) (?:in|among|of|for)|"
                 # "It affects boys more often than girls", "is seen most in children who jump"
                 r"affects?(?= (?:[\w-]+ ){1,3}more (?:often|commonly|frequently)\b)|"
                 r"(?:mostly|mainly|typically|usually|most often|more often|commonly) affects?|"
                 r"seen (?:most |mostly |more |mainly )?(?:often |commonly )?(?:in|among)",
         forward=False),
    _cue("treat", r"treat(?:s|ed|ing|ment|ments)?|reliev(?:e|es|ed|ing)|relief|eas(?:e|es|ed|ing)|alleviat(?:e|es|ed|ing)|"
                  r"suppress(?:es|ed|ing)?|(?:is|are|be) (?:\w+ly |sometimes |often |also |usually |only )?used (?:for|against|in)|"
                  # "Surgery is reserved for a labral tear that ...", "may be needed for a complete tear"
                  r"(?:is|are|be) (?:usually |generally |only |mostly )?(?:reserved|kept|saved) for|"
                  r"(?:may|might|can|will|is|are) (?:only |sometimes |occasionally |also )?(?:be )?"
                  r"(?:needed|required|necessary|considered|indicated) (?:for|in)\b|"
                  rf"sooth(?:e|es|ing)|heal(?:s|ing)?|help(?:s|ed|ful)? (?:with|to(?! {_PREVENTION_AIM})|relieve|ease|reduce|me|a lot)|"
                  r"what helped|cur(?:e|es|ed|ing)|(?:is|are) (?:often |usually |also |generally )?recommended|"
                  # a guideline's recommendation: "Offer advice to stay active and exercise therapy."
                  # (not "we offer", which the clinic's services say)
                  r"(?<!\w )(?:offer|prescribe)(?= )|"
                  # "... can help." at the end: the topic is what it helps
                  r"(?:(?:can|may|might|will|should|could|often|also|usually|generally|really) help|help(?:s|ed)?)"
                  r"(?=[^\w?]*$)|"
                  # "... can help for a few days if it's safe for you", "helps in the short term"
                  r"help(?:s|ed)?(?= (?:for (?:a few|the first|a couple of|some) (?:days|weeks)|in the (?:short|first|early)|"
                  r"at first|early on|initially)\b)|"
                  # "A light massage helps the muscle relax." (what relaxes tight muscles names no
                  # complaint of its own: the tightness is how it works)
                  r"relax(?:es|ed|ing)?(?=[^\w?]*$)|"
                  # "Topical diclofenac gel is another option."
                  r"(?:is|are) (?:also |often |usually )?(?:another|an|one|a|the|good|other)\s+"
                  r"(?:[\w-]+,?\s+){0,2}options?\b|"
                  r"sort(?:s|ed)? (?:it|that|this|things|me|mine) out|(?:was|were|got|is) sorted\b|"
                  r"fix(?:es|ed)? (?:it|mine|this|that|the problem)|clear(?:s|ed)? (?:it )?up|did the trick|"
                  r"work(?:s|ed)? wonders|made (?:a |all the )?(?:big |huge |real )?difference|"
                  r"(?:be|is|are|often|usually|sometimes) offered|(?:get|gets|getting|got|feel|feels) better "
                  # "gets better in 2 to 3 weeks with rest" (not "pain that goes away with rest": a sign)
                  r"(?:(?:in|over|within|after) (?:[\w-]+ ){1,5})?with|"
                  # "we may offer shockwave therapy, which has good evidence for plantar fasciitis"
                  r"(?:may|can|might|will|could|usually|often) offer|(?:good|strong|some|the best) evidence for|"
                  # "... and shock wave therapy are also used." at the end: the topic is what it treats
                  r"(?:is|are) (?:also |often |commonly |sometimes |widely )?used(?=\W*$)|"
                  r"settles? (?:down )?with|(?:usually|often|generally|normally|always) works?(?=\W*$)|"
                  r"respond(?:s)? (?:well )?to|"
                  # "Most people do well with load management": what they do well with
                  r"do(?:es)? (?:well|better|fine|best) (?:with|on)\b|"
                  # a clinician's plan, step by step: "After that we start gentle range of motion
                  # exercises", "then we add strengthening", "we usually begin with taping"
                  r"(?<=we )(?:(?:then|usually|often|normally|typically|also) )?(?:start|begin|add|introduce|"
                  r"progress to|move on to)\b|"
                  r"remed(?:y|ies)|get rid of|works? (?:well )?for|prescrib(?:e|es|ed)|"
                  r"(?:reduc|settl|calm)(?:e|es|ed|ing) (?:down )?(?:the )?(?:pain|swelling|"
                  r"inflammation|symptoms|discomfort)"),
    _cue("treat", rf"help(?:s|ed|ful)?(?! (?:to )?{_PREVENTION_AIM})|therap(?:y|ies)|manag(?:e|es|ed|ing|ement)|recover(?:y)?|solutions?|"
                  r"improv(?:e|es|ed)|reduc(?:e|es|ed|ing)|recommend(?:s|ed)?|effective|apply|applying|take|taking|"
                  r"use|using|try|wear(?:ing)?|speed up|fight|combat|good results|options?|needs?|requir(?:e|es|ed)",
         strong=False),
    _cue("prevent", r"prevent(?:s|ed|ing|ion|ive)?|avoid(?:s|ed|ing)?|"
                    r"(?:(?:reduc|decreas|minimi[sz])(?:e|es|ed|ing)|lower(?:s|ed|ing)?) "
                    r"(?:(?:the|your|their|his|her|its|our) )?(?:risk|chance|likelihood|incidence)|"
                    r"protect(?:s|ion)? (?:against|from)|"
                    # trials' figures: "cuts ACL injuries in football roughly in half", "cut groin problems by 40%"
                    r"(?:cut(?:s|ting)?|halv(?:e|es|ed|ing))(?= (?:[\w+-]+ ){1,5}?(?:by (?:about |around |roughly |"
                    r"nearly |almost |up to |over |more than )?(?:\d|half\b|a third|a quarter|two[- ]thirds)|"
                    r"(?:roughly |about |around |nearly |almost )?in half))|"
                    # "can help stop hip pain coming back"
                    r"stop(?= (?:[\w-]+ ){1,4}?(?:coming back|returning|recurring))|"
                    # "stretching your calves regularly make cramps less frequent", "are less likely to get"
                    r"mak(?:e|es|ing)(?= (?:[\w-]+ ){1,4}?less (?:frequent|likely|common|often|severe)\b)|"
                    r"less likely to (?:get|develop|have|suffer|experience)|"
                    r"ward off|keep (?:\w+ )?at bay|stop (?:\w+ )?from|reduce the load|"
                    # "helps stop both types from coming back", "to keep it from returning"
                    r"from (?:coming back|returning|recurring)|(?:re-?injury|recurrence|relapses?)\b|"
                    # counts of what did not happen: "can reduce new sprains", "all reduce head injuries"
                    r"(?:reduc|decreas|cut)(?:e|es|ed|ing|s|ting)? (?:the number of |the rate of )?(?:new |further |future |repeat )|"
                    r"decrease the risk|to stay injury|injury[- ]free|"
                    r"before (?:bed|bedtime|sleep|going to bed)|"
                    # the purpose of the advice: "so your foot doesn't slide forward on descents"
                    r"so (?:that )?(?:your|the|it|you|they)\b(?:\s+[\w-]+){0,2}\s+(?:doesn't|does not|won't|will not|"
                    r"don't|do not|can't|cannot)\b|before (?:they|it|these|those) (?:become|turn into|develop into)|"
                    r"before (?:and after )?(?:(?:you )?(?:run|exercise|train|swim|ride|cycle|play|lift)|running|exercising|"
                    r"training|swimming|cycling|riding|playing|lifting|practi[cs]e|(?:getting|going) in(?:to)? the (?:pool|water)|"
                    r"(?:a |each |every |any )?(?:run|workout|race|session|match|game)|"
                    r"(?:engaging in )?(?:physical |sports? )?activit(?:y|ies)|sports?)"),
    _cue("specialist", r"see(?:ing)? (?:a|an|your|the|their|his|her|my)|ask (?:your|a|an)|(?:call|ring|phone) (?:your|a|an|the)|"
                       r"(?:can|will|may|should|could|must) (?:examine|assess|evaluate) (?:you|your|for)\b|"
                       r"consult(?:ation|ing)?|visit(?:ing)?|seek(?:ing)?|"
                       r"refer(?:s|red|ral)?(?: you)? to|appointment|contact (?:a|your)|talk to|check with|go to|"
                       # a doctor's "please come to the sports medicine clinic", "bring him to the clinic"
                       r"come (?:to|in to|and see)|bring (?:him|her|them|your \w+) (?:in )?to|"
                       r"(?:an |your )?(?:assessment|consultation|check-up) (?:with|at)|"
                       r"examined by|checked (?:by|out)|get (?:it )?checked|medical (?:attention|advice|help|care)|"
                       # "is assessed together with our partner general surgeons", "treated by our orthopaedic surgeons"
                       r"(?:treated|assessed|managed|seen|diagnosed|evaluated|operated on)(?: together)? (?:by|with)\b|"
                       # "a structured rehab programme led by a physiotherapist"
                       r"(?:led|supervised|guided|run) by\b|"
                       # "neck pain after a crash needs checking in A&E", "should be seen at urgent care"
                       r"(?:needs?|should be|must be) (?:checking|checked|seen|assessed|looked at) (?:in|at|by)|"
                       # "could be a hernia and needs a GP check"
                       r"needs? (?:an? |urgent |prompt |same-day )+(?=\S+ (?:check|checkup|check-up|review|visit|"
                       r"appointment|assessment)\b)|"
                       r"(?:treated|recommended|prescribed|managed|assessed|evaluated|looked after|diagnosed)"
                       r"(?: \w+ly)? by|"
                       # "An orthopaedic surgeon is the right specialist for locking"
                       r"(?:right|best|appropriate) (?:specialist|doctor|person|place) (?:for|to see)|"
                       # "Heatstroke is a medical emergency", "Cauda equina syndrome needs emergency care"
                       r"(?:is|are) (?:a |an )?(?:medical |surgical )?emergenc(?:y|ies)|needs? (?=emergency\b)|"
                       # "If a player collapses, call 999 straight away"
                       r"(?:call|dial|ring|phone) (?=(?:999|911|112|000|an ambulance)\b)"),
    _cue("test", r"diagnos(?:e|es|ed|is|tic|ing)|confirm(?:s|ed|ing)?|reveal(?:s|ing)?|detect(?:s|ed|ing)?|rule out|"
                 r"to exclude|"
                 r"(?:check(?:s|ed)?|test(?:s|ed)?|screen(?:s|ed)?|scan(?:s|ned)?) for|(?:will|can|may) show|"
                 # "a labral tear is best seen on an MR arthrogram", "checked with a nerve conduction
                 # study", "The DEXA ... finds osteoporosis", "Pain with the FADIR test suggests FAI"
                 r"(?:seen|visible|show(?:s|ed)? up|turn(?:s|ed)? up) on|pick(?:s|ed)? up|finds|found on|"
                 r"(?:checked|assessed|evaluated|measured|identified) (?:with|by|on)|suggest(?:s|ing)?|indicat(?:e|es|ing)|"
                 # "An MRI is useful when a labral tear is suspected", "needed to check"
                 r"(?:needed|used|done|ordered|required|useful|helpful|requested|indicated) "
                 r"(?:if|when|to (?:check|look|see|find|confirm|exclude))|"
                 # "That could be a fracture, and you'll need an X-ray", "the GP may arrange an MRI",
                 # "they may refer you for nerve conduction studies"
                 r"(?:needs?|arrange[sd]?|book(?:s|ed)?|request(?:s|ed)?|refer(?:s|red)?(?: you)? for) (?:an? |some )?"
                 r"(?=(?:x-?rays?|mri|ct|scans?|ultrasound|blood tests?|bone scan|nerve conduction)\b)"),
    _cue("test", r"x-?rays?|scans?|tests?|examin(?:e|es|ed|ation|ations)|show(?:s)?|imaging|order(?:s)?", strong=False),
)

#: heading and introducing-line cues, by the relation family they set for the items below
FRAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("risk", re.compile(r"\b(?:risk|more likely|who (?:gets|is at risk)|susceptib|predispos|prone|aggravat|"
                        # "The probability of elbow injury increases at:", "likelihood of a sprain rises with:"
                        r"(?:probability|likelihood|chances?) of\b.{0,40}\b(?:increases?|rises?|goes up|is higher)|"
                        r"mak(?:e|es|ing) (?:\w+ ){0,2}worse)", re.I)),
    ("prevent", re.compile(r"\b(?:prevent|prevention|preventing|avoid|protect|tips for|"
                           # "How to lower the risk:", "Reducing your risk"
                           r"(?:reduc|lower|cut|decreas|minimi[sz])(?:e|es|ed|ing|s|ting)? (?:the |your |their )?risk|"
                           # "To reduce cramps in future:", "so it doesn't come back"
                           r"(?:reduce|lower|cut|fewer|stop)\b.{0,40}\b(?:in (?:the )?future|next time)|"
                           # "How do I stop it happening again?"
                           r"stop\b.{0,30}\b(?:happening|occurring|coming on) again|"
                           r"(?:coming|come|comes) back|from returning|recurr)", re.I)),
    ("specialist", re.compile(r"\b(?:when to see|see (?:a|your|someone|somebody)|seek|medical (?:help|attention|advice)|"
                              r"when to (?:call|consult|get help)|consult|go to (?:the|a|an|your)|"
                              r"(?:call|ring|phone|contact|visit) (?:your|a|an|the|999|911|112|nhs)|get (?:urgent )?help|"
                              # "Red flags that need an in-person visit with a doctor soon:"
                              r"visit (?:with|to) (?:a|an|your|the)|refer(?:red|ral)? (?:urgently |immediately )?to|"
                              r"(?:an |urgent )+appointment|who (?:to|should you|do i|should i) see)",
                              re.I)),
    ("test", re.compile(r"\b(?:diagnos|tests?\b|examination|imaging|(?:we|they|doctors?|physios?) assess\b|"
                        r"assessment\b)", re.I)),
    ("treat", re.compile(r"\b(?:treat|remed|relie|therap|solutions?|what (?:\w+ ){0,2}helps?|"
                         r"what (?:to|you can|you should|should you|can you|can i|should i|i'd|i would|we'd|we would) do|"
                         r"things you can do|(?:things|what) to try|"
                         r"what (?:works|worked|has worked|helped)(?: (?:for|best for) (?:me|us|you))?\W*$|"
                         # "What fixes it", "What actually works"
                         r"what (?:actually |really |usually )?(?:fix(?:es|ed)|cures?|cured)\b|what (?:actually|really) works\b|"
                         r"things (?:that|which) (?:\w+ )?help|"
                         # "Most cases settle on their own with a bit of sense:"
                         r"settles? (?:down )?(?:on (?:its|their) own )?with|"
                         r"to ease|easing|(?:you|can) ease\b|how to (?:ease|cure|fix|"
                         r"get rid|heal|manage|stop|relieve)|management|self[- ]care|recovery|home care|"
                         r"first aid|first steps?\W*$|exercises?|stretch|"
                         # a doctor's advice: "What I would recommend:", "My suggestions"
                         r"(?:i|we) (?:would |usually |strongly )?(?:recommend|suggest|advise)|"
                         r"(?:my|our) (?:advice|suggestions?|recommendations?)|^\W*(?:advice|recommendations?)\W*$|"
                         # a clinician's plan: "Plan:", "Treatment plan", "The plan for the next three weeks:"
                         r"^\W*(?:(?:the|my|our|your|a|treatment|management|rehab\w*|recovery)\s+)*plan\b"
                         r"(?!\s+(?:your|ahead|a|an|the|to)\b))", re.I)),
    # (not the symptoms of a condition: "tell us if your symptoms change:")
    ("symptom", re.compile(r"\b(?:(?:symptoms?|signs?)(?! (?:change|get worse|worsen|persist|continue|last|improve|"
                           r"return|come back|go away|do not|don't|settle))|what (?:will|does|do|might|may) (?:i|you|it) feel|"
                           r"how (?:does|will|do) (?:it|i|you) feel|what does it feel like|what (?:it|they|this) feels? like|"
                           # "Check if you have shin splints", "If you have shin splints, you'll feel:"
                           r"check if (?:you have|you've got|it's|it is)|"
                           # "Watch for:", "Look out for:", "Warning signs:"
                           r"(?:watch|look)(?: out)? for\W*$|warning signs|"
                           # a table's column of what tells a condition: "| Condition | Where it hurts | Clues |"
                           r"clues?|(?:other|typical|key|main|tell-?tale|clinical) features|"
                           r"you(?:'ll| will| may| might| usually| often)? (?:feel|notice|experience)\W*$)\b", re.I)),
    ("cause", re.compile(r"\b(?:causes?|caused|reasons?|why|triggers?|factors|origins?|explanations?|"
                         r"contribut(?:e|ed|es|ing|ors?)|culprits?|usual suspects|"
                         # "The things that usually drive neck and shoulder pain on the bike are:"
                         r"driv(?:e|es)(?=\s(?:[\w-]+\s){0,4}?(?:pain|aches?|injur\w*|cramps?|problems?)\b)|"
                         # "a few other things can give arch pain too:" (not "your physio may give you:")
                         r"(?:can|may|might|could|often|also) (?:also )?(?:give(?! (?:you|your|them|him|her)\b)|lead to|bring on|"
                         r"result in))\b", re.I)),
)

_LOCATION = re.compile(r"^\W*(?:in|on|of|around|at|along|near|behind|above|below|inside|outside|under|over|"
                       r"within|across|into|to)\s+(?:(?:the|your|my|his|her|their|a|an|both|one|either|"
                       r"front|back|side|top|bottom|inner|outer|lower|upper|left|right|area|part|region|"
                       r"of|in|around)\s+){0,4}$", re.IGNORECASE)

#: the gap between a complaint and the region it affects: "most often affect the shin bone"
_AFFECTS = re.compile(r"\W*(?:(?:can|may|usually|often|commonly|typically|mainly|mostly|most often|most commonly)\s+)*"
                      r"affect(?:s|ing)?\s+(?:(?:the|your|one|both|a|an)\s+)?$", re.IGNORECASE)
#: a matched phrase that names its own place ("swelling around the ankle")
_EXPLICIT_PLACE = re.compile(r"\b(?:in|on|around|of|at|behind|along|under|inside|below|above)\b", re.IGNORECASE)

#: the gap between two concepts that are only listed together
_COORDINATED = re.compile(r"^[\s,/&()]*(?:(?:and|or|and/or|as well as|but also(?: from| by| in| with)?|such as|including|"
                          r"like|e\.g\.|especially|particularly|some|other|certain|various|a|an|the)[\s,/&()]*)*$", re.IGNORECASE)

#: a gap that holds only a verb (the cue) and its modals: "Ice (often) helps knee pain" links
#: its two sides as subject and object, as surely as a strong cue does
_DIRECT = re.compile(r"\s+(?:(?:can|may|might|will|often|usually|really|also|greatly|generally|typically)\s+)*",
                     re.IGNORECASE)
#: the gap between a concept and the name of its kind: "is an", "is a common", ", a"
_IS_A = re.compile(r"\s*(?:,\s*|(?:is|are|was|were)\s+)(?:a|an|the|one of the)?\s*(?:[\w'-]+\s+){0,2}$",
                   re.IGNORECASE)
#: a heading that asks whether something is needed: "Do I need an X-ray or an MRI?"
_ASKS_NEED = re.compile(r"^\W*(?:(?:do|does|will|would|should|must)\s+(?:i|you|we|they|it)\s+(?:need|have to|require)\b|"
                        r"(?:is|are)\b[^?]{0,40}\b(?:needed|necessary|required)\b)[^?]*\?\s*$", re.IGNORECASE)
#: telling two things apart before "from": "how to tell a calf strain from a DVT" relates neither to the other
_TELL_APART = re.compile(r"\b(?:tell|telling|distinguish(?:es|ed|ing)?|differentiat(?:e|es|ed|ing)|"
                         r"separat(?:e|es|ed|ing))\b[^.;:,?]{0,60}$")
#: a test that tells apart what the sentence before named: "An ultrasound can tell them apart"
_TELLS_THEM_APART = re.compile(r"\b(?:tell|tells|telling|distinguish(?:es|ed|ing)?|differentiat(?:e|es|ed|ing))\s+"
                               r"(?:between\s+)?(?:them|the two|these|both|the conditions)\b", re.IGNORECASE)
#: words of an answer that say firmly what the asker has: "this is the common side
#: stitch", "the most possible is the hamstring strain", "your symptoms fit shoulder
#: impingement" (a hedged guess, "it may be X", leaves the complaint the topic)
_DIAGNOSIS = re.compile(r"\b(?:this is|that is|that's|(?:the )?most (?:possible|likely|probable)(?: \w+)? is|"
                        r"(?:symptoms|this|it) (?:fits?|matches|is consistent with)|textbook|"
                        # "What you describe is very typical of plantar fasciitis" (a forum's "sounds
                        # like bursitis to me" stays a guess)
                        r"(?:very |quite |most )?typical of|(?:classic|characteristic) (?:of|for)|"
                        # "Sounds very much like prepatellar bursitis, yes"
                        r"sounds (?:very much|exactly|just) like|"
                        # a translated doctor's diagnosis: "according to your description, considering X"
                        r"(?:description|symptoms|situation),? (?:i )?(?:consider(?:ing)?|(?:it is )?considered)|"
                        r"^\W*(?:consider(?:ing)?|considered)(?= \w))", re.IGNORECASE)
#: a title's question about what the complaint is, right before the condition it asks
#: about: "Groin pain when kicking, is it a hernia?" (the page is about the groin pain)
_ASKED_ABOUT = re.compile(r"\b(?:(?:is|could|can|might|may|would) (?:it|this|that|mine)(?: be)?|do i have|have i got|"
                          # "..., is the muscle torn?", "... - is my tendon ruptured?"
                          r"[,?-]\s*(?:is|are)(?= (?:the|my) ))"
                          r"\s+(?:(?:a|an|the|my)\s+)?$", re.IGNORECASE)
#: where a title turns from the complaint to the question about it: "Arch pain after trail
#: running - what is it??", "Knee pain on squats: arthritis or tendinitis?"
_TITLE_QUESTION = re.compile(r"\s[-\u2013\u2014]\s|:\s")


def asked_from(sentence: Sentence) -> int:
    """Where a title's question about its complaint begins ("Knee pain: what is it?"),
    or the title's end when it asks none."""
    question = _TITLE_QUESTION.search(sentence.text) if sentence.text.rstrip().endswith("?") else None
    return sentence.start + question.start() if question else sentence.end

#: the answer sentences read for what the asker has: a diagnosis comes first
_DIAGNOSIS_REACH = 4
#: a spaced dash between a name and what it is, does or means: after a listed cause it opens
#: what it is or does ("Sacroiliitis - inflammation of the sacroiliac joint", "potassium
#: deficiency - weakness, cramps, heart rhythm disturbances"; the risk factors it names
#: still count: "Overuse - running too far without enough rest"); after a line of symptoms,
#: what they may mean ("... in the morning - plantar fasciitis")
_GLOSS = re.compile(r"\s[-\u2013\u2014]\s")
#: the words before a sentence's subject, when it opens the sentence: "", "The ", "An "
_OPENING = re.compile(r"^\W*(?:(?:the|a|an|your|my)\s+)?$", re.IGNORECASE)
#: a short label and its colon opening a line: "Posterior ankle impingement: pain at the back of the ankle"
#: (a name, not a clause: "A strain is different: ...", "the signs that it is infected: ..." are none)
_LABEL = re.compile(r"^(?![^:]*\b(?:is|are|was|were|be|been|that|which|if|when|signs?|symptoms?)\b)[^:.;!?]{2,60}?:\s",
                    re.IGNORECASE)
_COLON = re.compile(r":\s")


def _label_colon(text: str) -> re.Match[str] | None:
    """The colon after a short label that opens ``text``, if one does."""
    label = _LABEL.match(text)
    return _COLON.search(text, label.end() - 2) if label else None
#: what joins a second place to a condition named at one: "of the foot and (the) leg"
_AND_PLACE = re.compile(r"\s*(?:,|and|or|&|/)\s*(?:the\s+|your\s+|lower\s+)?$", re.IGNORECASE)
#: a comparison table's row about where each condition is felt: "Where it hurts", "Location"
_WHERE = re.compile(r"\b(?:where|location|site|area)\b", re.IGNORECASE)

#: a colon after symptoms, before the condition they suggest: "Pain at the thumb side of
#: the wrist with lots of gripping: De Quervain's tenosynovitis."
_NAMED_AFTER = re.compile(r":\s")
#: the words before a condition the reader already has: what "prevents" more of it treats it
_HAVING = re.compile(r"\b(?:in (?:the )?case of|if you (?:have|get|develop)|once you have|when you have)\s+"
                     r"(?:a |an |the )?(?:[\w-]+\s+)?$", re.IGNORECASE)
#: what singles out one condition as the section's: "The representative disease is", "The most
#: common cause of pain in the front of the shin is"
#: what a test does to a diagnosis it excludes: "the X-ray rules out a fracture"
_EXCLUDES = re.compile(r"\b(?:rule[sd]? out|ruling out|exclude[sd]?|excluding)\b", re.IGNORECASE)
#: a heading of alternatives to the page's subject ("Other causes of pain at the back of
#: the thigh"): the sections after it are not about the complaint it names
_OTHERS = re.compile(r"^\W*(?:\d+[.)]\s*)?other\b", re.IGNORECASE)
_FEATURED = re.compile(r"^\W*(?:the )?(?:most common|commonest|representative|typical|main|leading|classic) "
                       r"(?:disease|condition|cause|culprit|diagnosis|injury|problem)\b[^.;:]{0,60}?\b(?:is|are)\b|"
                       # "If symptoms last longer than four weeks, this is called persistent post-concussion symptoms"
                       r"^[^.;:]{0,60}\b(?:this|it|that) is (?:called|known as|termed)\b", re.IGNORECASE)
#: a heading that asks a question of an FAQ ("Q: And pain on the inside of the elbow?")
_QUESTION = re.compile(r"^\W*(?:q\d*\s*[:.)]|question\s*\d*\s*[:.)])", re.IGNORECASE)
#: characters into a sentence within which a condition counts as what it opens with
_OPENING_REACH = 12
#: a yes-or-no question, which states nothing ("Q5. Does a gum shield prevent
#: concussion?") unless the answer after it opens with a yes (:data:`_YES`)
_YES_NO = re.compile(r"^\W*(?:Q\s?\d+[.:)]?\s*)?(?:do|does|did|can|could|is|are|was|were|will|would|should|may|might|"
                     r"has|have)\b[^?]*\?\W*$", re.IGNORECASE)
#: what makes a referral urgent: "Go to A&E straight away if:", "See a doctor the same day if:"
_URGENT = re.compile(r"(?:\ba&e\b|\b(?:999|911|112)\b|\bemergency\b|\bstraight away\b|\bimmediately\b|"
                     r"\bright away\b|\bat once\b|\bsame day\b|\burgent(?:ly)?\b|\bred flags?\b)", re.IGNORECASE)
#: a short question that opens a paragraph as its heading: "Why does it happen? During a growth spurt ..."
_RUN_IN = re.compile(r"^\W*(?:why|what|how|who|when|which)\b[^.!?:;]{0,60}\?\s*$", re.IGNORECASE)
_YES = re.compile(r"^\W*(?:yes|yep|yeah|absolutely|definitely|certainly|indeed)\b", re.IGNORECASE)
#: the words between two mentions that start another clause: no cue relates the two
#: ("... if bursitis is unclear, but x-rays are needed only if arthritis is suspected")
_CLAUSE_BREAK = re.compile(r"\b(?:but(?! also)|whereas|however|although)\b|,\s*while\b", re.IGNORECASE)
#: how a sentence opens that addresses one complaint ("For impingement, ...", "For a mild
#: strain, ..."), and the comma that ends the complaint's name (see ``_addressed``)
_FOR_COMPLAINT = re.compile(r"^\W*for\s+(?:an?\s+|the\s+|your\s+)?(?:(?:mild|minor|severe|acute|chronic)\s+)?",
                            re.IGNORECASE)
_BEFORE_COMMA = re.compile(r"\s*,")
#: a comma before a new condition: a weak cue's reach ends there ("an electrolyte imbalance
#: after sweating heavily, when the muscle is fatigued, and with statins": not after statins)
_NEW_CONDITION = re.compile(r",\s*(?:and\s+|or\s+)?(?:when|if|whenever|unless|while)\b", re.IGNORECASE)
#: what comes before an activity that makes the complaint worse: "pain that gets worse
#: during exercise", "it hurts when running" (not a remedy, whatever the sentence's cue)
_AGGRAVATING = re.compile(r"\b(?:worse|worsens?|worsened|aggravated|hurts?|hurting|painful|pain|aches?|flares? up)"
                          r"\s+(?:(?:during|with|after|when|on|while|from|by)\s+)(?:\w+\s+){0,2}$", re.IGNORECASE)
#: a cause cue whose object is a pronoun: "can trigger it", "make them more likely"
_POINTED = re.compile(r"\b(?:(?:caus(?:e|es|ed|ing)|trigger(?:s|ed)?|lead(?:s)? to|bring(?:s)? on|provok(?:e|es)|"
                      r"contribut(?:e|es) to|aggravat(?:e|es)|play(?:s)? (?:a |an )?(?:\w+ )?(?:part|role) in)"
                      r"\s+(?:it|them|this|these)\b|"
                      r"mak(?:e|es|ing)\s+(?:it|them|this|these)\s+(?:more likely|worse|more common|more frequent)|"
                      # "Children with tight thigh muscles are more likely to get it"
                      r"more likely to (?:get|develop|have|suffer from|be affected by)\s+(?:it|them|this|these)\b|"
                      # "Sprinters, dancers and anyone up on their forefoot get it" (not "get it checked")
                      r"(?:get|gets|develop|develops)\s+(?:it|them)\b(?!\s+(?:checked|seen|looked|x-?rayed|scanned|"
                      r"treated|out|off|done|back|right|wrong|sorted|fixed|under control)))")
#: the opening of a paragraph about prevention: "To prevent it, ...", "How to avoid shin splints"
_PREVENTING = re.compile(r"^\W*(?:to|in order to|how to|tips to|ways to) (?:help )?"
                         r"(?:prevent|avoid|reduce the risk of|lower the risk of)\b", re.IGNORECASE)
#: what stands before the condition a remedy or test is for: "preparations for gout", "in case of"
_FOR_CONDITION = re.compile(r"(?:\b(?:for|against|with|in (?:the )?case of|if|in|suspect(?:s|ed)?|"
                            # a test's purpose: "glycated haemoglobin - to exclude diabetes"
                            r"to (?:exclude|rule out|confirm|detect|check for|look for|identify|diagnose|assess)|"
                            # "MRI - the standard for assessment of the ligament tear", "at suspicion of ulnar neuritis"
                            r"(?:assessment|evaluation|diagnosis|detection|confirmation|suspicion) of)"
                            r"\s+(?:the\s+|a\s+|an\s+)?|"
                            # a table row's second cell: "| Ice | Acute adductor strain | 2-3 days |"
                            r"^\|[^|]*\|\s*)(?:[\w-]+\s+)?$", re.IGNORECASE)
#: a sentence that opens with self-care advice, in the imperative
_ADVICE = re.compile(r"^\W*(?:\w+:\s+)?"
                     # a conditional opening that is not the writer's own story ("If pain occurs, ...")
                     r"(?:(?P<opening>if|when|once|after|as soon as|before|next time)\b(?![^,.;]*\b(?:i|my|me)\b)"
                     r"[^,.;]{0,60}?(?:,\s*|\s+(?=please\b)))?"
                     # a time of the advice: "In the first 2-3 days please rest", "For the first 48 hours, ice it"
                     r"(?:(?:in|for|during|over|within)\s+(?:the\s+)?(?:first|next|acute|early|initial|short)\b[^,.;]{0,30}?"
                     r"(?:,\s*|\s+(?=(?:please|you)\b)))?"
                     # an opening word of a doctor's reply: "Now please rest", "First, ice it"
                     r"(?:(?:now|first|firstly|so|meanwhile|please|until then|in the meantime|for now|"
                     r"for the time being)\b[\s,]+)*"
                     # stopping what brought it on first: "Stop and gently stretch the calf", "Stop running and rest"
                     r"(?:stop(?:\s+\w+ing)?,?\s+and\s+)?"
                     r"(?:(?:always|fully|gently|slowly|gradually|regularly|properly|also|then)\s+)?"
                     r"(?:(?:try|(?:you|he|she|they|we) (?:can|could|should|must|may want to|(?:may |might |will )?need to)|"
                     r"be sure|make sure|"
                     r"(?:i |we )?(?:suggest|recommend|advise)(?: that)?(?: you)?|"
                     # advice reported: "The nurse told me to rest it", "My physio advised us to"
                     r"(?:[\w'.]+\s+){0,4}(?:told|advised|instructed|asked|wants?|wanted)\s+(?:me|us|him|her|them))"
                     r"(?: to)?\s+)?"
                     r"(?P<verb>take(?! care)|apply|use|rest|ice|elevate|raise|wear|stretch|massage|put|start|do(?! you)|"
                     r"keep|get|see|switch|swap|cut|reduce|limit|follow|warm|cool|go|"
                     # "Try rolling your foot on a frozen bottle", "Try a night splint"
                     r"(?<=\btry )(?:\w+ing|an?|some))\b[^?]*$", re.IGNORECASE)
#: a sentence that continues the previous one's subject ("It may include ...")
_CONTINUATION = re.compile(r"^(?:it|this|these|they|such|that|those|in (?:this|that|such|these) cases?|then)\b",
                          re.IGNORECASE)
#: a test that shows or confirms "it": what the sentence before said something may be
_SHOWS_IT = re.compile(r"\b(?:show|confirm|detect|reveal|diagnose|pick up|spot|see)s?\s+(?:it|this)\b", re.IGNORECASE)
#: what says what something is, right before the name: "may be", "is probably", "sounds like"
_PREDICATE = re.compile(r"\b(?:be|is|are|means?|suggests?|sounds?\s+like)\s+(?:(?:probably|likely|usually|often|"
                        r"most likely|an?|the)\s+)*$", re.IGNORECASE)
#: a pronoun that stands for the clinician just named, not for the complaint: "See a GP ...
#: They may refer you to a physiotherapist"
_CLINICIANS_DO = re.compile(r"^\W*(?:they|he|she)\s+(?:(?:may|might|can|could|will|would|should|usually|often)\s+)*"
                            r"(?:also\s+)?(?:refer|send|examine|assess|prescribe|recommend|order|arrange|suggest|"
                            r"advise|check|ask|test)", re.IGNORECASE)
#: the gap of a risk cue that precedes both sides: "more likely to get X if Y"
_CONDITIONAL = re.compile(r"^[^();]{0,40}\b(?:if|when|who|in people)\b")
#: what follows a specialist who helps with the complaint: "A physiotherapist can teach
#: you exercises", "your podiatrist or physio will show you how", "a sports doctor, who can
#: assess your running", "a physiotherapist is the best first stop"
_HELPER = re.compile(r"(?:\s*(?:,|or|and)\s*(?:an?\s+|your\s+)?[\w-]+)?\s*,?\s*(?:who\s+)?(?:"
                     r"(?:can|will|may|might|could)\s+(?:also\s+|often\s+|usually\s+|really\s+)?"
                     r"(?:help|teach|show|give (?:you )?(?:advice|an? |some )|advise|recommend|suggest|guide|assess|"
                     r"look at|design|plan|set up|treat|work on|"
                     # the clinician's own acts: "your GP will usually order blood tests", "a surgeon may repair it"
                     r"order|arrange|request|refer you|repair|operate|examine|prescribe)\b|"
                     # "Some runners also find a sports massage therapist or chiropractor helpful"
                     r"(?:very\s+|really\s+)?(?:helpful|useful)\b|"
                     r"(?:is|are)\s+(?:often\s+|usually\s+)?(?:the|a|your)\s+(?:best\s+|good\s+|usual\s+)?(?:first\s+)?"
                     r"(?:stop|port of call|person to see|place to start)\b)", re.IGNORECASE)
#: a test being ordered, before its name: "may order an X-ray and an", "will send you for a"
_ORDERED = re.compile(r"\b(?:(?:order|arrange|request|send you for|refer you for|do|run|ask (?:\w+ ){0,2}for)(?:s|ed)?|"
                      # advised: "you should take an X-ray", "you may need to get an MRI"
                      r"(?:should|must|need to|needs to|may need to|will need to|to) (?:take|get|have|undergo|go for)|"
                      # translated advice: "I recommend to make blood test", "please make ultrasound"
                      r"(?:recommend to|please|you can|you should) (?:make|do|pass|take)|"
                      # how the diagnosis is made: "The diagnosis is made by examination", "Diagnosis
                      # is mainly by examination", "a doctor diagnoses it with an ultrasound"
                      r"diagnosis\s+(?:is|can\s+be)\s+(?:\w+\s+)?(?:(?:made|confirmed|reached)\s+)?"
                      r"(?:by|with|on|through|using)|"
                      r"diagnos(?:e|es|ed)\s+(?:it|this|them)\s+(?:\w+\s+)?(?:by|with|on|through|using))"
                      r"\s+[^.;:!?]*$", re.IGNORECASE)
#: what follows a test that makes the diagnosis: "can confirm the diagnosis", "is used to diagnose it"
_DIAGNOSING = re.compile(r"(?:\s*(?:,|or|and|/)\s*(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?)?"  # "an MRI or bone scan test"
                         r"\s*(?:scans?\s+|tests?\s+)?(?:(?:can|will|may|might|could|usually|often|is|are|"
                         r"used|needed|helps?|to|be|done|performed|ordered|taken)\s+)*(?:(?:confirm|make|establish|diagnose)s?\b(?!\s+sure)|"
                         # "an MRI or bone scan is needed for accurate diagnosis"
                         r"for (?:an? |the )?(?:accurate |proper |correct |definite |exact |final )?diagnosis\b|"
                         # "ultrasound is used to see the thickness", "an MRI is done to check for a tear"
                         r"(?:see|show|check|look at|look for|assess|measure|detect|visuali[sz]e)\b)",
                         re.IGNORECASE)
#: an opening that makes every test of the sentence a diagnostic one: "For the diagnosis,
#: the doctor presses the tendon, and ultrasound is used ..."
_DIAGNOSIS_OPENING = re.compile(r"^\W*(?:for (?:the |a |an )?(?:accurate |correct )?diagnosis|"
                                r"to (?:make (?:the |a )?diagnosis|diagnose (?:it|this|them))|"
                                # "It's confirmed with a compartment pressure test", "This is usually diagnosed by"
                                r"(?:it|this|they)(?:'s|'re|\s+is|\s+are|\s+can\s+be|\s+may\s+be|\s+will\s+be)"
                                r"(?:\s+(?:usually|often|best|only|easily|mostly))?\s+(?:confirmed|diagnosed|detected|"
                                r"picked\s+up|identified|seen)\s+(?:with|by|on|using|through|via))\b", re.IGNORECASE)
#: characters before a test's name that :data:`_ORDERED` looks at
_ORDER_REACH = 30
#: words after the dash (or, in a glossary line, before it) for them to name conditions
#: rather than a clause
_EXPLANATION_WORDS = 10
#: a continuation that lists what the sentence before names by a kind ("Some conditions
#: can cause heel pain. These include arthritis, ...")
_INSTANCES = re.compile(r"^(?:these|they|those|this|such \w+|examples(?: of (?:these|this|them))?)\s+"
                        r"(?:(?:may|can|might|often|commonly|also|usually|typically)\s+)*includ(?:e|es)\b",
                        re.IGNORECASE)
#: a sentence whose opening names the kind of what it lists ("Risk factors include flat
#: feet, ...", "Common causes are ...")
_SELF_FRAMED = re.compile(r"^(?:(?:the|other|common|possible|main|some|known|typical|most|usual|leading|likely|probable|"
                          r"underlying)\s+)*"
                          r"(?:causes|reasons|risk factors|triggers|symptoms?|signs?|explanations?)\s+"
                          r"(?:(?:may|can|might|often|commonly|also|usually|typically)\s+)*(?:include|are|is)\b",
                          re.IGNORECASE)
#: a short opening before a colon that frames the list after it: "Common risk factors I see
#: in the clinic: a quick jump in mileage, ...", "What I usually recommend: calf stretching, ..."
_COLON_FRAMED = re.compile(r"^[^:.;!?()]{3,60}:(?=\s)")
#: a sentence that names what its list is of: "Signs of heat exhaustion include", "The main
#: causes of heel pain are"
_OWN_FRAMED = re.compile(r"^(?:the\s+)?(?:(?:main|common|most common|typical|early|usual|possible|other|known|key)\s+)*"
                         r"(?P<kind>causes|reasons|risk factors|triggers|signs|symptoms|(?:conditions|diseases|problems|"
                         r"medications|medicines|drugs)\s+(?:linked|associated|connected)(?=\s+(?:with|to)))"
                         r"(?:\s+and\s+(?:signs|symptoms))?\s+(?:of|for|with|to)\s+(?P<target>[^,:;]{3,60}?)\s+"
                         r"(?:(?:may|can|might|often|commonly|also|usually|typically)\s+)*(?:include|are)\b:?",
                         re.IGNORECASE)
#: a pronoun as the subject of a sentence, perhaps after a short opening phrase
#: ("This causes pain", "Although not dangerous, it can lead to sprains")
_ANAPHOR = re.compile(r"^(?:[^,.;:]{1,40},\s*)?(?:it|this|these|they)\b", re.IGNORECASE)

#: what joins a further clause of the same subject: "..., and, if ignored, can progress to"
_AND_SO_ON = re.compile(r"\band\b", re.IGNORECASE)
#: the types a loosely named list item may be, by frame family
LOOSE_TYPES = {"cause": ("Condition", "RiskFactor"), "risk": ("RiskFactor",), "treat": ("Treatment",),
               "prevent": ("Treatment",)}

#: confidence of each rule before hedging
CONFIDENCE = {"cue": 0.8, "cue-sentence": 0.6, "topic": 0.55, "anaphora": 0.55, "frame": 0.7, "frame-text": 0.45,
              "site": 0.6, "frame-loose": 0.5, "location": 0.75, "instances": 0.6,
              "explained": 0.6, "described": 0.5, "kind": 0.6}
HEDGE_FACTOR = 0.7
#: a kind of complaint named for what brings it on: "an overuse injury", "an overuse problem"
_NAMED_FOR_CAUSE = re.compile(r"\s*(?:injur(?:y|ies)|problems?|conditions?|disorders?)\b", re.IGNORECASE)
#: what says a complaint is of a kind: "ITBS is an overuse injury", "Patellar tendinopathy,
#: often called jumper's knee, is an overuse problem", "In swimmers it is almost always an"
_OF_KIND = (r"(?:'s|\s+(?:is|are|was|were))\s+(?:(?:usually|often|mostly|mainly|typically|generally|primarily|"
            r"essentially|basically|almost always|always)\s+)?(?:an?\s+)?(?:(?:common|typical|classic|chronic)\s+)?")
_KIND_AFTER = re.compile(rf"\s*(?:,\s*(?:an?\s+)?|,?{_OF_KIND})$", re.IGNORECASE)
#: the same, said of "it": the complaint the sentence is about
_IT_OF_KIND = re.compile(rf"(?:^|\W)(?:it|this|that){_OF_KIND}$", re.IGNORECASE)
#: cue families that may take the page's topic as their unstated side; measured on the
#: dev corpus, the others (tests, prevention, risk) were right less than one time in five
TOPIC_FAMILIES = frozenset({"treat", "specialist"})
#: in the answer of a Q&A page, advice is about the asker's complaint: prevention too
ANSWER_TOPIC_FAMILIES = TOPIC_FAMILIES | {"prevent"}
#: what remedies do: a section about one may say it does the other too
REMEDY_FAMILIES = frozenset({"treat", "prevent"})
#: relations for which a generic complaint ("alleviate pain") may stand for the topic;
#: measured on the dev corpus, risk factors so linked were mostly wrong
RESOLVED_RELATIONS = frozenset({"treats", "prevents", "causes", "see_specialist", "diagnosed_by"})
#: how many headings without a symptom or condition a section target looks back over
SECTION_REACH = 3
#: words before a paragraph's opening complaint for it to be the paragraph's subject
_LEAD_WORDS = 2
#: words besides an ambiguous name for a list item to be that name ("- Ice the knee"), not a
#: sentence that merely uses the word ("Form breaks down on the last reps")
_ITEM_EXTRA_WORDS = 3
#: words of an opening sentence short enough to be about the one complaint it names
_SHORT_OPENING = 12
#: words that set what follows them aside ("Unlike heel pain, ..."); "If your calves
#: hurt, ..." and "With synovitis, ..." do open the paragraph's topic
_SUBORDINATE = frozenset("unlike like besides except apart instead rather despite than not no".split())


def generic_complaints(lexicon: Lexicon) -> frozenset[URIRef]:
    """The complaints too general to be what a page is about, which its topic stands
    in for: :data:`GENERIC`, plus the kinds of pain that say how it hurts but not where
    ("acute pain", "pain when running")."""
    return GENERIC | lexicon.placeless_pains()


def _framed_side(assertion: Assertion) -> URIRef:
    """The side of an assertion that a frame lists, the other being the frame's target:
    the test or specialist of ``diagnosed_by`` and ``see_specialist``, else the subject."""
    return assertion.object if assertion.relation in ("diagnosed_by", "see_specialist") else assertion.subject


def _symptoms_only(target: list[Mention]) -> bool:
    """Whether a target names symptoms and nothing else (no condition that explains them)."""
    return bool(target) and all(t.type == "Symptom" for t in target)


def _relation_for(family: str, subject: Mention, object_: Mention) -> str | None:
    """The relation a cue family signals between two typed mentions, or ``None``."""
    s, o = subject.type, object_.type
    if o not in PATIENT and family not in ("specialist", "test"):
        return None
    if family in ("cause", "risk", "symptom"):
        if s == "Condition" and subject.concept != object_.concept:
            return "causes"
        if s == "RiskFactor":
            return "risk_factor_for"
    elif family == "treat" and s == "Treatment":
        return "treats"
    elif family == "prevent" and s == "Treatment":
        return "prevents"
    elif family == "prevent" and s == "RiskFactor":
        return "risk_factor_for"  # what prevention avoids: "avoid kneeling for long", "stop smoking"
    elif family == "specialist" and s in PATIENT and o == "Specialist":
        return "see_specialist"
    elif family == "test" and s in PATIENT and o == "Test":
        return "diagnosed_by"
    return None


#: the types that can cause a symptom or condition
_CAUSES = frozenset({"Condition", "RiskFactor"})
#: the types that can be the other side of a symptom or condition
_ACTIVE = frozenset({"Condition", "RiskFactor", "Treatment", "Specialist", "Test"})


def _may_relate(mentions: list[Mention]) -> bool:
    """Whether any two of a sentence's mentions could be related by a cue: one names a
    symptom or condition, another a concept of a type that relates to it (cue
    scanning is the costliest step; most sentences with regions only need none)."""
    if len(mentions) < 2:
        return False
    types = {m.type for m in mentions}
    return bool(types & PATIENT) and bool(types & _ACTIVE) and \
        sum(m.type != "BodyRegion" for m in mentions) >= 2


def _listable(a: Mention, b: Mention) -> bool:
    """Could the two be items of one list? Not a complaint and what treats, tests or
    sees to it: "With synovitis, NSAIDs are prescribed" relates them across a comma."""
    agents = ("Treatment", "Specialist", "Test")
    return not ((a.type in PATIENT and b.type in agents) or (b.type in PATIENT and a.type in agents))


def _list_gap(text: str, offset: int, a: Mention, b: Mention, ordered: list[Mention]) -> str:
    """The text between two mentions with the mentions between them cut out, so that
    "overuse, tendinitis and bursitis" shows its first and last items as listed
    together (", , and ")."""
    pieces, position = [], a.end
    for m in ordered:
        if m.start >= position and m.end <= b.start:
            pieces.append(text[position - offset:m.start - offset])
            position = m.end
    pieces.append(text[position - offset:b.start - offset])
    return ",".join(pieces)


def _leading(sentence: Sentence, mentions: list[Mention], generic: frozenset[URIRef],
             section: list[Mention]) -> list[Mention]:
    """The complaint a paragraph opens with as its subject ("Foot pain is also common.
    ... taking painkillers can relieve the pain"): the topic of the paragraph's later
    sentences. Only a mention in the first words counts: one named in passing ("Unlike
    a stress fracture, ...") is not what the paragraph is about; a short opening
    sentence about one complaint ("It is also common to get cramps while running.") is
    about that complaint wherever it names it. A complaint named as what "it" is ("For
    me it was dehydration", "Flat feet are also risk factors") explains the topic, it is
    not a new one. A paragraph that opens by saying its complaint is the condition its
    section is about ("FLEXOR TENDINITIS", then "Aching along the forearm ... is often
    flexor tendinitis.") stays about that condition."""
    if _LIST_PREDICATE.search(sentence.text):
        return []
    named = [m for m in mentions if m.type in PATIENT and m.concept not in generic and not m.ambiguous
             and not _named_as(sentence.text, m.start - sentence.start, m.end - sentence.start)]
    about = {m.concept for m in section}
    identified = [m for m in named if m.concept in about and _IDENTIFIED.search(sentence.text, 0, m.start - sentence.start)]
    if identified:
        return identified
    if len({m.concept for m in named}) == 1 and len(words(sentence.text)) <= _SHORT_OPENING \
            and not _SUBORDINATE.intersection(words(sentence.text[:named[0].start - sentence.start])):
        return named
    return [m for m in named if _opens(words(sentence.text[:m.start - sentence.start]))]


#: what a complaint is said to be, right before the condition's name: "... is often", "... is most likely a"
_IDENTIFIED = re.compile(r"\b(?:is|are)\s+(?:(?:often|usually|typically|commonly|probably|most\s+often|"
                         r"most\s+likely|most\s+commonly|likely)\s+)?(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _opens(before: list[str]) -> bool:
    """Do these words leave what follows them as what the sentence is about?"""
    return len(before) <= _LEAD_WORDS and not _SUBORDINATE.intersection(before)


def _remedied(text: str, position: int) -> bool:
    """Is what stands at ``position`` what a treatment or prevention cue before it acts
    on ("agents that prevent blood clots")?"""
    return any(cue.family in REMEDY_FAMILIES and end <= position for cue, _, end in _strong_cues_in(text))


#: what a comparison measures against, right before its name: "more common in women than in men"
_THAN = re.compile(r"\bthan\s+(?:(?:in|among|for|with|the|a|an|other|those|people|non)\s+){0,3}$", re.IGNORECASE)


#: what something only resembles, right before its name: "swelling that looks a lot like a blood clot"
_RESEMBLED = re.compile(r"\b(?:(?:looks?|looking|feels?|feeling|seems?) (?:\w+ ){0,2}like|"
                        r"mimic(?:s|ked|king)?|resembl(?:e|es|ed|ing)|similar to|mistaken for|confused with)"
                        r"\s+(?:a|an|the|that of)?\s*$", re.IGNORECASE)


def _baseline(sentence: Sentence, mention: Mention) -> bool:
    """Is the mention what a comparison measures against ("than in men", "looks like a
    blood clot")? It is named as the one the statement is *not* about."""
    before = mention.start - sentence.start
    return bool(_THAN.search(sentence.text, 0, before) or _RESEMBLED.search(sentence.text, 0, before))


#: advice against what follows: "Avoid complete bed rest", "please avoid ibuprofen", "stop taking"
_AGAINST_VERB = (r"(?:avoid(?:ing)?|steer clear of|stay away from|(?:don't|do not|never) (?:use|take|do|try)|"
                 r"stop (?:using|taking|doing))")
_AGAINST = re.compile(rf"\b{_AGAINST_VERB}(?:\s+[\w-]+){{0,2}}"
                      # an instance, then its kind: "Avoid ibuprofen and other anti-inflammatories"
                      r"(?:\s+(?:and|or)\s+(?:any\s+)?other)?"
                      # the kind, then an instance: "avoid anti-inflammatory medicines such as ibuprofen"
                      r"(?:,?\s+(?:such as|like|including|for example|e\.g\.,?))?\s*$", re.IGNORECASE)
#: a list item that advises against what it names
_AGAINST_ITEM = re.compile(rf"^\W*(?:please\s+)?{_AGAINST_VERB}\b", re.IGNORECASE)


#: the names listed after a mention's, up to three words each: ", cycling or swimming", " and ice baths".
#: "and" and "or" join the names and are none of their words, and a name ends where its word
#: does: read any other way, a run of "and"s and "or"s (or "forandor...", with "or" inside
#: words) splits into names in exponentially many ways, minutes of matching for one sentence
LISTED_AFTER = (r"(?:\s*(?:,|\band\b|\bor\b)\s*(?:(?!(?:and|or)\b)[\w-]+\s+){0,2}?"
                r"(?!(?:and|or)\b)[\w-]+\b)*")

#: what is said of a treatment after its name that advises against it: "Massage and heat are
#: a mistake", "ice baths should be avoided"
_AGAINST_AFTER = re.compile(LISTED_AFTER + r"\s+(?:"
                            r"(?:is|are|was|were)\s+(?:(?:a|the|one of the)\s+)?(?:big(?:gest)?\s+|common\s+|"
                            r"classic\s+|real\s+)?(?:mistakes?|bad idea|myths?|no-no|worst thing)|"
                            r"(?:should|must)\s+be\s+avoided|(?:is|are)\s+best\s+avoided)\b", re.IGNORECASE)


def _advised_against(sentence: Sentence, mention: Mention) -> bool:
    """Is the mention a treatment the text advises against? Not a remedy, whatever the
    sentence's cue or the section says ("Avoid complete bed rest" under Treatment,
    "Massage and heat are a mistake")."""
    return mention.type == "Treatment" and bool(
        _AGAINST.search(sentence.text, 0, mention.start - sentence.start)
        or _AGAINST_AFTER.match(sentence.text, mention.end - sentence.start))


#: words after a specialist that make it the one who speaks: "My diabetes nurse says: ...",
#: "Director Park warned, ..." (the advice is theirs; they are no one the text sends you to)
_SPEAKING = re.compile(r"\s*(?:says|said|tells|told (?:me|us|him|her)|warned|warns|explained|explains|noted|notes|"
                       r"adds|added|wrote|writes)\b", re.IGNORECASE)


def _speaker(sentence: Sentence, mention: Mention) -> bool:
    """Is the mention a specialist who speaks in the sentence (:data:`_SPEAKING`)?"""
    return mention.type == "Specialist" and bool(_SPEAKING.match(sentence.text, mention.end - sentence.start))


#: "it is", "it may be", "sounds like" right before a condition names what the complaint is
_NAMED_AS = re.compile(r"(?:\b(?:it|this|that|mine|explanation|diagnosis|culprit)(?:'s| is| was| may be| might be| could be| "
                       r"can be| must be| seems to be| is probably| is likely| sounds like| looks like| appears to be| "
                       r"turned out to be)|\b(?:also |another )?(?:possible|possibility|likely|probable) (?:is|are))"
                       r"(?: (?:a|an|the|some|mild|slight|minor|probably|likely|just|only))*\W*$")
#: an elliptical opening that names what the complaint is: "Sounds like bursitis to me",
#: "Could be piriformis syndrome", "Probably a strain"
_NAMED_OPENING = re.compile(r"\W*(?:[^:.!?]{0,40}:\s*)?(?:(?:yes|well|hmm|honestly|to me),?\s+)?"
                            r"(?:sounds like|looks like|could be|might be|may be|probably|maybe|possibly|"
                            r"likely|i'd say|i would say|i suspect|i bet|my guess is)"
                            r"(?: (?:a|an|the|some|mild|slight|minor|just))*\W*")


def _listed_after(text: str, offset: int, mentions: list[Mention], position: int) -> list[Mention]:
    """The first mention after ``position`` of a sentence and those listed with it ("X,
    Y and Z"), not what a later clause names ("..., if ignored, can progress to Y"); an
    item's circumstance does not end the list ("pain below the knee when running,
    jumping or kneeling, local swelling and a tender lump")."""
    after = sorted((m for m in mentions if m.start - offset >= position), key=lambda m: m.start)
    listed = after[:1]
    for m in after[1:]:
        last = listed[-1]
        circumstance = _CIRCUMSTANCE.match(text, last.end - offset)
        if circumstance and m.start - offset < circumstance.end():
            continue  # named in the circumstance ("jumping")
        gap_start = circumstance.end() if circumstance else last.end - offset
        if not _COORDINATED.match(text[gap_start:m.start - offset]):
            break
        listed.append(m)
    return listed


#: the circumstance of a listed item, as far as the comma after it: " when running, jumping or kneeling, "
_CIRCUMSTANCE = re.compile(r"\s+(?:when|while|during|after)\s+\w+ing(?:(?:\s*,\s*|\s+or\s+|\s+and\s+)\w+ing)*\s*,\s*"
                           r"(?:and\s+)?(?:(?:local|mild|severe|slight|some|a|an|the|tender)\s+)*", re.IGNORECASE)


def _named_as(text: str, start: int, end: int) -> bool:
    """Does a sentence name the condition at ``start:end`` as what the complaint is (or
    what causes it): "I think it's a", "for me it was", "Sounds like", "... is another
    common cause"?"""
    lowered = lower(text[max(0, start - _NAMED_REACH):start])
    return bool(_NAMED_AS.search(lowered) or (start <= _NAMED_REACH and _NAMED_OPENING.fullmatch(lowered))
                or _CAUSE_PREDICATE.match(text, end))


#: what says that the concept before it causes the complaint: "Morton's neuroma is another
#: common cause", "Tight shoes are often the culprit" (with "of X" the cue rule relates X)
_CAUSE_PREDICATE = re.compile(r"\s*(?:is|are|can be|may be|could be|might be)\s+(?:also\s+|often\s+|usually\s+)?"
                              r"(?:another|a|an|the|one|one of the)?\s*(?:[\w-]+\s+){0,2}?"
                              r"(?:causes?|reasons?|culprits?|triggers?|factors?)\b(?!\s+(?:of|for|is|are))", re.IGNORECASE)
#: what says that everything listed before it causes the complaint, whose name it leaves
#: unsaid: "Flat feet, tight calves and being overweight are also risk factors", "People
#: who have diabetes are more likely to suffer" (with "to get it" the anaphora rule relates it)
_LIST_PREDICATE = re.compile(r"\s(?:are|is)\s+(?:also\s+|all\s+|both\s+)?(?:(?:another|other|a|an|the|known|common|"
                             r"major|important|main)\s+)*(?:risk\s+)?(?:causes|reasons|culprits|triggers|factors)\b"
                             r"(?!\s+(?:of|for|is|are))|"
                             r"\s(?:are|is)\s+(?:also\s+)?more\s+(?:likely|prone)\s+to\s+(?:suffer|be affected)\b",
                             re.IGNORECASE)
#: characters before a condition that :func:`_named_as` looks at
_NAMED_REACH = 60
#: the gap between two things named together ("dehydration plus too much mileage")
_NAMED_TOO = re.compile(r"^[\s,]*(?:and|or|plus|as well as|and also)?[\s,]*(?:a|an|the|some)?\s*$", re.IGNORECASE)


def _orient(family: str, a: Mention, b: Mention, forward: bool) -> tuple[Mention, Mention]:
    """(subject, object) of a pair ``a`` before ``b`` for a cue between them."""
    if family in ("specialist", "test"):
        return (a, b) if a.type in PATIENT else (b, a)
    if family in ("cause", "risk"):
        # types decide: the cause is the condition or risk factor; but between two
        # complaints a risk cue says which way ("muscle weakness raises the risk of ...")
        if a.type != b.type and (family == "cause" or "RiskFactor" in (a.type, b.type)):
            return (a, b) if a.type in ("Condition", "RiskFactor") and b.type in PATIENT else (b, a)
        return (a, b) if forward else (b, a)
    return (a, b) if a.type not in PATIENT else (b, a)


def _sides(family: str, other: Mention, complaint: Mention) -> tuple[Mention, Mention]:
    """(subject, object) of a complaint and another concept a cue of ``family`` relates
    it to: one sees a specialist for, and finds by a test, the complaint; the rest act on it."""
    return (complaint, other) if family in ("specialist", "test") else (other, complaint)


def _described(target: list[Mention], section: list[Mention], found: list[Assertion]) -> list[Mention]:
    """What a paragraph's description is of: the complaint it opened with ("Heat stroke is
    an emergency. Signs include confusion ..."), unless that is a cause of its section's
    complaint ("Dehydration can trigger gout. The knee becomes hot, red, very swollen"),
    else the section's. ``found`` is read only when the paragraph opened with its own."""
    concepts = {t.concept for t in section}
    if all(t.concept in concepts for t in target):
        return target or section
    causing = {a.subject for a in found if a.object in concepts and a.relation in ("causes", "risk_factor_for")}
    return [t for t in target if t.concept not in causing] or section


#: what a table's cause cell says its cause comes from: "sciatica, usually from a slipped disc"
_CAUSE_IN_CELL = re.compile(r"\b(?:from|due to|caused by|because of|result of|secondary to)\b", re.IGNORECASE)


def _cell_of(row: str, position: int) -> int:
    """Which cell of a table row ``position`` falls in (0 is the row's label)."""
    return row.count("|", 0, position) - 1


def _columns(structure: Structure, block_index: int) -> dict[int, tuple[list[str], bool]] | None:
    """The frames of each column of a table (and whether the column says where),
    when ``block_index`` is a row under a header whose columns say what they hold
    ("| Problem | Why it happens | What helps | See someone if |"); else ``None``."""
    block = structure.blocks[block_index]
    if block.kind != "item" or block.intro is None or not TABLE_ROW.match(block.text):
        return None
    # the header is the row that introduces the others, or the one after a caption
    for header in structure.blocks[block.intro:min(block.intro + 2, block_index)]:
        if not TABLE_ROW.match(header.text):
            continue
        labels = header.text.strip().strip("|").split("|")
        columns = {cell: (_frame_families(label), bool(_WHERE.search(label)))
                   for cell, label in enumerate(labels) if cell}
        if sum(1 for families, placed in columns.values() if families or placed) >= 2 or (
                # a first column of symptoms beside one of their causes: "| What it feels like | Likely cause |"
                "symptom" in _frame_families(labels[0]) and any("cause" in families for families, _ in columns.values())):
            return columns
    return None


#: a short line that says what its list is for: "For the neck and shoulders:", "For the numb hands:"
_FOR_WHAT = re.compile(r"^\W*(?:for|with)\s+(?:the\s+|your\s+|a\s+|an\s+)?[^.:;!?]{2,40}:\s*$", re.IGNORECASE)

#: a table row of a label and one value: "| Risk factors | Sudden increase in mileage, female sex |"
_LABELLED_ROW = re.compile(r"^\|\s*(?P<label>[^|]{2,40}?)\s*\|[^|]+\|$")


#: an infobox row's label for the clinicians who deal with its topic
_SPECIALTY = re.compile(r"^(?:medical\s+)?specialt(?:y|ies)$", re.IGNORECASE)


def _row_label(text: str) -> str:
    """The label of a two-cell table row ("Causes" in "| Causes | GTPS, labral tear |"), or ""."""
    row = _LABELLED_ROW.match(text)
    return row.group("label") if row else ""


def _framed(family: str, item: Mention, target: Mention) -> tuple[Mention, Mention, str | None]:
    """(subject, object, relation) that a frame of ``family`` makes of an item it lists
    and the frame's target: a listed symptom is what the target causes, any other item
    takes its side by the family (see :func:`_sides`); ``None`` if they do not relate."""
    if family == "symptom":
        return target, item, (_relation_for("cause", target, item) if item.type == "Symptom" else None)
    subject, object_ = _sides(family, item, target)
    return subject, object_, _relation_for(family, subject, object_)


_STRONG = tuple(cue for cue in CUES if cue.strong)
_WEAK = tuple(cue for cue in CUES if not cue.strong)


def _plural(phrase: str) -> bool:
    """Whether a name is written in the plural ("joint diseases", not "arthritis")."""
    last = lower(phrase).rsplit(maxsplit=1)[-1] if phrase.strip() else ""
    return singular(last) != last


@lru_cache(maxsize=256)
def _strong_cues_in(text: str) -> list[tuple[Cue, int, int]]:
    """Every strong cue in a sentence with its span (cached: each rule asks again),
    except those inside a longer one of the same family: in "caused by" the cue is
    backward, "caused" alone would read it forward too."""
    lowered = lower(text)
    found = [(_voiced(cue, lowered, m), m.start(), m.end()) for cue in _STRONG for m in cue.pattern.finditer(lowered)]
    return [(cue, s, e) for cue, s, e in found
            if not any(other.family == cue.family and os <= s and e <= oe and oe - os > e - s
                       for other, os, oe in found)]


def _at_risk_of_the_pronoun(stated: list[Assertion], told: list[Assertion]) -> list[Assertion]:
    """"It is one of the commonest causes of heel pain in active children": who is at
    risk is at risk of what the pronoun stands for (the sentence's cause), not of the
    complaint it causes, so the risk factors that the sentence's cue alone gave to that
    complaint (``stated``: the sentence's assertions) go to the pronoun's condition."""
    effects = {a.object: a.subject for a in told if a.relation == "causes"}
    return [replace(a, object=effects[a.object]) if a.rule == "cue-sentence" and a.relation == "risk_factor_for"
            and a.object in effects else a for a in stated]


#: a verb in the passive: "It is provoked by high heels"
_BY = re.compile(r"ed\s+by\b")


def _voiced(cue: Cue, lowered: str, match: re.Match) -> Cue:
    """A forward cue in the passive ("provoked by", "aggravated by") reads backward."""
    if cue.forward and _BY.match(lowered, match.end() - 2):
        return replace(cue, forward=False)
    return cue


def _weak_cues_in(text: str, start: int, end: int) -> list[tuple[Cue, int, int]]:
    """The weak cues between ``start`` and ``end`` of a sentence: weak cues count only
    between two mentions, so only that stretch is scanned (cue scanning is the
    costliest step of this stage)."""
    if end <= start:
        return []
    lowered = lower(text)
    return [(cue, m.start(), m.end()) for cue in _WEAK for m in cue.pattern.finditer(lowered, start, end)
            if not (m.group() == "from" and _TELL_APART.search(lowered, 0, m.start()))]


@lru_cache(maxsize=1024)
def _frame_families(text: str) -> list[str]:
    """The families of the frame cues in a heading or introducing line (cached:
    every block under a heading asks again)."""
    return [family for family, pattern in FRAMES if pattern.search(text)]


#: a list item labelled as the list's prevention advice: "- Prevention: Regular Copenhagen exercise ..."
_PREVENTION_ITEM = re.compile(r"^\W*(?:prevention|preventing|to prevent|how to prevent)\b[^:]{0,30}:", re.IGNORECASE)


def _prevention_lists(structure: Structure) -> frozenset[tuple[tuple[int, ...], int | None]]:
    """The lists (by section and introducing line) with an item labelled as the list's
    prevention advice, worked out once per document."""
    return frozenset((b.section, b.intro) for b in structure.blocks
                     if b.kind == "item" and _PREVENTION_ITEM.match(b.text))


def _prevention_apart(block: Block, lists: frozenset[tuple[tuple[int, ...], int | None]]) -> bool:
    """Whether a list item has a sibling labelled as the list's prevention advice (then
    the others are its treatment)."""
    return block.kind == "item" and (block.section, block.intro) in lists and not _PREVENTION_ITEM.match(block.text)


def _remedy_frames(frames: list[tuple[str, list[Mention]]], text: str,
                   prevention_apart: bool = False) -> list[tuple[str, list[Mention]]]:
    """The frames that apply to one sentence: under a heading about treating and
    preventing ("Management and Prevention"), an item whose own cues name one of the two
    ("to relieve swelling" treats, "before you run" prevents) is that one only; with
    neither or both, the heading's two readings stand, unless another item of the list
    is labelled as its prevention advice ("Prevention: ..."): then this one treats."""
    families = {family for family, _ in frames}
    if not REMEDY_FAMILIES <= families:
        return frames
    if prevention_apart:
        return [frame for frame in frames if frame[0] != "prevent"]
    stated = REMEDY_FAMILIES & {cue.family for cue, _, _ in _strong_cues_in(text)}
    dropped = REMEDY_FAMILIES - stated if len(stated) == 1 else set()
    return [frame for frame in frames if frame[0] not in dropped]


def _framing_sentences(structure: Structure, block_index: int) -> list[int]:
    """The sentences of a heading or introducing line that frame what follows: all of a
    heading's, only the last of a paragraph that ends by introducing a list ("The
    tendon usually gives way when ... Risk factors include:")."""
    sentences = structure.by_block.get(block_index, [])
    return sentences[-1:] if structure.blocks[block_index].kind == "paragraph" else sentences


def _framing_text(structure: Structure, block_index: int) -> str:
    """The text of :func:`_framing_sentences`."""
    return " ".join(structure.sentences[i].text for i in _framing_sentences(structure, block_index))


def _headings_before(structure: Structure) -> list[list[int]]:
    """For each block, the up to :data:`SECTION_REACH` headings before it, nearest
    first, never past the title, in one pass over the document. Plain-text pages have
    flat headings (and captions that look like headings), so this looks at the
    preceding headings, not only the enclosing ones."""
    table: list[list[int]] = []
    current: list[int] = []
    for index, block in enumerate(structure.blocks):
        table.append(current)
        if block.kind == "title":
            current = []
        elif block.kind == "heading":
            # a heading closes the deeper subsections before it: "## What to do" after
            # "### 7. Infection" is no part of it (flat headings all stay within reach)
            # "## How we tell them apart" after "## Why rowers get them" is no part of it either
            # (marked-up levels are meant)
            kept = [h for h in current if structure.blocks[h].level < block.level or (
                structure.blocks[h].level == block.level and not (block.marked and structure.blocks[h].marked))]
            current = [index, *kept][:SECTION_REACH]
    table.append(current)  # and for a block after the last: what a closing heading frames
    return table


def _prefer_strong(cues: list[tuple[Cue, int, int]]) -> list[tuple[Cue, int, int]]:
    """Drop weak treatment cues from a sentence that has a strong prevention cue, and
    the reverse ("drink water to prevent cramps" is prevention, not treatment)."""
    strong = {cue.family for cue, _, _ in cues if cue.strong}
    rival = {"treat": "prevent", "prevent": "treat"}
    return [(cue, s, e) for cue, s, e in cues
            if cue.strong or rival.get(cue.family) not in strong]


class RelationExtractor(Extractor):
    """Turns mentions into assertions by the rules in this module's docstring."""

    name = "relations"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self.generic = generic_complaints(lexicon)
        # per document (set by each call): heading mentions by block, headings before each block
        self._heading_memo: dict[int, list[Mention]] = {}
        self._headings_before: list[list[int]] = []
        #: (sentence, reach) -> the condition its paragraph last opened with, up to it (see :meth:`_condition_back_from`)
        self._conditions_back: dict[tuple[int, int | None], list[Mention]] = {}
        #: the blocks that are a title (a page of records may have several)
        self._titles: list[int] = []

    def __call__(self, structure: Structure, annotations: Annotations) -> None:
        by_sentence = annotations.mentions_by_sentence()
        usable = {i: [m for m in ms if not m.negated and not _baseline(structure.sentences[i], m)
                      and not _advised_against(structure.sentences[i], m) and not _speaker(structure.sentences[i], m)]
                  for i, ms in by_sentence.items()}
        self._heading_memo, self._headings_before = {}, _headings_before(structure)
        self._conditions_back = {}
        self._titles = [i for i, b in enumerate(structure.blocks) if b.kind == "title"]
        prevention_lists = _prevention_lists(structure)
        topic = self._document_topic(structure, usable)
        usable = self._named_by_kind(usable, topic)
        diagnosed = self._answer_topic(structure, usable)
        found: list[Assertion] = []
        # section targets and frames depend on the block only: worked out once per block
        targets: dict[int, list[Mention]] = {}
        frames: dict[int, list[tuple[str, list[Mention]]]] = {}
        leads: dict[int, list[Mention]] = {}
        #: blocks that open "To prevent it, ...": what they advise prevents
        preventing: dict[int, bool] = {}
        #: blocks whose nearest heading is about prevention only ("Preventing wrist tendon trouble")
        under_prevention: dict[int, bool] = {}
        #: (section, conditions) a sentence singled out as what the section's complaint mostly is
        featured: tuple[int | None, list[Mention]] = (None, [])
        for index, sentence in enumerate(structure.sentences):
            mentions = usable.get(index, [])
            block = structure.blocks[sentence.block]
            if block.kind == "meta":
                continue
            section = (self._headings_before[sentence.block] or [None])[0]
            if sentence.block not in targets:
                about = diagnosed if diagnosed and block.part == "answer" else topic
                targets[sentence.block] = (block.intro is not None and self._introduced(structure, block.intro, usable)
                                           or self._section_target(structure, sentence.block, usable) or about)
                if featured[1] and featured[0] == section \
                        and self._featured_wins(structure, section, targets[sentence.block], usable):
                    targets[sentence.block] = featured[1]
                frames[sentence.block] = self._frames(structure, sentence.block, usable, about)
                if featured[1] and block.part == "answer" and self._asks_nothing_new(structure, section, usable):
                    # "Q: Do I need a scan?", "Q: What should I do about it?": about what the
                    # answer before named, and so are the lists under it
                    targets[sentence.block] = featured[1]
                    frames[sentence.block] = [(family, featured[1]) for family, _ in frames[sentence.block]]
                leads[sentence.block] = _leading(sentence, usable.get(index, []), self.generic, targets[sentence.block])
                under_prevention[sentence.block] = section is not None \
                    and self._about_prevention(structure, section, usable)
                preventing[sentence.block] = bool(_PREVENTING.match(sentence.text)) or (
                    block.kind == "item" and (under_prevention[sentence.block] or (
                        block.intro is not None and "prevent" in _frame_families(structure.blocks[block.intro].text))))
            if not mentions and block.kind == "paragraph":
                continue  # the rules relate concepts a sentence names (list items are also read loosely)
            own_start = len(found)  # where this sentence's assertions begin
            compared = self._compared(structure, sentence, usable)
            if compared is not None:
                # a row of a table that compares conditions column by column: each cell is about its column's
                found += self._comparison_rule(index, structure, sentence, mentions, compared)
                continue
            columns = _columns(structure, sentence.block)
            if columns is not None:
                # a row of a table whose columns say what they hold ("| Problem | Why it happens | What helps |")
                found += self._column_rule(index, structure, sentence, usable, columns, targets[sentence.block])
                continue
            if block.kind == "item" and _SPECIALTY.match(_row_label(block.text)):
                # "| Specialty | Sports medicine |" in an encyclopedia's infobox: whom to see for its topic
                found += [self._assert(t.concept, "see_specialist", m.concept, index, "frame", m)
                          for m in mentions if m.type == "Specialist" for t in targets[sentence.block]]
                continue
            if (named := self._singled_out(structure, sentence, section, mentions, featured[0])):
                # "The representative disease is Achilles tendinopathy": the section's later
                # paragraphs (and this one's later sentences) are about it, not about the
                # symptom its heading names
                featured = (section, named)
                for told in (targets, leads):
                    if self._featured_wins(structure, section, told[sentence.block], usable):
                        told[sentence.block] = named
            later = structure.by_block[sentence.block][0] != index
            target = (leads[sentence.block] if leads[sentence.block] and later else targets[sentence.block])
            if later and block.kind == "item":
                # "1. A dark streak under a nail ... to exclude subungual melanoma. A biopsy
                # confirms it.": an item's later sentences are about the condition it named
                target = self._last_condition(structure, index, usable, reach=None) or target
            context = ""
            continues = bool(index) and structure.sentences[index - 1].block == sentence.block
            if continues and _CONTINUATION.match(sentence.text) and not _CLINICIANS_DO.match(sentence.text):
                # "The treatment for ankle pain varies. It may include rest, ice, ...":
                # the pronoun's sentence lends its concepts and cues.
                before = [m for m in usable.get(index - 1, []) if self._specific(m)]
                target = before or target
                context = structure.sentences[index - 1].text
                if before and _INSTANCES.match(sentence.text):
                    found += self._instances_rule(index, mentions, before, context)
            elif continues and block.kind != "item" and _SHOWS_IT.search(sentence.text) \
                    and not _CONTINUATION.match(structure.sentences[index - 1].text):
                # "A hard lump ... may be myositis ossificans. An X-ray will show it from
                # about three weeks": what a test shows is the condition just named ("This
                # is a strain or tear ... MRI can diagnose it": the same "it" as before; an
                # item's "it" is what the item names)
                target = self._predicated(structure.sentences[index - 1], usable.get(index - 1, [])) or target
            # "Pain in the left chest ... is not the side stitch, go to cardiology": what the
            # sentence denies is not what its advice is about
            denied = {m.concept for m in by_sentence.get(index, []) if m.negated}
            target = [t for t in target if t.concept not in denied]
            # "For impingement, the sleeper stretch loosens the back of the shoulder": the
            # sentence's advice is for what it opens with
            addressed = self._addressed(sentence, mentions)
            target = addressed or target
            own_framed = self._own_frame_rule(index, sentence, mentions, annotations)
            found += own_framed
            asked = _YES_NO.match(sentence.text) and not (
                index + 1 < len(structure.sentences) and _YES.match(structure.sentences[index + 1].text))
            stated = [] if own_framed or asked else self._cue_rule(index, sentence.text, sentence.start, mentions)
            if block.kind in ("paragraph", "item") and under_prevention[sentence.block]:
                # under "Can it be prevented?" or "Prevention", what "reduces ACL injuries" (in prose or
                # a list) prevents them
                stated = [replace(a, relation="prevents") if a.relation == "treats" else a for a in stated]
            found += stated
            resolved = self._resolve_generic(mentions, target)
            if resolved is not mentions and not own_framed and not asked:
                named = {m.concept for m in mentions}
                found += [a for a in self._cue_rule(index, sentence.text, sentence.start, resolved)
                          if a.relation in RESOLVED_RELATIONS and not (a.relation == "causes" and (
                              a.subject not in named or CONCEPT.pain not in self.lexicon.ancestors(a.object)))]
            found += self._location_rule(index, sentence.text, sentence.start, mentions, target)
            found += self._explained_rule(index, sentence.text, sentence.start, resolved)  # "pain ... – X"
            found += self._topic_rule(index, sentence.text, sentence.start, mentions, target, context,
                                      ANSWER_TOPIC_FAMILIES if block.part == "answer" else TOPIC_FAMILIES,
                                      preventing=preventing[sentence.block])
            found += self._excluded_rule(index, sentence.text, sentence.start, by_sentence.get(index, []))
            found += self._kind_rule(index, sentence.text, sentence.start, mentions, target)
            if continues:
                found += self._told_apart_rule(index, sentence.text, sentence.start, mentions,
                                               by_sentence.get(index - 1, []) + target + targets[sentence.block])
            # "Mine was sesamoiditis rather than turf toe": the complaint it denies is not named so
            found += self._naming_rule(index, sentence.text, sentence.start, mentions, target)
            if continues:
                # on a paragraph about a symptom, "it" is the condition a sentence since opened with
                named = self._last_condition(structure, index, usable) \
                    if _symptoms_only(target) else []
                told = self._anaphora_rule(index, sentence.text, sentence.start, mentions, named or target)
                if told:
                    found[own_start:] = _at_risk_of_the_pronoun(found[own_start:], told)
                found += told
            # what the sentence relates by its own cue ("... which can help prevent cramps",
            # "Osteitis pubis causes pain over the pubic bone") is not also related to the
            # frame's target by that relation; a listed cause that says what it does itself
            # ("- Ankle sprain - ..., causing swelling") is still one of the list's causes. What
            # a frame relates is a relation's subject, or the test or specialist of one
            own = {(_framed_side(a), a.relation) for a in stated
                   if a.relation in ("treats", "prevents") or block.kind not in ("item", "heading")}
            if block.kind == "item":
                found += self._referral_rule(index, structure, sentence.block, mentions, usable)
            block_frames = [(family, addressed if addressed and family in ("treat", "prevent") else framed)
                            for family, framed in frames[sentence.block] + self._run_in_frames(
                                structure, index, usable, targets[sentence.block])]
            for family, framed in _remedy_frames(block_frames, sentence.text,
                                                 _prevention_apart(block, prevention_lists)):
                # "... suggests a trapped nerve rather than plantar fasciitis": not about the one it denies
                frame = (family, [t for t in framed if t.concept not in denied])
                found += [a for a in self._frame_rule(index, block.kind, mentions, frame, annotations, sentence.text,
                                                      sentence.start, under_prevention[sentence.block])
                          if (_framed_side(a), a.relation) not in own]
            if block.kind == "paragraph" and not asked and not stated:
                found += self._described_rule(index, mentions, _described(target, targets[sentence.block], found))
            listed_for = [t for t in target if t.sentence != index]  # not what the list itself names
            if listed_for and (opening := _SELF_FRAMED.match(sentence.text)):
                for family in _frame_families(opening.group()):
                    found += self._frame_rule(index, block.kind, mentions, (family, listed_for), annotations,
                                              sentence.text, sentence.start)
            elif listed_for and (opening := self._colon_framed(sentence, mentions)):
                # what follows the colon is a list, read as items are
                listed = [m for m in mentions if m.start >= sentence.start + opening.end()]
                for family in _frame_families(opening.group()):
                    found += [a for a in self._frame_rule(index, "item", listed, (family, listed_for), annotations,
                                                          sentence.text, sentence.start)
                              if (_framed_side(a), a.relation) not in own]
        found += self._site_rule(usable, found, structure)
        annotations.assertions.extend(self._valid(self._tests_of_causes(self._conditions_at_risk(found))))

    # ------------------------------------------------------------------ topics
    def _predicated(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """The condition a sentence says something is ("A hard lump ... after a dead leg
        may be myositis ossificans"), else the one condition it names, if one."""
        named = [m for m in mentions if self._specific(m, ("Condition",))]
        said = [m for m in named if _PREDICATE.search(sentence.text, 0, m.start - sentence.start)]
        return said[:1] or (named[:1] if len({m.concept for m in named}) == 1 else [])

    def _specific(self, mention: Mention, types: Collection[str] = PATIENT) -> bool:
        """Whether a mention names a concept of ``types`` by itself: not a generic
        complaint ("pain") and not an ambiguous word ("ice", "side")."""
        return mention.type in types and not mention.ambiguous and mention.concept not in self.generic

    def _narrowest(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions whose concept no other of them narrows ("hamstring strain", not
        the "strain" that glosses it)."""
        broader = set().union(*(self.lexicon.ancestors(m.concept) for m in mentions))
        return [m for m in mentions if m.concept not in broader]

    def _glossed(self, mention: Mention, mentions: list[Mention]) -> list[Mention]:
        """The narrower names a broader one glosses, named apart in the sentence
        ("inflammation of the bursa behind the heel (retrocalcaneal bursitis)"): what
        the gloss says belongs to them. The composed name it is part of ("sprain of the
        ankle" as ankle sprain) is no gloss, nor one with another complaint between them."""
        def apart(m: Mention) -> bool:
            start, end = min(m.end, mention.end), max(m.start, mention.start)
            return start <= end and not any(
                o.type in PATIENT and start <= o.start and o.end <= end for o in mentions)
        return [m for m in mentions if mention.concept in self.lexicon.ancestors(m.concept) and apart(m)]

    def _document_topic(self, structure: Structure, usable: dict[int, list[Mention]]) -> list[Mention]:
        title = [i for i, s in enumerate(structure.sentences) if structure.blocks[s.block].kind == "title"]
        for index in title:
            sentence = structure.sentences[index]
            named = [m for m in usable.get(index, []) if m.type in PATIENT and m.concept not in self.generic
                     and not _ASKED_ABOUT.search(sentence.text, 0, m.start - sentence.start)]
            asked = asked_from(sentence)
            if asked < sentence.end:
                # "Lower back pain 3 days after deadlifts - normal DOMS or did I mess something up?":
                # the complaint is before the dash, what it might be is asked after it
                # (two named after it are the page's comparison: "Wrist pain in rowers: De
                # Quervain's or intersection syndrome?")
                before = [m for m in named if m.end <= asked]
                if len({m.concept for m in named if m not in before}) == 1:
                    named = before or named
            if named:
                named = [self._across_places(m, sentence, usable.get(index, [])) for m in named]
                # "Pain in the buttock and leg: sciatica and piriformis syndrome": the page is
                # about the conditions that explain the complaint
                return self._narrowest([m for m in named if m.type == "Condition"] or named)
        counts: dict[URIRef, list[Mention]] = {}
        for mentions in usable.values():
            for m in mentions:
                if self._specific(m):
                    counts.setdefault(m.concept, []).append(m)
        if not counts:
            return []
        best = max(counts.values(), key=len)
        return [best[0]] if len(best) >= 2 else []

    def _across_places(self, mention: Mention, sentence: Sentence, mentions: list[Mention]) -> Mention:
        """A title's condition named at one place and then another ("Stress fractures of
        the foot and leg") is the condition wherever it is: its broader kind with no place
        of its own (stress fracture), when the vocabulary has one; else the mention."""
        if mention.type != "Condition" or not self._placed(mention.concept):
            return mention
        if not any(m.type == "BodyRegion" and m.start >= mention.end
                   and _AND_PLACE.match(sentence.text, mention.end - sentence.start, m.start - sentence.start)
                   for m in mentions):
            return mention
        kinds = [b for b in self.lexicon[mention.concept].broader if b not in self.generic and not self._placed(b)]
        return replace(mention, concept=kinds[0]) if kinds else mention

    def _named_by_kind(self, usable: dict[int, list[Mention]], topic: list[Mention]) -> dict[int, list[Mention]]:
        """On a page about an ankle sprain, "a sprain" is the ankle sprain: a mention
        that names the topic by the last word of its name ("If you do sprain it", "A
        sprain causes pain and swelling"), a broader kind with no place in the body
        where the topic has one, stands for the topic. A broader kind named otherwise
        is meant as the kind ("heat-related illness in general" on a heat cramps page)."""
        kinds = {kind: m for m in topic if m.type == "Condition" and self._placed(m.concept)
                 for kind in self.lexicon.ancestors(m.concept) if kind not in self.generic and not self._placed(kind)}
        if not kinds:
            return usable

        def short_name(m: Mention) -> bool:
            return m.concept in kinds and normalize(kinds[m.concept].text).endswith(" " + normalize(m.text))

        return {i: [replace(m, concept=kinds[m.concept].concept) if short_name(m) else m for m in ms]
                for i, ms in usable.items()}

    def _answer_topic(self, structure: Structure, usable: dict[int, list[Mention]]) -> list[Mention]:
        """What the answer of a Q&A page says the asker has ("According to your
        description, this is the common side stitch"): the topic of the answers, which
        the asker's own words in the title name less well ("the side under the ribs
        pain")."""
        read = 0
        for index, sentence in enumerate(structure.sentences):
            block = structure.blocks[sentence.block]
            if block.part != "answer" or block.kind != "paragraph":
                continue
            named = [m for m in usable.get(index, []) if self._specific(m)]
            if named and _DIAGNOSIS.search(sentence.text, 0, min(m.start for m in named) - sentence.start):
                # "the hamstring strain (strain of the posterior thigh muscle group)": not the bare strain
                return self._narrowest(named)
            read += 1
            if read >= _DIAGNOSIS_REACH:
                break
        return []

    def _heading_mentions(self, structure: Structure, block_index: int,
                          usable: dict[int, list[Mention]]) -> list[Mention]:
        """The specific symptoms and conditions a heading (or line) names: a category
        named in the plural beside its own kinds ("vascular diseases, namely varicose
        veins") is left out, the kinds are the target; a disease named in the singular
        beside its kinds ("arthritis, arthrosis") is one of the list."""
        if block_index not in self._heading_memo:  # blocks under one heading ask again
            named = [m for i in structure.by_block.get(block_index, ())
                     for m in usable.get(i, []) if self._specific(m)]
            if structure.blocks[block_index].kind == "paragraph":
                # a paragraph that introduces a list: what its last sentence names, else the
                # conditions it is about ("Osteochondrosis and hip pathology have similar
                # symptoms. ... additional tests are ordered:"), not a symptom it describes
                # ("The tendon usually gives way when ... Risk factors include:")
                last = _framing_sentences(structure, block_index)
                named = [m for m in named if m.sentence in last] or [m for m in named if m.type == "Condition"]
            narrowest = self._narrowest(named)
            self._heading_memo[block_index] = [m for m in named if m in narrowest or not _plural(m.text)]
        return self._heading_memo[block_index]

    def _lead_conditions(self, structure: Structure, heading: int, usable: dict[int, list[Mention]]) -> list[Mention]:
        """The conditions that open the section under a heading that names none and
        frames nothing, a listicle's "3. Your muscles are running out of room" over
        "Chronic exertional compartment syndrome (CECS) is a tight, burning pain ...":
        the first sentence's subject is what the section is about."""
        block = heading + 1
        if block >= len(structure.blocks) or structure.blocks[block].kind not in ("paragraph", "item") \
                or heading not in structure.blocks[block].section \
                or _frame_families(_framing_text(structure, heading)) or not structure.by_block.get(block):
            return []
        first = structure.by_block[block][0]
        sentence = structure.sentences[first]
        return [m for m in usable.get(first, []) if self._specific(m, ("Condition",))
                and _OPENING.match(sentence.text, 0, m.start - sentence.start)]

    def _preceding_headings(self, structure: Structure, block_index: int) -> list[int]:
        """The headings before a block (see :func:`_headings_before`)."""
        return self._headings_before[block_index]

    def _section_target(self, structure: Structure, block_index: int,
                        usable: dict[int, list[Mention]]) -> list[Mention]:
        """The symptoms and conditions of the nearest preceding heading that names any,
        else of the nearest enclosing one.

        A heading under a heading of causes ("Causes of knee pain", then "Arthritis,
        meniscus tear") is one of those causes: it is the target of its own section, but
        a later heading ("Which doctor should I see?") is about the causes' topic.
        """
        headings = self._preceding_headings(structure, block_index)
        for position, index in enumerate(headings):
            if position and _OTHERS.match(_framing_text(structure, index)):
                continue
            named = self._heading_mentions(structure, index, usable) or self._lead_conditions(structure, index, usable)
            parent = headings[position + 1] if position + 1 < len(headings) else None
            if named and position and parent is not None and self._one_of_a_series(structure, index, parent, usable):
                return []
            if named and not (position and parent is not None and self._lists_causes(structure, parent, usable)):
                return named
        # beyond their reach, the headings that enclose the block ("## Osgood-Schlatter
        # disease" over "**Symptoms**", "**How it is diagnosed**" and "**Treatment**")
        # (not the title: what it names is the page's topic, which the caller falls back on)
        for index in reversed(structure.blocks[block_index].section):
            if index not in headings and structure.blocks[index].kind != "title" \
                    and (named := self._heading_mentions(structure, index, usable)):
                return named
        return []

    def _one_of_a_series(self, structure: Structure, heading: int, before: int,
                         usable: dict[int, list[Mention]]) -> bool:
        """Whether a heading naming a condition follows another heading of its level that
        names a different one: a handout's run of conditions ("1. Adductor strain", "2. Hip
        impingement", ... "4. Osteitis pubis"), after which a heading that names nothing
        ("What you can do") is about the page's topic, not the last of them."""
        named, other = (self._heading_mentions(structure, h, usable) for h in (heading, before))
        return structure.blocks[heading].level == structure.blocks[before].level \
            and any(m.type == "Condition" for m in named) and any(m.type == "Condition" for m in other) \
            and not {m.concept for m in named} & {m.concept for m in other}

    def _about_prevention(self, structure: Structure, heading: int, usable: dict[int, list[Mention]]) -> bool:
        """Is ``heading`` about prevention only ("Preventing wrist tendon trouble", "Can it
        be prevented?")? A yes-or-no question about one remedy ("Does a gum shield prevent
        concussion?") asks, and frames nothing."""
        if _frame_families(_framing_text(structure, heading)) != ["prevent"]:
            return False
        return not (_YES_NO.match(structure.blocks[heading].text)
                    and any(m.type == "Treatment" for i in structure.by_block[heading] for m in usable.get(i, [])))

    def _lists_causes(self, structure: Structure, heading: int, usable: dict[int, list[Mention]]) -> bool:
        """Is ``heading`` one of causes of a complaint it names ("Causes of knee pain")?"""
        return "cause" in _frame_families(_framing_text(structure, heading)) \
            and bool(self._heading_mentions(structure, heading, usable))

    # ------------------------------------------------------------------ rules
    def _cue_rule(self, index: int, text: str, offset: int, mentions: list[Mention]) -> list[Assertion]:
        if not _may_relate(mentions):
            return []
        ordered = sorted(mentions, key=lambda m: m.start)
        stretch = (min(m.end for m in ordered) - offset, max(m.start for m in ordered) - offset)
        cues = _prefer_strong(_strong_cues_in(text) + _weak_cues_in(text, *stretch))
        kinds = self._kind_names(text, offset, ordered)
        out: list[Assertion] = []
        #: what is asserted already: another cue that says the same of the same pair adds
        #: nothing, and is not checked for clause breaks again (a run-on sentence of
        #: remedies and complaints has thousands of pairs and cues)
        made: set[Assertion] = set()
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if a.concept == b.concept or b.start < a.end or self._related(a.concept, b.concept):
                    continue
                gap_start, gap_end = a.end - offset, b.start - offset
                if _CLAUSE_BREAK.search(text, gap_start, gap_end):
                    continue  # the two stand in different clauses
                if _listable(a, b) and _COORDINATED.match(_list_gap(text, offset, a, b, ordered)):
                    continue  # "a tendon or ligament injury", "overuse, tendinitis and bursitis": listed
                # a strong cue between the two outweighs a weak one of its family ("Dehydration
                # after the race can trigger gout": not gout after dehydration)
                stated = {cue.family for cue, cs, _ in cues if cue.strong and gap_start <= cs < gap_end}
                for cue, cs, ce in cues:
                    if not cue.strong and cue.family in stated:
                        continue
                    # a cue may end in the second concept's own words ("to reduce inflammation")
                    between = gap_start <= cs < gap_end and ce <= b.end - offset \
                        and (cue.strong or not _NEW_CONDITION.search(text, ce, b.start - offset))
                    subject, object_ = _orient(cue.family, a, b, cue.forward)
                    if between and cue.family == "risk" and a.type == b.type and _CONDITIONAL.match(text[ce:gap_end]):
                        # "Septic bursitis is more likely if you have diabetes": what the
                        # condition names raises the risk of what the cue follows
                        subject, object_ = b, a
                    if not between and cue.family == "risk" and ce <= a.start - offset \
                            and a.type in PATIENT and _CONDITIONAL.match(text[gap_start:gap_end]) \
                            and not _CONDITIONAL.match(text[ce:a.start - offset]):
                        # "you're more likely to get heel pain if you are overweight": what
                        # the condition names raises the risk of what the cue names
                        between, subject, object_ = True, b, a
                    relation = _relation_for(cue.family, subject, object_)
                    if relation is None or id(subject) in kinds:
                        continue
                    if not between and (cue.family == "risk" or not cue.strong
                                        or (cue.family == "cause" and subject.type == object_.type)):
                        continue
                    rule = "cue" if between else "cue-sentence"
                    if relation == "prevents" and _HAVING.search(text, 0, object_.start - offset):
                        relation = "treats"  # "In the case of a stress fracture, ... to reduce the load"
                    if (subject.ambiguous or object_.ambiguous) and not (
                            between and (cue.strong or _DIRECT.fullmatch(text, gap_start, cs)
                                         and text[ce:gap_end].isspace())):
                        continue
                    assertion = self._assert(subject.concept, relation, object_.concept, index, rule, subject, object_)
                    if assertion in made or ";" in text[min(cs, gap_start):max(ce, gap_end)] \
                            or _CLAUSE_BREAK.search(text, min(cs, gap_start), max(ce, gap_end)):
                        # a semicolon or a "but" joins clauses: a cue relates what its own clause
                        # names ("sold for cramps, but they probably do not prevent cramps")
                        continue
                    made.add(assertion)
                    out.append(assertion)
        return out

    def _kind_rule(self, index: int, text: str, offset: int, mentions: list[Mention],
                   target: list[Mention]) -> list[Assertion]:
        """A complaint said to be of a kind named for what brings it on has that as a risk
        factor: "ITBS is an overuse injury", "It's an overuse problem" (the sentence's
        complaint, or for "it" the section's), by the kind's name: a risk factor before
        "injury", "problem", "condition" or "disorder", or a condition named so ("overuse
        injury"). Not when more is said between ("is an uncommon but serious overuse injury")."""
        out = []
        for kind in mentions:
            cause = self._kind_cause(kind, text, offset)
            if cause is None:
                continue
            subjects = [m for m in mentions if m.end <= kind.start and self._specific(m, ("Condition",))
                        and _KIND_AFTER.fullmatch(text, m.end - offset, kind.start - offset)]
            if not subjects and _IT_OF_KIND.search(text, 0, kind.start - offset):
                subjects = [t for t in target if self._specific(t, ("Condition",))]
            out += [self._assert(cause, "risk_factor_for", m.concept, index, "kind", kind) for m in subjects]
        return out

    def _kind_cause(self, kind: Mention, text: str, offset: int) -> URIRef | None:
        """The risk factor a kind of complaint is named for ("overuse" in "overuse problem"
        or in the condition "overuse injury"), if it is one."""
        if kind.type == "RiskFactor" and not kind.ambiguous:
            return kind.concept if _NAMED_FOR_CAUSE.match(text, kind.end - offset) else None
        if kind.type != "Condition":
            return None
        head = _NAMED_FOR_CAUSE.search(kind.text)
        if head is None or head.end() != len(kind.text) or not head.start():
            return None
        named = [c for c in self.lexicon.lookup(kind.text[:head.start()]) if c.type == "RiskFactor"]
        return named[0].iri if len(named) == 1 else None

    def _kind_names(self, text: str, offset: int, ordered: list[Mention]) -> set[int]:
        """The mentions (by ``id``) that only say what kind another one is: in "IT band
        syndrome is an overuse injury that causes knee pain" the cue is about the
        syndrome, not about every overuse injury."""
        return {id(b) for i, a in enumerate(ordered) for b in ordered[i + 1:]
                if b.concept in self.lexicon.ancestors(a.concept) and b.concept != a.concept
                and _IS_A.match(text, a.end - offset, b.start - offset)}

    def _resolve_generic(self, mentions: list[Mention], target: list[Mention]) -> list[Mention]:
        """"Ibuprofen can alleviate pain" on a page about ankle pain: a generic
        complaint stands for the section's or page's topic, when there is one."""
        if not target or not any(m.concept in self.generic for m in mentions):
            return mentions
        # "Most calf strains are diagnosed from how the injury happened": the generic
        # names the condition its own sentence names, not the section's
        named = {m.type for m in mentions if self._specific(m, ("Condition",))}
        resolved = []
        for m in mentions:
            if m.concept in self.generic and m.type in PATIENT and m.type not in named:
                resolved += [replace(m, concept=t.concept, type=t.type, ambiguous=False) for t in target]
            else:
                resolved.append(m)
        return resolved

    def _explained_rule(self, index: int, text: str, offset: int, mentions: list[Mention]) -> list[Assertion]:
        """"a burning or tingling feeling in the sole of your foot – tarsal tunnel
        syndrome": a line that gives symptoms, a dash (or a colon), then a short name of conditions
        says what the symptoms may mean (a common shape of "check if" lists); and the
        other way round, a glossary line, "gout - an acute attack with sharp pain, redness
        and swelling of the big toe joint" or "Hamstring strain: pain at the back of the
        thigh": a short name of conditions, a dash or colon, then symptoms says what the
        conditions cause."""
        dashes = list(_GLOSS.finditer(text))
        # symptoms may also come before a colon, then what they suggest
        separators = sorted([*dashes, *_NAMED_AFTER.finditer(text)], key=lambda m: m.start())
        label = None if dashes else _label_colon(text)
        if not separators and not (separators := [label] if label else []):
            return []
        pairs: list[tuple[Mention, Mention]] = []
        # the glossary's separator may be a label's colon: "Posterior ankle impingement: pain at the back of the ankle"
        last, first = separators[-1], (dashes[0] if dashes else label)
        if len(words(text[last.end():])) <= _EXPLANATION_WORDS:
            pairs += [(c, s) for c in mentions if c.type == "Condition" and c.start - offset >= last.end()
                      and not c.ambiguous
                      for s in mentions if s.type == "Symptom" and s.end - offset <= last.start()]
        if first is not None and len(words(text[:first.start()])) <= _EXPLANATION_WORDS:
            pairs += [(c, s) for c in mentions if self._specific(c, ("Condition",)) and c.end - offset <= first.start()
                      for s in mentions if self._specific(s, ("Symptom",)) and s.start - offset >= first.end()]
        return [self._assert(c.concept, "causes", s.concept, index, "explained", c, s) for c, s in pairs]

    def _excluded_rule(self, index: int, text: str, offset: int, mentions: list[Mention]) -> list[Assertion]:
        """"An X-ray shows arthritis and rules out a fracture": the sentence denies the
        fracture, yet says that an X-ray is how one is found (or excluded). Only what the
        negation took from the other rules: a test that "can rule out" is a cue already."""
        out = []
        for trigger in _EXCLUDES.finditer(text):
            tests = [m for m in mentions if m.type == "Test" and not m.negated and m.end - offset <= trigger.start()
                     and not _CLAUSE_BREAK.search(text, m.end - offset, trigger.start())
                     and ";" not in text[m.end - offset:trigger.start()]]
            if tests:
                out += [self._assert(m.concept, "diagnosed_by", tests[-1].concept, index, "cue", tests[-1])
                        for m in _listed_after(text, offset, mentions, trigger.end())
                        if m.negated and self._specific(m)]
        return out

    def _told_apart_rule(self, index: int, text: str, offset: int, mentions: list[Mention],
                         before: list[Mention]) -> list[Assertion]:
        """"... swelling that looks a lot like a blood clot. An ultrasound can tell them
        apart": the test diagnoses each condition the sentence before named (also one it
        only likened the complaint to) and the paragraph's own."""
        cue = _TELLS_THEM_APART.search(text)
        tests = [m for m in mentions if m.type == "Test" and m.end - offset <= cue.start()] if cue else []
        named = dict.fromkeys(m.concept for m in before if not m.negated and self._specific(m, ("Condition",)))
        if not tests or len(named) < 2:
            return []
        return [self._assert(c, "diagnosed_by", t.concept, index, "cue", t) for c in named for t in tests]

    def _described_rule(self, index: int, mentions: list[Mention], target: list[Mention]) -> list[Assertion]:
        """In a section or a page about a condition (``target``: "### 6. Gout"), a
        sentence that describes symptoms and names nothing else ("The knee becomes hot,
        red and very swollen") tells what the condition causes."""
        if not target or any(t.type != "Condition" for t in target) \
                or any(m.type not in ("Symptom", "BodyRegion") and not m.ambiguous for m in mentions):
            return []
        return [self._assert(t.concept, "causes", m.concept, index, "described", m)
                for m in mentions if self._specific(m, ("Symptom",)) for t in target]

    def _location_rule(self, index: int, text: str, offset: int, mentions: list[Mention],
                       target: list[Mention]) -> list[Assertion]:
        """"pain in the ankle", "swelling around the knee": a complaint, a preposition,
        then a body region, and the regions listed with it ("most often affect the shin
        bone (tibia), the metatarsals and the heel")."""
        out = []
        regions = [m for m in mentions if m.type == "BodyRegion" and not m.ambiguous
                   and self.lexicon.is_region(m.concept)]
        anaphor = _ANAPHOR.match(text)
        if anaphor and regions and target:  # "They most often affect the shin bone": the paragraph's complaint
            first = min(regions, key=lambda m: m.start)
            if _AFFECTS.match(text, anaphor.end(), first.start - offset):
                out += [self._assert(t.concept, "located_in", r.concept, index, "anaphora", r)
                        for t in target for r in _listed_after(text, offset, regions, first.start - offset)]
        for a in mentions:
            if a.type not in PATIENT:
                continue
            following = [b for b in regions if b.start >= a.end]
            if following:
                b = min(following, key=lambda m: m.start)
                gap = text[a.end - offset:b.start - offset]
                if _LOCATION.match(gap) or _AFFECTS.match(gap):
                    out += [self._assert(n.concept, "located_in", r.concept, index, "location", a, r)
                            for n in self._glossed(a, mentions) or [a]
                            for r in _listed_after(text, offset, regions, b.start - offset)]
        return out

    def _topic_rule(self, index: int, text: str, offset: int, mentions: list[Mention],
                    target: list[Mention], context: str = "", allowed: frozenset[str] = TOPIC_FAMILIES,
                    preventing: bool = False) -> list[Assertion]:
        """Concepts related to the paragraph's topic (``target``) by a cue whose other
        side is left unsaid ("Take ibuprofen to ease the pain"); in a paragraph that opens
        "To prevent it, ..." what helps prevents."""
        if preventing:
            allowed = allowed | {"prevent"}
        cues = _strong_cues_in(text)
        others = [m for m in mentions if m.type not in PATIENT and m.type != "BodyRegion"
                  and not _AGGRAVATING.search(text, 0, m.start - offset)
                  and not any(cs <= m.start - offset and m.end - offset <= ce for _, cs, ce in cues)]  # "before swimming"
        if not others or not target or any(self._specific(m) for m in mentions):
            return []
        out = []
        stated = {cue.family for cue, _, _ in _strong_cues_in(f"{context} {text}")}
        families = stated & allowed
        if text.rstrip().endswith(":") and _URGENT.search(text):
            # "Go to A&E straight away if:": the emergency is the warning signs listed, not the page's complaint
            families = families - {"specialist"}
        # ("Told me to rest it, ice it and take ibuprofen, and to see a physio": the
        # advice treats, whoever else it sends you to)
        advice = _ADVICE.match(text) if not families - {"specialist"} and "treat" in allowed else None
        if advice:
            # self-care advice on the topic: "Take ibuprofen for a few days" treats it,
            # "Stretch your calves before swimming" prevents it (the advice's own opening,
            # "I suggest", is no cue)
            stated = {cue.family for cue, s, _ in _strong_cues_in(text) if s >= advice.start("verb")}
            if (advice.group("opening") or "").lower() in ("before", "next time"):
                stated.add("prevent")  # "Before entering the water, he should warm up", "Next time please ..."
            # what comes before the advice is who gives it ("My physio advised me to ...")
            others = [m for m in others if m.end - offset > advice.start("verb")]
            # "see a physio": the specialist, not physiotherapy
            seen = {(m.start, m.end) for m in others if m.type == "Specialist"}
            others = [m for m in others if m.type == "Specialist" or (m.start, m.end) not in seen]
            if "prevent" in stated:
                families = families | {"prevent"}
            elif not stated - {"specialist"}:
                families = families | {"treat"}
        if preventing:
            families = {"prevent" if family == "treat" else family for family in families}
        ordered: Mention | None = None  # the latest test found ordered or diagnosing
        for m in others:
            for family in families:
                for t in target:
                    subject, object_ = _sides(family, m, t)
                    relation = _relation_for(family, subject, object_)
                    if relation and not (m.ambiguous and family not in ("treat", "prevent", "specialist")) \
                            and not (relation == "see_specialist" and m.concept in MEDICINE_ADVISERS):
                        out.append(self._assert(subject.concept, relation, object_.concept, index, "topic",
                                                m, m))
            if "specialist" not in families and m.type == "Specialist" and _HELPER.match(text, m.end - offset):
                # the specialist as the one who helps: "a physiotherapist can teach you exercises"
                out += [self._assert(t.concept, "see_specialist", m.concept, index, "topic", m) for t in target]
            elif m.type == "Test" and not text.rstrip().endswith("?") and (
                    _DIAGNOSIS_OPENING.match(text)
                    or _ORDERED.search(text[max(0, m.start - offset - _ORDER_REACH):m.end - offset])
                    or _DIAGNOSING.match(text, m.end - offset)
                    or (ordered and _COORDINATED.match(text[ordered.end - offset:m.start - offset]))):
                # a test a clinician orders, or one that makes the diagnosis: "your GP may
                # order an X-ray and an MRI", "an MRI scan can confirm the diagnosis"; and the
                # tests listed after it ("may order diagnostic imaging such as an X-ray or MRI")
                out += [self._assert(t.concept, "diagnosed_by", m.concept, index, "topic", m) for t in target]
                ordered = m
        return out

    def _anaphora_rule(self, index: int, text: str, offset: int, mentions: list[Mention],
                       target: list[Mention]) -> list[Assertion]:
        """"Dislocation of the kneecap. ... Although not dangerous, it can lead to
        further ligament sprains": a pronoun that is the subject of a cause cue stands for
        the paragraph's complaint (``target``), which causes what a forward cue leads to
        ("it can lead to sprains") and is caused by what a backward one names ("it is
        usually caused by weak quadriceps"). Only cause cues: what a pronoun treats or
        prevents is left to the topic rules."""
        if not target:
            return []
        anaphor = _ANAPHOR.match(text)
        if anaphor is None:
            return self._object_anaphora(index, text, offset, mentions, target)
        # a risk cue reads backward: "It is more common in people over 50"
        cues = sorted(((cs, ce, cue) for cue, cs, ce in _strong_cues_in(text)
                       if cue.family in ("cause", "risk") and cs >= anaphor.end()), key=lambda c: (c[0], -c[1]))
        # from the first cue, and of those that start there the longest ("caused by", not "caused")
        if not cues or any(m.type in PATIENT and m.start - offset < cues[0][0] for m in mentions):
            return []  # the cue's subject is named, not left to the pronoun
        out = []
        reached = cues[0][0]
        for cue_start, cue_end, cue in cues:
            forward = cue.forward and cue.family == "cause"
            if cue_start < reached or (cue_start > cues[0][0] and not (
                    _AND_SO_ON.search(text, reached, cue_start)
                    and not any(m.type in PATIENT and reached <= m.start - offset < cue_start for m in mentions))):
                continue  # within the last cue's reach, or a clause with a subject of its own
            # "They are often the first sign of heat illness and, if ignored, can progress to
            # heatstroke": the pronoun is the subject of each cue of its clauses
            listed = _listed_after(text, offset, mentions, cue_end)
            if cue.family == "risk" and _CONDITIONAL.match(text[cue_end:]):
                # "They are more likely when you are dehydrated ..., when the muscle is
                # fatigued, and with some medicines": each thing its clauses name
                listed = [m for m in mentions if m.start - offset >= cue_end]
            reached = max([cue_end, *(m.end - offset for m in listed)])
            for m in listed:
                if m.type not in (PATIENT if forward else _CAUSES):
                    continue
                out += [self._assert(cause.concept, relation, effect.concept, index, "anaphora", m)
                        for t in target if t.concept != m.concept and not self._related(t.concept, m.concept)
                        for cause, effect in [(t, m) if forward else (m, t)]
                        if (relation := _relation_for("cause", cause, effect))]
        return out

    def _featured_wins(self, structure: Structure, section: int | None, target: list[Mention],
                       usable: dict[int, list[Mention]]) -> bool:
        """Whether what a section singled out ("The representative disease is X", "this is
        called X") replaces a target: the symptoms its heading names, or the page's topic
        when its heading names nothing."""
        return _symptoms_only(target) or section is None or not self._heading_mentions(structure, section, usable)

    def _asks_nothing_new(self, structure: Structure, section: int | None,
                          usable: dict[int, list[Mention]]) -> bool:
        """Whether a section is headed by a question that names no complaint of its own."""
        return section is not None and bool(_QUESTION.match(structure.blocks[section].text)) \
            and not self._heading_mentions(structure, section, usable)

    def _singled_out(self, structure: Structure, sentence: Sentence, section: int | None, mentions: list[Mention],
                     featured_section: int | None) -> list[Mention]:
        """The condition a sentence singles out for its section (:meth:`_featured`), or
        the first condition an answer names under its question, if the section has none
        yet: "Q: And pain on the inside of the elbow? A: That's more likely golfer's elbow"."""
        named = self._featured(sentence.text, sentence.start, mentions)
        if named or section is None or section == featured_section \
                or structure.blocks[sentence.block].part != "answer" or not _QUESTION.match(structure.blocks[section].text):
            return named
        return self._narrowest([m for m in mentions if self._specific(m, ("Condition",))])[:1]

    def _featured(self, text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
        """The condition a sentence singles out as what the complaint mostly is: "The
        representative disease is Achilles tendinopathy", "The most common cause of pain
        in the front of the shin is shin splints", "If symptoms last longer than four
        weeks, this is called persistent post-concussion symptoms"."""
        cue = _FEATURED.search(text)
        if cue is None:
            return []
        return [m for m in mentions if self._specific(m, ("Condition",)) and m.start - offset >= cue.end()][:1]

    def _last_condition(self, structure: Structure, index: int, usable: dict[int, list[Mention]],
                        reach: int | None = _OPENING_REACH) -> list[Mention]:
        """The condition that the latest sentence before this one in its paragraph opens
        with (within ``reach`` characters; anywhere if ``None``): what "it" stands for
        ("Shin splints cause a diffuse ache ... It is caused by repeated stress. Runners
        who ... are more likely to get it")."""
        block = structure.sentences[index].block
        if reach is None and (labelled := self._item_label(structure, block, usable)):
            return labelled
        if not index or structure.sentences[index - 1].block != block:
            return []
        return self._condition_back_from(structure, index - 1, usable, reach)

    def _condition_back_from(self, structure: Structure, index: int, usable: dict[int, list[Mention]],
                             reach: int | None) -> list[Mention]:
        """What :meth:`_last_condition` finds from sentence ``index`` back to the start
        of its paragraph, remembered for each sentence passed on the way (per document:
        a long paragraph asks again from each of its sentences)."""
        passed = []
        found: list[Mention] = []
        for before in range(index, -1, -1):
            sentence = structure.sentences[before]
            if passed and sentence.block != structure.sentences[passed[-1]].block:
                break
            if (before, reach) in self._conditions_back:
                found = self._conditions_back[before, reach]
                break
            passed.append(before)
            opening = [m for m in usable.get(before, []) if self._specific(m, ("Condition",))
                       and (reach is None or m.start - sentence.start <= reach)]
            if opening:  # the first that opens it, or the latest named anywhere
                found = opening[:1] if reach is not None else self._narrowest(opening)[-1:]
                break
        for before in passed:
            self._conditions_back[before, reach] = found
        return found

    def _item_label(self, structure: Structure, block: int, usable: dict[int, list[Mention]]) -> list[Mention]:
        """The condition an item names as its label ("2. Athletic Pubalgia (Sports Hernia):
        This is a strain or tear of ..."): what the item is about, not the "strain" its
        definition uses."""
        first = structure.by_block[block][0]
        sentence = structure.sentences[first]
        colon = sentence.text.find(":")
        named = [m for m in usable.get(first, []) if self._specific(m, ("Condition",))
                 and 0 <= colon and m.end - sentence.start <= colon]
        return self._narrowest(named)[:1]

    def _object_anaphora(self, index: int, text: str, offset: int, mentions: list[Mention],
                         target: list[Mention]) -> list[Assertion]:
        """"Heat cramps ... Dehydration and low sodium make them more likely", "Overuse
        can trigger it": a pronoun as the object of a cause cue stands for the
        paragraph's complaint, which the conditions and risk factors before the cue cause."""
        pointed = _POINTED.search(lower(text))
        if pointed is None:
            return []
        return [self._assert(m.concept, relation, t.concept, index, "anaphora", m)
                for m in mentions if m.end - offset <= pointed.start() and self._specific(m, _CAUSES)
                for t in target if t.concept != m.concept and not self._related(t.concept, m.concept)
                and (relation := _relation_for("cause", m, t))]

    def _instances_rule(self, index: int, mentions: list[Mention], before: list[Mention],
                        context: str) -> list[Assertion]:
        """"Some conditions can cause heel pain. These include arthritis and bursitis":
        what a continuation lists are instances of what the sentence before names by a
        kind, and relate to that sentence's complaints (``before``) as its cues say."""
        out = []
        for family in {cue.family for cue, _, _ in _strong_cues_in(context)}:
            for m in mentions:
                for t in before:
                    if m.concept == t.concept or self._related(m.concept, t.concept):
                        continue
                    subject, object_ = _sides(family, m, t)
                    relation = _relation_for(family, subject, object_)
                    if relation and not m.ambiguous:
                        out.append(self._assert(subject.concept, relation, object_.concept, index, "instances", m))
        return out

    def _naming_rule(self, index: int, text: str, offset: int, mentions: list[Mention],
                     target: list[Mention]) -> list[Assertion]:
        """"I think it's a slight joint injury", "for me it was dehydration plus too much
        mileage" on a page about ankle pain: the complaint ("it") is named as conditions or
        risk factors, which then cause it (a topic rule: the topic is the missing side)."""
        out = []
        previous: Mention | None = None
        for m in sorted(mentions, key=lambda m: m.start):
            named = self._specific(m, _CAUSES) and (
                _named_as(text, m.start - offset, m.end - offset)
                or (previous is not None and _NAMED_TOO.match(text[previous.end - offset:m.start - offset])))
            previous = m if named else None
            if named:
                out += self._named_for(index, m, target)
        predicate = _LIST_PREDICATE.search(text)
        if predicate and not any(self._specific(m) and m.start - offset >= predicate.end() for m in mentions):
            clause = max(text.rfind(";", 0, predicate.start()), text.rfind(":", 0, predicate.start())) + 1
            for m in mentions:
                if self._specific(m, _CAUSES) and clause <= m.start - offset and m.end - offset <= predicate.start():
                    out += self._named_for(index, m, target)
        return out

    def _named_for(self, index: int, m: Mention, target: list[Mention]) -> list[Assertion]:
        """What a condition or risk factor named as the cause of the complaint asserts:
        it causes each of ``target``, unless it is one of them (not one complaint named
        as another)."""
        if any(t.concept == m.concept for t in target):
            return []
        return [self._assert(m.concept, relation, t.concept, index, "topic", m)
                for t in target if not self._related(m.concept, t.concept)
                and (relation := _relation_for("cause", m, t))]

    def _frames(self, structure: Structure, block_index: int, usable: dict[int, list[Mention]],
                topic: list[Mention]) -> list[tuple[str, list[Mention]]]:
        """The (family, targets) pairs that the nearest introducing line or heading with
        a cue sets for this block ("Causes and treatment of X" sets two).

        The headings looked at are :meth:`_preceding_headings` (sub-headings such as
        "Rest and ice" under "Treatment options for ankle pain"). The targets are the
        symptoms or conditions of the nearest heading that names any, else the page's
        topic.
        """
        block = structure.blocks[block_index]
        label = _row_label(block.text) if block.kind == "item" else ""
        if label and (families := _frame_families(label)):
            # a labelled row ("| Causes | GTPS, labral tear |" in an encyclopedia's
            # infobox) frames its value by its label, about the section's subject
            targets = self._section_target(structure, block_index, usable) or topic
            return [(family, targets) for family in families] if targets else []
        sources = [block.intro] if block.intro is not None else []
        headings = self._preceding_headings(structure, block_index)
        if block.kind in ("item", "heading") and (not headings or block.kind == "heading" and all(
                structure.blocks[h].level == block.level and not _frame_families(_framing_text(structure, h))
                for h in headings)):
            # the top-level items or headings of a page whose title frames them: "Why Do
            # My Ankles Hurt? 7 Common Reasons", then "1. Ankle Sprain", "2. Arthritis"
            # (headings after their siblings too: "## 2. It's actually a stress fracture")
            headings = [i for i in self._titles if i < block_index]
        #: the complaint of a nearer heading that frames nothing ("### Tennis elbow" under
        #: "## What causes elbow pain?"): its section's prose is about it
        nearer: list[Mention] = []
        for source in [*sources, *headings]:
            families = self._section_families(structure, source)
            if not families and not nearer and block.kind == "paragraph" and source in headings:
                nearer = self._one_complaint(structure, source, usable)
            if families:
                # a heading's own section starts after it (a page may end in one: "## Causes");
                # one that frames nothing itself ("### Meniscus tear" under "## Causes") is one
                # of its frame's items, about what that frame's section is about
                listed = block.kind == "heading" and not _frame_families(_framing_text(structure, block_index))
                under = source + 1 if listed else min(block_index + (block.kind == "heading"), len(structure.blocks) - 1)
                targets = (nearer or self._heading_mentions(structure, source, usable)
                           or self._section_target(structure, under, usable)
                           or topic)
                if block.intro is not None and source != block.intro:
                    # a line with no cue between ("For the neck and shoulders:", "For the numb
                    # hands:") says which complaints its list is about
                    targets = self._introduced(structure, block.intro, usable) or targets
                return [(family, targets) for family in families] if targets else []
        return []

    def _run_in_frames(self, structure: Structure, index: int, usable: dict[int, list[Mention]],
                       target: list[Mention]) -> list[tuple[str, list[Mention]]]:
        """The frames a paragraph's opening question sets for its later sentences, as a
        heading would ("Why does it happen? During a growth spurt the bones lengthen ...":
        a run-in heading): about the complaints it names, else the paragraph's target."""
        block = structure.sentences[index].block
        first = structure.by_block[block][0]
        if structure.blocks[block].kind != "paragraph" or first == index \
                or not _RUN_IN.match(structure.sentences[first].text):
            return []
        named = [m for m in usable.get(first, []) if self._specific(m)] or target
        return [(family, named) for family in _frame_families(structure.sentences[first].text)] if named else []

    def _one_complaint(self, structure: Structure, heading: int, usable: dict[int, list[Mention]]) -> list[Mention]:
        """The mentions of the one condition a heading names ("### Golfer's elbow (medial
        epicondylitis)"), else of the one symptom ("3. Ask an instructor: numb feet"); none
        for a heading that lists several ("### Joint diseases, arthritis, meniscus tear" is
        a list of causes, not one subject)."""
        mentions = self._heading_mentions(structure, heading, usable)
        for kind in ("Condition", "Symptom"):
            named = [m for m in mentions if m.type == kind]
            if named:
                return named if len({m.concept for m in named}) == 1 else []
        return []

    def _introduced(self, structure: Structure, intro: int, usable: dict[int, list[Mention]]) -> list[Mention]:
        """The complaints a short introducing line names ("For the numb hands:"), or the
        page's complaints at the regions it names ("For the neck and shoulders:" is about
        neck pain and shoulder pain when the page names them)."""
        if not _FOR_WHAT.match(structure.blocks[intro].text):
            return []
        named = self._heading_mentions(structure, intro, usable)
        regions = {m.concept for i in structure.by_block.get(intro, ()) for m in usable.get(i, [])
                   if m.type == "BodyRegion" and not m.ambiguous}
        if named or not regions:
            return named
        complaints: dict[URIRef, Mention] = {}
        for mentions in usable.values():
            for m in mentions:
                if m.type == "Symptom" and self._specific(m) and m.concept in self.lexicon \
                        and regions.intersection(self.lexicon[m.concept].sites):
                    complaints.setdefault(m.concept, m)
        return list(complaints.values())

    def _section_families(self, structure: Structure, heading: int) -> list[str]:
        """The frame families of a heading or introducing line, widened by its section's
        opening paragraph when that says what else the remedies do: "Strengthening
        exercises" (treat) whose paragraph says they "alleviate the discomfort and
        prevent future issues" frames its sub-headings as treating and preventing."""
        families = _frame_families(_framing_text(structure, heading))
        if _ASKS_NEED.match(structure.blocks[heading].text):  # the answer is often "usually not"
            families = [family for family in families if family not in ("test", "treat")]
        if not REMEDY_FAMILIES.intersection(families) or heading + 1 >= len(structure.blocks):
            return families
        following = structure.blocks[heading + 1]
        if following.kind != "paragraph":
            return families
        stated = {cue.family for cue, _, _ in _strong_cues_in(following.text)}
        return [*families, *sorted((REMEDY_FAMILIES & stated) - set(families))]

    def _own_frame_rule(self, index: int, sentence: Sentence, mentions: list[Mention],
                        annotations: Annotations) -> list[Assertion]:
        """"Signs of heat exhaustion include heavy sweating, headache and fainting",
        "Causes of heel pain include ...": a sentence that frames its own list, as a
        heading and its items do. What it lists is related to what it names first, and
        not to each other (the cue rule is not run on it)."""
        opening = _OWN_FRAMED.match(sentence.text)
        if opening is None:
            return []
        end = sentence.start + opening.end("target")
        named = [m for m in mentions if m.type in PATIENT and m.end <= end and m.concept not in self.generic]
        listed = [m for m in mentions if m.start >= sentence.start + opening.end()]
        return [a for family in _frame_families(opening.group("kind")) or ["cause"] if named
                for a in self._frame_rule(index, "item", listed, (family, named), annotations, sentence.text,
                                          sentence.start)]

    def _colon_framed(self, sentence: Sentence, mentions: list[Mention]) -> re.Match[str] | None:
        """The opening of a sentence that frames the list after its colon, if it names no
        complaint of its own (what "the signs that a blister is infected:" lists is not
        the page's topic's)."""
        opening = _COLON_FRAMED.match(sentence.text)
        if opening is None or any(m.type in PATIENT and m.start < sentence.start + opening.end() for m in mentions):
            return None
        return opening

    def _referral_rule(self, index: int, structure: Structure, block_index: int, mentions: list[Mention],
                       usable: dict[int, list[Mention]]) -> list[Assertion]:
        """"Go to the Emergency Department if:" or "When to see a GP", then a list: each
        complaint listed is one to see that specialist for."""
        block = structure.blocks[block_index]
        headings = self._preceding_headings(structure, block_index)
        source = block.intro if block.intro is not None else (headings[0] if headings else None)
        if source is None or "specialist" not in _frame_families(_framing_text(structure, source)):
            return []
        specialists = [m for i in structure.by_block.get(source, ()) for m in usable.get(i, [])
                       if m.type == "Specialist" and not m.ambiguous]
        return [self._assert(m.concept, "see_specialist", s.concept, index, "frame", m)
                for m in mentions if self._specific(m)
                for s in specialists]

    def _frame_rule(self, index: int, kind: str, mentions: list[Mention], frame: tuple[str, list[Mention]],
                    annotations: Annotations, text: str, offset: int, prevention: bool = False) -> list[Assertion]:
        """The items (or, more strictly, the paragraph sentences) under a heading or an
        introducing line with a cue relate to its targets by its family; paragraphs
        under a heading about prevention only ("Prevention") say what prevents."""
        family, targets = frame
        rule = "frame" if kind in ("item", "heading") else "frame-text"
        if rule == "frame-text" and text.rstrip().endswith(":"):
            # a line that introduces a list by its kind ("Vascular diseases:"): its items are the causes
            mentions = [m for m in mentions if not (m.type == "Condition" and _plural(m.text))]
        # a paragraph's remedies, under a prevention heading, when it states no relation of its own
        text_families = ("cause", "risk", "symptom", "test", "prevent") \
            if prevention and not _strong_cues_in(text) else ("cause", "risk", "symptom", "test")
        if family in ("treat", "prevent", "test"):
            # an item or sentence that names the condition it is for ("preparations for gout -
            # allopurinol, colchicine", "An MRI may be arranged if we suspect a stress
            # fracture") relates its remedies or tests to that, not the heading's
            framed = {t.concept for t in targets}
            own = [m for m in mentions if self._specific(m, ("Condition",))
                   and m.concept not in framed and _FOR_CONDITION.search(text, 0, m.start - offset)]
            if own:  # and those listed with the first ("- for plantar fasciitis, Morton's neuroma, bursitis")
                own += [m for m in _listed_after(text, offset, mentions, own[0].start - offset)
                        if self._specific(m, ("Condition",)) and m.concept not in framed and m not in own]
            targets = own or targets
        out = []
        hits = 0
        gloss = _GLOSS.search(text) if kind == "item" and family in ("cause", "risk") else None
        if gloss and not any(m.start - offset < gloss.start() and m.type in ("Condition", "RiskFactor") for m in mentions):
            gloss = None
        if gloss:
            # "magnesium deficiency - the most common culprit of night cramps" under "Causes of
            # numbness and cramps at night": what the gloss names is the complaint it causes
            glossed = [t for t in targets if any(m.start - offset >= gloss.end() and (
                m.concept == t.concept or self._related(m.concept, t.concept)) for m in mentions)]
            targets = glossed or targets
        about = {t.concept for t in targets}
        for m in mentions:
            if family in ("cause", "risk", "symptom") and _remedied(text, m.start - offset):
                continue  # "drugs (agents that prevent blood clots)" lists no cause
            if m.concept in about:
                continue  # one of what the frame is about ("Both conditions are ..."), not one it lists
            if gloss and m.start - offset >= gloss.end() and m.type == "Condition":
                continue  # "Sacroiliitis - inflammation of the sacroiliac joint": what it is, not another cause
            for t in targets:
                if m.concept == t.concept or self._related(m.concept, t.concept):
                    continue
                subject, object_, relation = _framed(family, m, t)
                if relation is None or relation == "see_specialist" or \
                        (rule == "frame-text" and (m.ambiguous or family not in text_families
                                                   or (family == "prevent" and m.type != "Treatment"))) \
                        or (m.ambiguous and m.start > offset
                            and len(words(text)) - len(words(m.text)) > _ITEM_EXTRA_WORDS):
                    continue  # an ambiguous word counts as the item ("- Rest"), or as its opening, not inside it
                hits += 1
                out.append(self._assert(subject.concept, relation, object_.concept, index, rule, m, m))
        if kind in ("item", "heading") and not hits and family in LOOSE_TYPES:
            phrase = re.split(r"[.,;:(]", text, maxsplit=1)[0].strip()
            if 0 < len(phrase.split()) <= 8 and not (family in ("cause", "risk") and _remedied(phrase, len(phrase))) \
                    and not (family in REMEDY_FAMILIES and _AGAINST_ITEM.match(phrase)) and not negated_spans(text):
                loose = self.lexicon.contained_in(phrase, LOOSE_TYPES[family])
                if loose:
                    m = Mention(loose[0].iri, loose[0].type, 0, 0, phrase, index)
                    out += [self._assert(m.concept, relation, t.concept, index, "frame-loose", m)
                            for t in targets if (relation := _relation_for(family, m, t))]
                elif kind == "item" and not mentions and is_term_like(phrase):
                    annotations.candidates.append(Candidate(phrase, family, "subject", index))
        return out

    def _compared(self, structure: Structure, sentence: Sentence,
                  usable: dict[int, list[Mention]]) -> list[tuple[int, Mention]] | None:
        """The conditions a table compares, with the cell each heads ("| | Shin splints |
        Stress fracture |"), when ``sentence`` is one of its rows; else ``None``."""
        block = structure.blocks[sentence.block]
        if block.kind != "item" or block.intro is None or not TABLE_ROW.match(block.text):
            return None
        header = structure.blocks[block.intro]
        if not TABLE_ROW.match(header.text):
            return None
        named = [m for i in structure.by_block[block.intro] for m in usable.get(i, [])
                 if self._specific(m, ("Condition",))]
        columns = [(_cell_of(header.text, m.start - header.start), m) for m in named]
        if len({cell for cell, _ in columns}) < 2 or any(cell == 0 for cell, _ in columns):
            return None
        return columns

    def _column_rule(self, index: int, structure: Structure, sentence: Sentence, usable: dict[int, list[Mention]],
                     columns: dict[int, tuple[list[str], bool]], targets: list[Mention]) -> list[Assertion]:
        """A row under "| Problem | What it feels like | Why it happens | What helps |":
        the condition its first cell names (the section's target if none) relates to
        what each later cell names by the frames of that cell's column; a test or a
        specialist in any cell is how it is found or whom to see for it. Under "|
        Symptom | Possible cause | What you can do |" the row's symptom is what its
        cause causes, and the rest of the row is about the cause."""
        block = structure.blocks[sentence.block]
        named = [(_cell_of(block.text, m.start - block.start), m) for i in structure.by_block[sentence.block]
                 for m in usable.get(i, [])]
        heads = [m for cell, m in named if cell == 0 and self._specific(m, ("Condition", "Symptom"))]
        # a row headed by a symptom, not a condition: its cause column names what the row is about
        causes = [m for cell, m in named if cell > 0 and "cause" in columns.get(cell, ([], False))[0]
                  and self._specific(m, ("Condition",))] if not any(h.type == "Condition" for h in heads) else []
        # "sciatica, usually from a problem in the lower back such as a slipped disc": what a
        # cause cell says its cause comes from causes it, and not the row's symptoms
        cells = {id(m): cell for cell, m in named}
        behind = [(m, first) for first in causes[:1] for m in causes[1:] if cells[id(m)] == cells[id(first)]
                  and _CAUSE_IN_CELL.search(block.text, first.end - block.start, m.start - block.start)]
        glossed = {id(m) for m, _ in behind}
        causes = [m for m in causes if id(m) not in glossed]
        # a condition in a table of a complaint's problems is a cause of the complaint
        out = [self._assert(m.concept, "causes", first.concept, index, "frame", m) for m, first in behind]
        out += [self._assert(head.concept, "causes", target.concept, index, "frame", head)
                for head in [*heads, *causes] if index == structure.by_block[sentence.block][0]
                and head.type == "Condition"
                for target in targets if target.type == "Symptom" and target.concept != head.concept]
        for m in usable.get(index, []):
            cell = _cell_of(block.text, m.start - block.start)
            if cell <= 0 or id(m) in glossed:
                continue
            families, placed = columns.get(cell, ([], False))
            families = [*families, *(family for family, kind in (("test", "Test"), ("specialist", "Specialist"))
                                     if m.type == kind and family not in families)]
            about = heads if "cause" in families or not causes else causes
            for head in about or targets:
                out += self._cell_facts(index, m, head, families, placed)
        return out

    def _cell_facts(self, index: int, m: Mention, about: Mention, families: list[str], placed: bool
                    ) -> list[Assertion]:
        """What a table cell's mention says of the condition the cell is about, by the
        frames of the cell's row or column (``placed``: it says where)."""
        out = []
        if placed and m.type == "BodyRegion" and self.lexicon.is_region(m.concept):
            out.append(self._assert(about.concept, "located_in", m.concept, index, "frame", m))
        for family in families:
            subject, object_, relation = _framed(family, m, about)
            if relation:
                out.append(self._assert(subject.concept, relation, object_.concept, index, "frame", m))
        return out

    def _comparison_rule(self, index: int, structure: Structure, sentence: Sentence, mentions: list[Mention],
                         columns: list[tuple[int, Mention]]) -> list[Assertion]:
        """"| Best test | physical examination | MRI or bone scan |" under "| | Shin splints |
        Stress fracture |": the row's first cell says how (a test, a remedy, a symptom, a
        place), each later cell what for the condition heading its column."""
        block = structure.blocks[sentence.block]
        label = block.text.strip("| ").split("|", 1)[0]
        families = _frame_families(label)
        placed = not families and bool(_WHERE.search(label))
        out = []
        for m in mentions:
            cell = _cell_of(block.text, m.start - block.start)
            for condition in (c for column, c in columns if column == cell != 0):
                out += self._cell_facts(index, m, condition, families, placed)
        return out

    def _site_rule(self, usable: dict[int, list[Mention]], found: list[Assertion],
                   structure: Structure) -> list[Assertion]:
        """Salient symptoms and conditions (in a heading, or in another fact of the
        document) are located in their typical region, when that is a region of the
        body rather than a kind of tissue ("joint", "muscle")."""
        salient = {a.subject for a in found} | {a.object for a in found}
        # the regions the page names, and those they are part of
        named = {m.concept for ms in usable.values() for m in ms if m.type == "BodyRegion"}
        named |= {whole for region in list(named) if region in self.lexicon for whole in self.lexicon.wholes(region)}
        out = []
        seen: set[URIRef] = set()
        for index in sorted(usable):
            heading = structure.blocks[structure.sentences[index].block].kind in ("title", "heading")
            for m in usable[index]:
                if m.type not in PATIENT or m.concept in seen or m.ambiguous or m.concept in self.generic:
                    continue
                if not heading and m.concept not in salient and not _EXPLICIT_PLACE.search(m.text):
                    continue
                seen.add(m.concept)
                concept = self.lexicon[m.concept]
                # "ankle swelling" also says where the swelling is: its generic parent
                # (one with no place of its own) is located there too.
                generic = self._placeless_ancestors(concept.iri) if concept.type == "Symptom" else []
                for site in self._broadest_sites(concept.sites):
                    if site not in named and not heading and not self._names_place(m.text, site):
                        continue
                    for subject in (m.concept, *generic):
                        out.append(Assertion(subject, "located_in", site, index, "site", CONFIDENCE["site"], False))
        return out

    def _names_place(self, text: str, site: URIRef) -> bool:
        """Whether a mention's own words name the region ("a broken tibia", "pain in the sole")."""
        lowered = lower(text)
        return any(re.search(rf"\b{re.escape(lower(label))}", lowered) for label in self.lexicon[site].labels)

    def _placed(self, concept: URIRef) -> bool:
        """Whether a concept has a typical place that is a region of the body."""
        return concept in self.lexicon and bool(self._broadest_sites(self.lexicon[concept].sites))

    def _broadest_sites(self, sites: list[URIRef]) -> list[URIRef]:
        """The typical sites that are regions of the body and not part of another of
        them: an ankle sprain is in the ankle (its ligaments are part of the ankle, and
        the text did not name them)."""
        regions = [s for s in sites if self.lexicon.is_region(s)]
        return [s for s in regions if not self.lexicon.wholes(s).intersection(regions)]

    def _related(self, a: URIRef, b: URIRef) -> bool:
        """Whether one concept is a kind of the other (arthritis and joint disease)."""
        return a in self.lexicon.ancestors(b) or b in self.lexicon.ancestors(a)

    def _placeless_ancestors(self, iri: URIRef) -> list[URIRef]:
        """The nearest broader concepts that have no typical place ("ankle swelling" ->
        "swelling"), skipping the too-generic ones."""
        found, todo, seen = [], [(b, 1) for b in self.lexicon[iri].broader], set()
        while todo:
            parent, depth = todo.pop(0)
            if parent in seen or parent not in self.lexicon or depth > 2:
                continue
            seen.add(parent)
            if self.lexicon[parent].sites:
                todo.extend((b, depth + 1) for b in self.lexicon[parent].broader)
            elif parent not in self.generic:
                found.append(parent)
        return found

    # ------------------------------------------------------------------ helpers
    def _assert(self, subject: URIRef, relation: str, object_: URIRef, sentence: int, rule: str,
                *mentions: Mention) -> Assertion:
        hedged = any(m.hedged for m in mentions)
        if any(m.anaphoric for m in mentions):
            rule = "anaphora"
        confidence = CONFIDENCE[rule] * (HEDGE_FACTOR if hedged else 1.0)
        return Assertion(subject, relation, object_, sentence, rule, round(confidence, 3), hedged)

    def _conditions_at_risk(self, assertions: list[Assertion]) -> list[Assertion]:
        """A risk factor that a sentence relates to a condition is not also one for the
        symptoms it names: they are the condition's ("carrying extra weight can make an
        arthritic knee flare up with swelling and stiffness"). On the tuning pages, 53
        of 64 such symptoms were not the page's risk facts."""
        with_condition = {(a.subject, a.sentence) for a in assertions
                          if a.relation == "risk_factor_for" and self.lexicon[a.object].type == "Condition"}
        return [a for a in assertions
                if not (a.relation == "risk_factor_for" and (a.subject, a.sentence) in with_condition
                        and self.lexicon[a.object].type == "Symptom")]

    def _addressed(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """The complaint a sentence opens by addressing: "For impingement, ...", "For a
        mild strain, ..." (nothing but the complaint's name between "For" and the comma)."""
        opening = _FOR_COMPLAINT.match(sentence.text)
        if opening is None:
            return []
        return [m for m in mentions if self._specific(m) and m.start - sentence.start == opening.end()
                and _BEFORE_COMMA.match(sentence.text, m.end - sentence.start)]

    def _tests_of_causes(self, assertions: list[Assertion]) -> list[Assertion]:
        """A test that a sentence gives both a symptom and the condition it says causes
        the symptom is the condition's: "Neck pain after a crash may be a fracture and
        needs an X-ray" (the X-ray looks for the fracture, not for the pain)."""
        causes: dict[tuple[URIRef, int], set[URIRef]] = {}
        for a in assertions:
            if a.relation == "causes":
                causes.setdefault((a.object, a.sentence), set()).add(a.subject)
        tested = {(a.subject, a.object, a.sentence) for a in assertions if a.relation == "diagnosed_by"}
        return [a for a in assertions if not (
            a.relation == "diagnosed_by" and self.lexicon[a.subject].type == "Symptom"
            and any((cause, a.object, a.sentence) in tested for cause in causes.get((a.subject, a.sentence), ())))]

    def _valid(self, assertions: Iterable[Assertion]) -> list[Assertion]:
        """Keep assertions whose types fit the relation, one per (fact, sentence), best first."""
        best: dict[tuple[URIRef, str, URIRef, int], Assertion] = {}
        for a in assertions:
            if a.subject == a.object or a.subject in self.generic or a.object in self.generic \
                    or a.subject in VAGUE_REMEDIES or a.object in NOT_REFERRED_TO:
                continue
            subjects, objects = SIGNATURES[a.relation]
            if self.lexicon[a.subject].type not in subjects or self.lexicon[a.object].type not in objects:
                continue
            key = (a.subject, a.relation, a.object, a.sentence)
            if key not in best or best[key].confidence < a.confidence:
                best[key] = a
        return list(best.values())
