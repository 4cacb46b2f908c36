"""nutgraf.rouge155: options as flags or keyword arguments, pyrouge's dict and ROUGE-1.5.5's
printed text, and the pyrouge-compatible directory class on the golden news set."""

from __future__ import annotations

import os

import pytest

from conftest import golden_json, pairs
from nutgraf.errors import ConfigError, InputError, InputTypeError, ReadError
from nutgraf.rouge155 import PAPER, PYROUGE, Rouge155, output_to_dict
from nutgraf.rouge155.pyrouge import Rouge155 as PyRouge155


def test_keyword_arguments_equal_flags():
    cands, refs = pairs("news")
    flags = Rouge155(PAPER).score(cands, refs)
    typed = Rouge155(
        max_n=2, rouge_w=1.2, skip_bigram={"max_gap": None, "metrics": "both"}, stem=True
    ).score(cands, refs)
    assert typed == flags
    assert Rouge155(PAPER.split()).score(cands, refs) == flags
    # Keyword arguments start from pyrouge's defaults, or replace the flags' values.
    assert Rouge155(stem=True).config == Rouge155(PYROUGE + " -m").config
    assert Rouge155("-n 4 -m", max_n=2).config == Rouge155("-n 2 -m").config
    assert Rouge155(words=75).config["length_limit"] == {"kind": "words", "count": 75}


def test_defaults_are_pyrouge_s():
    assert Rouge155().config == Rouge155(PYROUGE).config
    assert Rouge155().metrics == ["ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-S*", "ROUGE-SU*"]


def test_config_round_trips():
    for options in (PAPER, PYROUGE, "-n 2 -l 75 -f B -p 0.3 -c 90 -r 10 -s -x -2 4 -u"):
        r = Rouge155(options)
        assert Rouge155(**r.config).config == r.config
        assert Rouge155(r.options).config == r.config


def test_dict_keys_are_pyrouge_s():
    cands, refs = pairs("news")
    scores = Rouge155(PAPER).score(cands, refs)
    prefixes = ["rouge_1", "rouge_2", "rouge_l", "rouge_w_1.2", "rouge_s*", "rouge_su*"]
    keys = [
        f"{p}_{m}{s}" for p in prefixes for m in ("recall", "precision", "f_score") for s in ("", "_cb", "_ce")
    ]
    assert list(scores) == keys


def test_printed_output_parses_to_the_same_dict():
    cands, refs = pairs("news")
    rouge = Rouge155(PAPER)
    text = rouge.output(cands, refs, per_document=True)
    assert output_to_dict(text) == rouge.score(cands, refs)
    expected = golden_json("rouge/rouge155.m.w.news.json")["corpus"]["ROUGE-2"]
    line = "1 ROUGE-2 Average_F: %.5f (95%%-conf.int. %.5f - %.5f)" % (
        expected["F"], expected["F_cl"], expected["F_cu"]
    )
    assert line in text
    assert "1 ROUGE-1 Eval 1.1 R:" in text


def test_per_document_and_eval_ids():
    cands, refs = pairs("news")
    rouge = Rouge155("-c 95 -r 1000 -n 2 -m")
    corpus, docs = rouge.score(cands, refs, per_document=True)
    assert len(docs) == len(cands)
    assert list(docs[0]) == [f"{m}_{k}" for m in ("rouge_1", "rouge_2", "rouge_l") for k in ("recall", "precision", "f_score")]
    # The EVAL IDs decide the bootstrap's draws, never the per-document values.
    other, docs2 = rouge.score(cands, refs, per_document=True, eval_ids="input_order")
    assert docs2 == docs
    assert other != corpus
    custom = rouge.score(cands, refs, eval_ids=[str(i + 1) for i in range(len(cands))])
    assert custom == other


def test_several_references_pool_hits():
    rouge = Rouge155("-n 2")
    one = rouge.score(["the cat sat on the mat"], [["the cat sat", "on a mat"]])
    same = rouge.score(["the cat sat on the mat"], ["the cat sat\non a mat"])
    assert one == same
    two = rouge.score(["the cat sat on the mat"], [[["the cat sat"], ["a dog sat on the mat"]]])
    assert two["rouge_1_recall"] == round(7 / 9, 5)  # -f A: hits (3 + 4) and counts (3 + 6) pooled
    best = Rouge155("-n 2 -f B").score(["the cat sat on the mat"], [[["the cat sat"], ["a dog sat on the mat"]]])
    assert best["rouge_1_recall"] == 1.0


