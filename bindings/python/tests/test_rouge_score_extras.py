"""What nutgraf.rouge_score does beyond (or instead of) rouge-score: sentence splitting without
NLTK, the Unicode tokenizer, empty rouge types, batches with several references."""

from __future__ import annotations

import nutgraf
from nutgraf.rouge_score import rouge_scorer, tokenizers

TEXT = "The storm hit the coast. Power was cut for days. Mr. Smith said repairs began."
PRED = "A storm hit. Mr. Smith said power was cut."


def test_split_summaries_uses_nutgraf_s_splitter():
    split = rouge_scorer.RougeScorer(["rouge1", "rougeLsum"], split_summaries=True)
    lines = rouge_scorer.RougeScorer(["rouge1", "rougeLsum"])
    as_lines = lambda t: "\n".join(nutgraf.Document(t, format="text").sentences)
    got = split.score(TEXT, PRED)
    assert got["rougeLsum"] == lines.score(as_lines(TEXT), as_lines(PRED))["rougeLsum"]
    # Only rougeLsum splits: rouge1 sees the text as it is.
    assert got["rouge1"] == lines.score(TEXT, PRED)["rouge1"]
    # One line, many sentences: without splitting rougeLsum is rougeL's single LCS.
    assert lines.score(TEXT, PRED)["rougeLsum"] != got["rougeLsum"]
    assert split.score_batch([TEXT], [PRED]) == [got]


def test_unicode_tokenizer_keeps_other_scripts():
    t, p = "北京大学 Москва", "北京 Москва"
    rs = rouge_scorer.RougeScorer(["rouge1"])
    assert rs.score(t, p)["rouge1"].fmeasure == 0.0  # rouge-score's tokenizer: no tokens
    uni = rouge_scorer.RougeScorer(["rouge1"], tokenizer=tokenizers.UnicodeTokenizer())
    s = uni.score(t, p)["rouge1"]
    assert (s.precision, s.recall) == (1.0, 3 / 5)
    assert tokenizers.UnicodeTokenizer().tokenize("Cafés ΟΔΟΣ") == ["cafés", "οδοσ"]


def test_empty_rouge_types_and_duplicates():
    assert rouge_scorer.RougeScorer([]).score("a", "b") == {}
    s = rouge_scorer.RougeScorer(["rouge1", "rougeL", "rouge1"])
    assert s.rouge_types == ["rouge1", "rougeL"]
    assert list(s.score("a b", "a")) == ["rouge1", "rougeL"]


def test_batch_mixes_single_and_several_targets():
    s = rouge_scorer.RougeScorer(["rouge2", "rougeLsum"], use_stemmer=True)
    targets = ["the cats sat", ["a dog ran", "the dogs ran away"], "x"]
    predictions = ["a cat sat", "the dog ran", ""]
    batch = s.score_batch(targets, predictions, threads=2)
    assert batch[0] == s.score(targets[0], predictions[0])
    assert batch[1] == s.score_multi(targets[1], predictions[1])
    assert batch[2]["rouge2"] == (0.0, 0.0, 0.0)
