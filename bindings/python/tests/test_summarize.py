"""The summarizers, the oracle, documents and readers: results, configurations that round-trip
with the library's JSON, batch order at any thread count, and the numbers of docs/RESULTS.md."""

from __future__ import annotations

import gzip
import json
import re

import pytest

import nutgraf
from conftest import DATA, REPO, need
from nutgraf import Document, Oracle, Summarizer
from nutgraf.errors import ConfigError, InputError, InputTypeError, ReadError

TEXT = (
    "The storm hit the coast on Monday. Thousands were left without power. "
    "Officials said repairs would take a week. Schools stayed closed on Tuesday."
)
EXAMPLE = REPO / "examples" / "000_4fe1697fc82e48a7.txt"
VALIDATION = DATA / "cnndm" / "validation.jsonl.gz"
CLASSIC = [m for m in nutgraf.METHODS if m != "oracle"]

# Sentence 2 shares a word with sentences 1, 3 and 4; the others share only with it.
HUB = ["rescue boats", "storm flood", "storm coast power", "coast damage", "power outage"]


def test_methods_are_the_library_s():
    assert nutgraf.METHODS == [
        "lead", "textrank", "lexrank", "lsa", "luhn", "sumbasic", "klsum", "centroid",
        "pacsum", "summarunner", "oracle",
    ]


@pytest.mark.parametrize("method", CLASSIC)
def test_every_method_summarizes_with_spans(method):
    s = nutgraf.summarize(TEXT, method, 2)
    doc = Document(TEXT)
    assert s.method == method
    assert len(s.summary) == len(s.selected) <= 2
    assert [x.index for x in s.sentences] == list(range(len(doc)))
    for x in s.sentences:
        start, end = x.char_span
        assert TEXT[start:end] == x.text
        assert TEXT.encode()[x.span[0]:x.span[1]].decode() == x.text
        assert x.selected == (x.index in s.selected)
    assert s.summary == [doc.sentences[i] for i in s.selected]
    assert s.scores == [x.score for x in s.sentences]


def test_graph_methods_pick_the_hub():
    for method in ("textrank", "lexrank"):
        assert nutgraf.summarize(HUB, method, 1).selected == [2]


def test_config_round_trips_with_the_library_json():
    # The README's configuration JSON, as `nutgraf summarize --config` reads it.
    text = (
        '{"method": "textrank", "damping": 0.85, "tolerance": 1e-6, "max_iterations": 100,'
        ' "budget": {"kind": "sentences", "count": 3}, "redundancy": {"kind": "trigram_blocking"},'
        ' "analysis": {"stem": true, "stopwords": true, "language": "auto"}, "explain": false}'
    )
    s = Summarizer.from_config(text)
    config = s.config
    assert {k: config[k] for k in json.loads(text)} == json.loads(text)
    assert Summarizer.from_config(config).config == config
    assert Summarizer.from_config(json.dumps(config)).config == config
    kw = Summarizer("textrank", 3, trigram_blocking=True, damping=0.85)
    assert kw.config == config
    for method in nutgraf.METHODS:
        c = Summarizer(method).config
        assert Summarizer.from_config(c).config == c
        assert c["method"] == method


def test_keyword_arguments():
    assert Summarizer(words=20).config["budget"] == {"kind": "words", "count": 20}
    assert Summarizer(bytes=100).config["budget"] == {"kind": "bytes", "count": 100}
    assert Summarizer(ratio=0.5).config["budget"] == {"kind": "ratio", "ratio": 0.5}
    assert Summarizer(mmr=0.7).config["redundancy"] == {"kind": "mmr", "lambda": 0.7}
    assert Summarizer(stem=False).config["analysis"] == {
        "stem": False,
        "stopwords": True,
        "language": "auto",
    }
    assert Summarizer(language="de").config["analysis"]["language"] == "de"
    with pytest.raises(ConfigError, match="language"):
        Summarizer(language="klingon")
    with pytest.raises(ConfigError, match="analysis or language"):
        Summarizer(language="de", analysis={})
    assert Summarizer("lexrank", threshold=0.1).config["threshold"] == 0.1
    assert Summarizer("oracle", strategy="beam").config["strategy"] == {"kind": "beam", "size": 5}
    with pytest.raises(ConfigError, match="damping"):
        Summarizer("textrank", damping=1.5)
    with pytest.raises(ConfigError, match="dampingg"):
        Summarizer("textrank", dampingg=0.5)
    with pytest.raises(ConfigError, match="method"):
        Summarizer("nope")
    with pytest.raises(ConfigError, match="one budget"):
        Summarizer(sentences=2, words=10)
    with pytest.raises(InputTypeError, match="sentences"):
        Summarizer(sentences="3")
    with pytest.raises(ConfigError, match="budget"):
        Summarizer(ratio=2.0)