def test_unsupported_and_bad_options():
    for bad in ("-3 HM", "-t 1", "-z SPL", "-M", "-q", "-n x", "-p 2", "-l 10 -b 10"):
        with pytest.raises(ConfigError):
            Rouge155(bad)
    with pytest.raises(ConfigError, match="unknown option"):
        Rouge155(max_ngram=2)
    with pytest.raises(InputTypeError):
        Rouge155(3)
    with pytest.raises(ConfigError):
        Rouge155(words=10, bytes=10)


def test_bad_inputs():
    rouge = Rouge155("-n 2")
    with pytest.raises(InputError, match="differ in length"):
        rouge.score(["a"], ["a", "b"])
    with pytest.raises(InputError, match="empty"):
        rouge.score([], [])
    with pytest.raises(InputTypeError, match=r"candidates\[0\]"):
        rouge.score([None], ["a"])
    with pytest.raises(InputTypeError, match=r"references\[0\]"):
        rouge.score(["a"], [b"a"])
    with pytest.raises(InputError, match=r"references\[0\]"):
        rouge.score(["a"], [[]])
    with pytest.raises(InputTypeError, match="mixes"):
        rouge.score(["a"], [["a", ["b"]]])
    with pytest.raises(InputError, match="ROUGE-W"):
        Rouge155(PAPER).score(["a b"], ["..."])
    # ROUGE-1.5.5 dies there; nutgraf's opt-in fix scores it 0.
    assert Rouge155(PAPER, allow_empty_reference_w=True).score(["a b"], ["..."])["rouge_w_1.2_recall"] == 0.0


def write_pyrouge_dirs(root, cands, refs, html=False):
    system = root / "system"
    model = root / "model"
    system.mkdir()
    model.mkdir()
    for i, (c, r) in enumerate(zip(cands, refs)):
        (system / f"cand.{i}.txt").write_text("\n".join(c), encoding="utf-8")
        (model / f"ref.A.{i}.txt").write_text("\n".join(r), encoding="utf-8")
    if html:
        for d in (system, model):
            out = root / (d.name + "_html")
            PyRouge155.convert_summaries_to_rouge_format(str(d), str(out))
        return root / "system_html", root / "model_html"
    return system, model


@pytest.mark.parametrize("html", [False, True])
def test_pyrouge_class_on_the_golden_news_set(tmp_path, html):
    golden = golden_json("rouge/rouge155.m.w.news.json")
    cands, refs = pairs("news")
    system, model = write_pyrouge_dirs(tmp_path, cands, refs, html)
    r = PyRouge155(rouge_args="-e /nowhere -c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m")
    r.system_dir = str(system)
    r.model_dir = str(model)
    r.system_filename_pattern = r"cand.(\d+).txt"
    r.model_filename_pattern = "ref.[A-Z].#ID#.txt"
    output = r.evaluate() if html else r.convert_and_evaluate()
    result = r.output_to_dict(output)
    for metric, v in golden["corpus"].items():
        key = metric.lower().replace("-", "_")
        for letter, m in (("R", "recall"), ("P", "precision"), ("F", "f_score")):
            assert result[f"{key}_{m}"] == v[letter]
            assert result[f"{key}_{m}_cb"] == v[letter + "_cl"]
            assert result[f"{key}_{m}_ce"] == v[letter + "_cu"]
    assert "1 ROUGE-SU* Average_F:" in output


def test_pyrouge_defaults_and_errors(tmp_path):
    system, model = write_pyrouge_dirs(tmp_path, [["the cat sat ."]], [["a cat sat ."]])
    r = PyRouge155()
    with pytest.raises(InputError, match="system_dir"):
        r.convert_and_evaluate()
    r.system_dir = str(system)
    r.model_dir = str(model)
    r.system_filename_pattern = r"cand.(\d+).txt"
    r.model_filename_pattern = "ref.#ID#.txt"
    with pytest.raises(InputError, match="Could not find any model summaries"):
        r.convert_and_evaluate()
    r.model_filename_pattern = "ref.[A-Z].#ID#.txt"
    d = r.output_to_dict(r.convert_and_evaluate())
    assert d["rouge_4_recall"] == 0.0 and d["rouge_1_recall"] == round(2 / 3, 5)
    assert "rouge_1_recall" in Rouge155(PYROUGE).score(["the cat sat ."], ["a cat sat ."])
    with pytest.raises(ReadError):
        r.system_dir = str(tmp_path / "missing")
    r.system_filename_pattern = r"nothing.(\d+).txt"
    with pytest.raises(InputError, match="Did not find any files"):
        r.convert_and_evaluate()
