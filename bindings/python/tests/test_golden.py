"""The golden outputs of the real ROUGE-1.5.5 and rouge-score 0.1.2 (``shared/golden``),
reproduced through the Python API: every value exactly."""

from __future__ import annotations

import pytest

from conftest import golden_json, pairs
from nutgraf.errors import InputError
from nutgraf.rouge155 import Rouge155
from nutgraf.rouge_score import rouge_scorer

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


@pytest.mark.parametrize(
    "set_name,variant",
    [("tricky", "stem"), ("tricky", "nostem"), ("news", "stem"), ("news", "nostem"), ("synth", "stem")],
)
def test_rouge_score_golden(set_name, variant):
    rel = f"synth/rouge_score.stem.synth.json.gz" if set_name == "synth" else f"rouge/rouge_score.{variant}.{set_name}.json"
    golden = golden_json(rel)
    cands, refs = pairs(set_name)
    per_doc = golden["per_doc"]
    assert len(per_doc) == len(cands) == len(refs)
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=variant == "stem")
    targets = ["\n".join(r) for r in refs]
    predictions = ["\n".join(c) for c in cands]
    batch = scorer.score_batch(targets, predictions)
    bad = []
    for i, want in enumerate(per_doc):
        assert want["index"] == i
        one = scorer.score(targets[i], predictions[i])
        assert one == batch[i]
        for t in TYPES:
            got = (one[t].precision, one[t].recall, one[t].fmeasure)
            exp = (want[t]["precision"], want[t]["recall"], want[t]["fmeasure"])
            if got != exp:
                bad.append((i, t, got, exp))
    assert not bad, f"{len(bad)} values differ, first: {bad[:3]}"
    # The mean (rouge-score users' usual aggregation), summed in document order.
    n = len(batch)
    for t in TYPES:
        for k in ("precision", "recall", "fmeasure"):
            mean = sum(getattr(s[t], k) for s in batch) / n
            assert mean == pytest.approx(golden["mean"][t][k], rel=0, abs=1e-12)


def options_of(command: str) -> str:
    # "perl ROUGE-1.5.5.pl -e data ... rouge_conf.xml" or "(per-document runs only) -c 95 ..."
    flags = command.split("ROUGE-1.5.5.pl", 1)[-1] if "ROUGE-1.5.5.pl" in command else command.split(")", 1)[-1]
    return flags.strip()


def check_doc(i, want: dict, got: dict, bad: list):
    for metric, prf in want.items():
        key = metric.lower().replace("-", "_")
        for letter, name in (("R", "recall"), ("P", "precision"), ("F", "f_score")):
            if got[f"{key}_{name}"] != prf[letter]:
                bad.append((i, metric, letter, got[f"{key}_{name}"], prf[letter]))


def check_corpus(want: dict, got: dict, bad: list):
    for metric, v in want.items():
        key = metric.lower().replace("-", "_")
        for letter, name in (("R", "recall"), ("P", "precision"), ("F", "f_score")):
            for suffix, gsuffix in (("", ""), ("_cl", "_cb"), ("_cu", "_ce")):
                g = got[f"{key}_{name}{gsuffix}"]
                if g != v[letter + suffix]:
                    bad.append(("corpus", metric, letter + suffix, g, v[letter + suffix]))


GOLDEN_RUNS = [
    "rouge155.m.tricky.json",
    "rouge155.m.news.json",
    "rouge155.nostem.tricky.json",
    "rouge155.nostem.news.json",
    "rouge155.m.s.tricky.json",
    "rouge155.m.s.news.json",
    "rouge155.m.l75.tricky.json",
    "rouge155.m.l75.news.json",
    "rouge155.m.b75.tricky.json",
    "rouge155.m.b75.news.json",
    "rouge155.m.su4.tricky.json",
    "rouge155.m.su4.news.json",
    "rouge155.m.w.news.json",
    "synth/rouge155.m.w.synth.json.gz",
]


@pytest.mark.parametrize("name", GOLDEN_RUNS)
def test_rouge155_golden(name):
    rel = name if name.startswith("synth/") else f"rouge/{name}"
    golden = golden_json(rel)
    set_name = "synth" if "synth" in name else ("news" if ".news." in name else "tricky")
    cands, refs = pairs(set_name)
    # The flags exactly as ROUGE-1.5.5 was run (-e DIR, -d and the settings file included).
    rouge = Rouge155(options_of(golden["command"]))
    corpus, docs = rouge.score(cands, refs, per_document=True)
    assert len(docs) == len(golden["per_doc"])
    bad: list = []
    for i, want in enumerate(golden["per_doc"]):
        check_doc(i, want["scores"], docs[i], bad)
    check_corpus(golden["corpus"], corpus, bad)
    assert not bad, f"{len(bad)} values differ, first: {bad[:3]}"
    assert len(corpus) == 9 * len(golden["corpus"])


@pytest.mark.parametrize("set_name", ["tricky", "news"])
def test_rouge155_per_document_runs(set_name):
    """The paper flags, one run per document: ROUGE-1.5.5 dies on some documents (ROUGE-W
    with an empty reference) and so does nutgraf, with an InputError; elsewhere the
    per-document values and the one-document Average match."""
    golden = golden_json(f"rouge/rouge155.m.w.perdocruns.{set_name}.json")
    cands, refs = pairs(set_name)
    rouge = Rouge155(options_of(golden["command"]))
    bad: list = []
    errors = 0
    for i, run in enumerate(golden["per_doc_runs"]):
        if "error" in run:
            errors += 1
            with pytest.raises(InputError, match="ROUGE-W"):
                rouge.score([cands[i]], [refs[i]])
            continue
        corpus, docs = rouge.score([cands[i]], [refs[i]], per_document=True, eval_ids=["1"])
        check_doc(i, run["per_eval"], docs[0], bad)
        for metric, prf in run["scores"].items():
            key = metric.lower().replace("-", "_")
            for letter, m in (("R", "recall"), ("P", "precision"), ("F", "f_score")):
                if corpus[f"{key}_{m}"] != prf[letter]:
                    bad.append((i, metric, letter))
    assert not bad, bad[:3]
    if set_name == "tricky":
        assert errors > 0


def test_stem_table():
    """rouge-score's stemmer (NLTK's Porter) and ROUGE-1.5.5's -m (WordNet exceptions, then its
    own Porter) on the 75,826 tokens of stem_table.tsv, through the Python API."""
    from conftest import read_text
    from nutgraf.rouge_score import tokenizers

    rows = [line.split("\t") for line in read_text("rouge/stem_table.tsv").splitlines()[1:]]
    google = tokenizers.DefaultTokenizer(use_stemmer=True)
    bad = [(t, g, google.tokenize(t)) for t, _, g, _, _ in rows if google.tokenize(t) != [g]]
    assert not bad, bad[:5]
    # ROUGE-1.5.5: two different tokens with the same -m stem match with -m, not without.
    by_stem: dict = {}
    for t, m, *_ in rows:
        by_stem.setdefault(m, []).append(t)
    pairs = [(ts[0], t) for ts in by_stem.values() for t in ts[1:] if t.isalnum() and ts[0].isalnum()]
    assert len(pairs) > 10000
    cands, refs = [a for a, _ in pairs], [b for _, b in pairs]
    _, docs = Rouge155("-n 1 -x -m").score(cands, refs, per_document=True)
    assert all(d["rouge_1_recall"] == 1.0 for d in docs)
    _, docs = Rouge155("-n 1 -x").score(cands, refs, per_document=True)
    assert all(d["rouge_1_recall"] == 0.0 for d in docs)