def test_explanations():
    s = nutgraf.summarize(TEXT, "summarunner", explain=True)
    e = s.sentences[0].explanation
    assert set(e["components"]) >= {"content", "salience", "novelty"}
    assert nutgraf.summarize(TEXT, "summarunner").sentences[0].explanation is None


def test_summarunner_ships_inside_the_package():
    s = Summarizer("summarunner")
    assert s.config["model"] == "embedded"
    assert len(s.summarize(TEXT).summary) == 3
    with pytest.raises(nutgraf.errors.ModelError):
        Summarizer("summarunner", model="/nonexistent/model")


def test_best_is_the_strongest_shipped_model_by_its_own_name():
    best = Summarizer("best")
    assert best.method == "summarunner"
    assert best.summarize(TEXT).summary == Summarizer("summarunner").summarize(TEXT).summary
    with pytest.raises(ConfigError, match="best"):
        Summarizer("bestest")


def test_language_is_detected_or_given():
    german = "Am 12. März stieg der Umsatz um 3,5 Mrd. Euro. Die Firma ist zufrieden."
    assert Document(german).language == "de"
    assert len(Document(german)) == 2
    # Read as English, "12." and "Mrd." end sentences; in German they are an ordinal and an
    # abbreviation.
    assert len(Document(german, language="en")) == 4
    assert Document(german, language="en").language == "en"
    s = Summarizer("lead", 1, language="de").summarize(german)
    assert s.language == "de" and len(s.sentences) == 2
    assert Summarizer("lead", 1).summarize(german).language == "de"
    zh = "今天天气很好。我们去公园散步。"
    assert Document(zh).language == "zh" and len(Document(zh)) == 2
    assert Document(sentences=["a", "b"]).language is None
    assert Document(sentences=["a", "b"], language="fr").language == "fr"
    with pytest.raises(ConfigError, match="language"):
        Document(german, language="xx")


def test_to_dict_is_the_cli_record():
    s = nutgraf.summarize(TEXT, "textrank", 2)
    d = s.to_dict()
    assert list(d) == ["id", "language", "method", "config", "sentences", "summary"]
    assert d["language"] == s.language == "en"
    assert list(d["sentences"][0]) == ["index", "span", "char_span", "score", "selected", "text"]
    assert d["config"] == s.config
    assert nutgraf.Summary.from_json(s.to_json()) == s


def test_inputs_documents_sentences_and_formats():
    as_text = nutgraf.summarize(TEXT, sentences=1)
    as_sentences = nutgraf.summarize(Document(TEXT).sentences, sentences=1)
    assert as_text.summary == as_sentences.summary == ["The storm hit the coast on Monday."]
    lines = "first line without a period\nsecond line\nthird line"
    assert nutgraf.summarize(lines, sentences=2).summary == ["first line without a period", "second line"]
    assert len(Document("One sentence. Another one.", format="lines")) == 1
    assert len(Document("One sentence. Another one.", format="text")) == 2
    assert nutgraf.summarize("", "textrank").summary == []
    d = Document(sentences=["a b.", "c d."], id="x", reference="a b.")
    assert (d.id, d.reference, len(d), d[1], d[-1]) == ("x", ["a b."], 2, "c d.", "c d.")
    with pytest.raises(IndexError):
        d[2]
    with pytest.raises(ConfigError, match="format"):
        Document(TEXT, format="pdf")


def test_batch_keeps_order_at_any_thread_count():
    need(VALIDATION)
    docs = list(nutgraf.read(VALIDATION))[:300]
    for method in ("lead", "textrank", "summarunner"):
        s = Summarizer(method)
        one = [s.summarize(d) for d in docs[:50]]
        for threads in (1, 2, 3, None):
            batch = s.summarize_batch(docs, threads=threads)
            assert batch[:50] == one
            assert [b.id for b in batch] == [d.id for d in docs]
    texts = [d.text for d in docs[:20]]
    assert nutgraf.summarize_batch(texts, "lexrank") == [nutgraf.summarize(t, "lexrank") for t in texts]


