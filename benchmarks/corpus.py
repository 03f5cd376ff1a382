"""A generator of realistic medkg input documents of any size.

Documents are written from templates in the shapes real pages have (a title, a
"Causes of ..." heading with a list, "You are more likely to get ... if:" lists,
treatment and prevention paragraphs, when-to-see-a-doctor advice, Q&A pages, prose
between the facts), filled with labels drawn from the vocabulary with a Zipf
distribution (a few concepts are common, most are rare, as in real corpora), so
extraction and fact merging do the work they do on real text. Deterministic for a
given seed.

    python benchmarks/corpus.py OUT_DIR --mb 20
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from medkg.ontology import load_lexicon

_ARTICLE = """{Title}: causes and what helps

{prose}

{Symptom} is common among runners. It is often caused by {condition} or {condition2}, and {risk} can make it worse.

Common causes of {symptom}

- {Condition}
- {Condition2}
- {Risk}

Who is more likely to get it

You are more likely to get {symptom} if:

- you have {risk2}
- you {risk3_lower}

How to treat {symptom}

{Treatment} relieves {symptom} for most people. Take {treatment2} to ease the pain. {Treatment3} may also help.
It is not {condition3} in most cases, but a doctor may want to rule it out.

Preventing {symptom}

To prevent {symptom}, try {treatment4} and {treatment5}.

When to see a doctor

See a {specialist} if the pain lasts more than two weeks. An {test} can show {condition}.

{prose2}
"""

_QA = """{Symptom} after running?
Question: I am a 34-year-old runner. For a week I have had {symptom} and some {symptom2}. Could it be {condition}?
Ask Date: 2024/05/{day:02d}
Dr. Lee reply Sports Medicine
1. {Symptom} in runners is usually due to {condition} or {risk}.
2. {Treatment} and {treatment2} help in most cases.
3. If it persists, consult a {specialist}; a {test} may be needed.
Reply Date: 2024/05/{day2:02d}
"""


#: sentences of the kind that fill real pages between the facts (introductions,
#: anecdotes, site furniture); real pages carry about half the facts per megabyte
#: that the templates above do
_PROSE = (
    "Many readers have written to us about this over the years.",
    "Everyone's body is different, so what works for one person may not suit another.",
    "We spoke to several coaches and editors while writing this guide.",
    "The advice below is general and is not a substitute for a personal consultation.",
    "Our editors review this page regularly and update it when the evidence changes.",
    "Plenty of people notice this at some point, especially when they change their routine.",
    "Keep a simple diary of what you did each day and how you felt afterwards.",
    "It is worth being patient: progress is rarely a straight line.",
    "If you have questions, leave a comment at the end of the page.",
    "Sign up for our newsletter to get new articles every week.",
    "This article was last reviewed by our editorial team this spring.",
    "Small changes, made consistently, tend to add up over a season.",
)


def _labels(lexicon, kind: str) -> list[str]:
    return [c.label for c in lexicon if c.type == kind]


def _zipf_weights(count: int) -> list[float]:
    """Weights by rank, 1/rank: in real corpora a few conditions and treatments
    (sprains, shin splints, ice, rest) are named far more often than the rest."""
    return [1.0 / rank for rank in range(1, count + 1)]


def _prose(rng: random.Random) -> str:
    return "\n\n".join(" ".join(rng.sample(_PROSE, rng.randint(2, 4))) for _ in range(rng.randint(1, 3)))


def generate(out: Path, megabytes: float, *, seed: int = 7) -> tuple[int, int]:
    """Write documents to ``out`` until ``megabytes`` are written; returns (files, bytes)."""
    rng = random.Random(seed)
    lexicon = load_lexicon()
    pools = {kind: _labels(lexicon, kind) for kind in
             ("Symptom", "Condition", "RiskFactor", "Treatment", "Test", "Specialist")}
    for pool in pools.values():
        rng.shuffle(pool)  # which labels are common: a seeded choice
    weights = {kind: _zipf_weights(len(pool)) for kind, pool in pools.items()}
    out.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = files = 0
    while written < target:
        pick = {f"{k}{n}": rng.choices(pools[kind], weights[kind])[0] for k, kind in
                (("symptom", "Symptom"), ("condition", "Condition"), ("risk", "RiskFactor"),
                 ("treatment", "Treatment"), ("test", "Test"), ("specialist", "Specialist"))
                for n in ("", "2", "3", "4", "5")}
        values = {**pick, **{k[0].upper() + k[1:]: v[:1].upper() + v[1:] for k, v in pick.items()}}
        values.update(Title=values["Symptom"], risk3_lower=values["risk3"].lower(),
                      day=rng.randint(1, 27), day2=rng.randint(1, 27), prose=_prose(rng), prose2=_prose(rng))
        template = _QA if files % 4 == 3 else _ARTICLE
        text = template.format(**values)
        name = out / f"doc{files:07d}.{'txt' if template is _QA else 'md'}"
        name.write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        files += 1
    return files, written


def replicate(source: Path, out: Path, megabytes: float) -> tuple[int, int]:
    """Copy the documents of ``source`` (real pages) into ``out`` until ``megabytes``
    are written, each copy made unique by a first line, so that every copy is
    extracted (content hashes differ) at the density of facts real text has."""
    originals = [p for p in sorted(source.rglob("*")) if p.suffix in (".txt", ".md", ".html", ".jsonl")]
    if not originals:
        raise SystemExit(f"no documents in {source}")
    out.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = files = 0
    while written < target:
        original = originals[files % len(originals)]
        text = original.read_text(encoding="utf-8")
        copy = f"<!-- copy {files} -->\n{text}" if original.suffix == ".html" else f"{text}\n\nCopy {files}.\n"
        if original.suffix == ".jsonl":
            copy = "\n".join(line.replace('"id": "', f'"id": "{files}-') for line in text.splitlines())
        (out / f"copy{files:07d}{original.suffix}").write_text(copy, encoding="utf-8")
        written += len(copy.encode("utf-8"))
        files += 1
    return files, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--from", dest="source", type=Path, help="replicate these real documents instead")
    args = parser.parse_args()
    if args.source:
        files, size = replicate(args.source, args.out, args.mb)
    else:
        files, size = generate(args.out, args.mb, seed=args.seed)
    print(f"{files} files, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