def test_oracle():
    reference = "Storm left thousands without power.\nRepairs take a week."
    r = nutgraf.oracle(TEXT, reference)
    assert r.indices == [1, 2]
    assert r.summary == [Document(TEXT).sentences[i] for i in r.indices]
    assert set(r.rouge) == {"ROUGE-1", "ROUGE-2", "ROUGE-L"}
    assert r.objective == pytest.approx(r.rouge["ROUGE-1"]["f"] + r.rouge["ROUGE-2"]["f"])
    assert list(r.to_dict()) == ["id", "indices", "objective", "rouge"]
    assert nutgraf.oracle(TEXT, reference, strategy="exhaustive", max_sentences=2).objective >= r.objective
    assert Oracle(objective="r1").config["objective"] == "r1"
    assert nutgraf.summarize(TEXT, "oracle", reference=reference).selected == r.indices
    with pytest.raises(InputError, match="reference"):
        nutgraf.oracle(TEXT)
    with pytest.raises(ConfigError):
        Oracle(max_sentences=0)
    with pytest.raises(ConfigError):
        Oracle(strategy="sideways")
    docs = [Document(TEXT, reference=reference)] * 5
    assert nutgraf.oracle_batch(docs, threads=2) == [r] * 5


def test_read_every_format(tmp_path):
    need(VALIDATION)
    docs = nutgraf.read(VALIDATION)
    first = next(docs)
    raw = json.loads(gzip.open(VALIDATION, "rt", encoding="utf-8").readline())
    assert first.id == raw["id"]
    assert first.reference and first.text
    assert sum(1 for _ in docs) + 1 == 4368
    assert len(next(nutgraf.read(need(EXAMPLE)))) > 5
    story = tmp_path / "a.story"
    story.write_text("First sentence here. Second one.\n\n@highlight\n\nThe point\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "article": "One. Two.", "highlights": "One."}) + "\n{bad json\n",
        encoding="utf-8",
    )
    got = list(nutgraf.read(tmp_path, skip_errors=True))
    assert [len(d) for d in got] == [2, 4, 2]
    assert got[0].reference == ["The point"] and got[2].id == "c1"
    it = nutgraf.read(tmp_path)
    with pytest.raises(InputError, match=r"c.jsonl:2"):
        list(it)
    with pytest.raises(ReadError):
        nutgraf.read(tmp_path / "missing.txt")
    forced = list(nutgraf.read(tmp_path / "b.txt", format="lines"))
    assert len(forced[0]) == 1


def test_lead3_numbers_of_docs_results():
    """Summarize, unescape PTB, score: the Lead-3 row of docs/RESULTS.md (nutgraf eval)."""
    from nutgraf.rouge155 import Rouge155, unescape_ptb
    from nutgraf.rouge_score import rouge_scorer

    need(VALIDATION)
    results = (REPO / "docs" / "RESULTS.md").read_text(encoding="utf-8")
    row = re.search(r"^\| lead \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", results, re.M)
    assert row, "the lead row of docs/RESULTS.md"
    docs = list(nutgraf.read(VALIDATION))
    summaries = Summarizer("lead").summarize_batch(docs)
    cands = [[unescape_ptb(s) for s in x.summary] for x in summaries]
    refs = [[unescape_ptb(s) for s in d.reference] for d in docs]
    scores = Rouge155("-c 95 -r 1000 -n 2 -m").score(cands, refs)
    got = [round(100 * scores[f"rouge_{m}_f_score"], 2) for m in ("1", "2", "l")]
    assert got == [float(row.group(i)) for i in (1, 2, 3)]
    lsum = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=True).score_batch(
        [[("\n".join(r))] for r in refs], ["\n".join(c) for c in cands]
    )
    mean = sum(s["rougeLsum"].fmeasure for s in lsum) / len(lsum)
    assert round(100 * mean, 2) == float(row.group(4))


BYLINE = "by . deni kirkova . lego will launch a series of sets . the sets go on sale in may ."


def test_bylines_are_dropped_unless_kept(tmp_path):
    assert Document(BYLINE).sentences == [
        "lego will launch a series of sets .",
        "the sets go on sale in may .",
    ]
    assert len(Document(BYLINE, keep_bylines=True)) == 4
    # Sentences given one by one are kept as given.
    assert len(Document(sentences=["by .", "a story ."])) == 2
    with pytest.raises(ConfigError, match="keep_bylines"):
        Document(sentences=["by ."], keep_bylines=True)
    f = tmp_path / "dm.jsonl"
    f.write_text(json.dumps({"article": BYLINE}) + "\n")
    assert [len(d) for d in nutgraf.read(f)] == [2]
    assert [len(d) for d in nutgraf.read(f, keep_bylines=True)] == [4]


def test_read_splits_in_the_given_language(tmp_path):
    f = tmp_path / "de.jsonl"
    f.write_text('{"id": "a", "article": "Am 12. März stieg der Umsatz. Die Firma ist froh."}\n')
    assert [len(d) for d in nutgraf.read(f)] == [2]
    assert [d.language for d in nutgraf.read(f)] == ["de"]
    assert [len(d) for d in nutgraf.read(f, language="en")] == [3]
    with pytest.raises(ConfigError, match="language"):
        list(nutgraf.read(f, language="xx"))
