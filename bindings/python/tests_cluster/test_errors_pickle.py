"""The CLI's error policy inside a partition (Spark and Ray), and pickling of everything that
crosses to a worker."""

from __future__ import annotations

import json
import pickle
import re

import pytest

from conftest import cli, jsonl

import nutgraf
from nutgraf import _batches, _native
from nutgraf.errors import ConfigError, InputError
from nutgraf.rouge155 import Rouge155
from nutgraf.rouge_score.rouge_scorer import RougeScorer

STORY = (
    "The storm hit the coast on Monday. Thousands were left without power. "
    "Officials said repairs would take a week. Schools stayed closed on Tuesday."
)
# Good records around bad ones: a null article, and a null reference (which the oracle needs).
RECORDS = [
    {"id": "a", "article": STORY, "highlights": "Storms cut power.\nRepairs take a week."},
    {"id": "b", "article": None, "highlights": "Nothing."},
    {"id": "c", "article": STORY + " Power returned on Friday.", "highlights": None},
    {"id": "d", "article": "One sentence only.", "highlights": "One sentence."},
]
NULL_ARTICLE = 'field "article" must be a string or a list of strings, found null'


@pytest.fixture
def bad_file(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    return path


def cli_skip(command: str, path) -> list:
    out = cli(command, str(path), "--on-error", "skip", *(["--output", "jsonl"] if command == "summarize" else []))
    return jsonl(out.stdout)


# The batch functions, without an engine ---------------------------------------------------


def batch():
    import pyarrow as pa

    return pa.RecordBatch.from_pylist(RECORDS)


def test_stop_names_the_record():
    op = _batches.SummarizeBatch(nutgraf.Summarizer("lead")._native.config_json())
    with pytest.raises(InputError, match=re.escape(f"record id 'b': {NULL_ARTICLE}")):
        op(batch())


def test_skip_keeps_the_row_with_its_error(bad_file):
    op = _batches.SummarizeBatch(nutgraf.Summarizer("lead")._native.config_json(), on_error="skip")
    out = op(batch()).to_pylist()
    assert [r["error"] for r in out] == [None, NULL_ARTICLE, None, None]
    assert out[1]["summary"] is None and out[1]["indices"] is None
    # The other rows are what the CLI writes with --on-error skip.
    want = cli_skip("summarize", bad_file)
    assert [{"id": r["id"], "indices": r["indices"], "summary": r["summary"]}
            for r in out if r["error"] is None] == want


def test_oracle_skip_equals_cli(bad_file):
    op = _batches.OracleBatch(nutgraf.Oracle()._native.config_json(), on_error="skip")
    out = op(batch()).to_pylist()
    assert [r["error"] is None for r in out] == [True, False, False, True]
    assert "oracle needs a reference" in out[2]["error"]
    want = cli_skip("oracle", bad_file)
    got = [r for r in out if r["error"] is None]
    assert [r["id"] for r in got] == [w["id"] for w in want]
    for r, w in zip(got, want):
        assert r["oracle"]["indices"] == w["indices"] and r["oracle"]["objective"] == w["objective"]


def test_bad_options_are_refused_before_any_work():
    with pytest.raises(ConfigError, match="on_error"):
        _batches.check_on_error("ignore")
    with pytest.raises(ConfigError, match="flavor"):
        _batches.eval_config("java", None, False)
    with pytest.raises(ConfigError, match="unknown google option"):
        _batches.eval_config("google", {"use_stemmer": True}, False)
    with pytest.raises(ConfigError):
        _batches.summarizer_config(None, {"method": "nope"})
    with pytest.raises(ConfigError, match="already in the data"):
        _batches.check_new_columns(["id", "summary"], ["summary", "indices"])
    lead = nutgraf.Summarizer("lead")._native.config_json()
    with pytest.raises(ConfigError, match="text_col: no column 'body'"):
        _batches.SummarizeBatch.for_columns(["id", "article"], lead, text_col="body")
    with pytest.raises(ConfigError, match="reference_col: no column 'highlights'"):
        _batches.OracleBatch.for_columns(["article"], nutgraf.Oracle()._native.config_json())
    perl = _batches.eval_config("perl", None, False)
    with pytest.raises(ConfigError, match="order_col: no column 'i'"):
        _batches.RougeBatch.for_columns(["p", "r"], perl, "p", "r", index_col="i")
    # An id column the data lacks names no record (rows are named by their place instead).
    assert _batches.SummarizeBatch.for_columns(["article"], lead, id_col="id").id_col is None


# Pickling ---------------------------------------------------------------------------------


def ops():
    return [
        _batches.SummarizeBatch(nutgraf.Summarizer("summarunner")._native.config_json(),
                                on_error="skip"),
        _batches.SummarizeBatch(nutgraf.Summarizer("textrank", sentences=2)._native.config_json(),
                                on_error="skip"),
        _batches.OracleBatch(nutgraf.Oracle(strategy="beam")._native.config_json(), on_error="skip"),
        _batches.RougeBatch(_batches.eval_config("perl", "-n 2 -m", False), "article", "highlights",
                            on_error="skip"),
        _batches.RougeBatch(_batches.eval_config("google", {"stem": True}, False), "article",
                            "highlights", on_error="skip"),
    ]


@pytest.mark.parametrize("dumps", ["pickle", "pyspark", "ray"])
def test_every_batch_function_pickles(dumps):
    if dumps == "pickle":
        dump, load = pickle.dumps, pickle.loads
    elif dumps == "pyspark":
        cloudpickle = pytest.importorskip("pyspark.cloudpickle")
        dump, load = cloudpickle.dumps, pickle.loads
    else:
        cloudpickle = pytest.importorskip("ray.cloudpickle")
        dump, load = cloudpickle.dumps, pickle.loads
    for op in ops():
        copy = load(dump(op))
        assert type(copy) is type(op)
        assert copy.engine.config_json() == op.engine.config_json()
        assert copy(batch()).equals(op(batch()))


def test_the_engine_wrappers_pickle():
    pytest.importorskip("pyspark")
    pytest.importorskip("ray")
    from nutgraf.ray import BatchActor
    from nutgraf.spark import _MapInArrow

    op = ops()[1]
    mapper = pickle.loads(pickle.dumps(_MapInArrow(op)))
    assert [b.to_pylist() for b in mapper(iter([batch()]))] == [op(batch()).to_pylist()]
    actor = pickle.loads(pickle.dumps(BatchActor(op)))
    assert actor(batch()).to_pylist() == op(batch()).to_pylist()


def test_configuration_objects_pickle():
    # What a user passes as config or options, and the native engines themselves.
    objects = [
        nutgraf.Summarizer("lexrank", words=50),
        nutgraf.Oracle(objective="r1"),
        Rouge155("-c 95 -r 1000 -n 2 -m"),
        RougeScorer(["rouge1", "rougeLsum"], use_stemmer=True),
        _native.RecordSummarizer(nutgraf.Summarizer("lead")._native.config_json()),
        _native.RecordOracle(nutgraf.Oracle()._native.config_json()),
        _native.RecordEvaluator(_batches.eval_config("perl", None, True)),
    ]
    for obj in objects:
        copy = pickle.loads(pickle.dumps(obj))
        assert type(copy) is type(obj)
        if hasattr(obj, "config_json"):
            assert copy.config_json() == obj.config_json()
    flags = _batches.eval_config("perl", Rouge155("-c 95 -r 1000 -n 2 -m"), False)
    assert flags == _batches.eval_config("perl", "-c 95 -r 1000 -n 2 -m", False)


# In a partition: Spark -------------------------------------------------------------------


@pytest.fixture
def spark_bad(spark):
    return spark.createDataFrame(RECORDS, "id STRING, article STRING, highlights STRING").repartition(2)


def test_spark_stop_fails_the_job_naming_the_record(spark_bad):
    import nutgraf.spark as ns

    with pytest.raises(Exception) as info:
        ns.summarize(spark_bad).collect()
    assert f"record id 'b': {NULL_ARTICLE}" in str(info.value)


def test_spark_skip_counts_and_keeps_the_rest(spark_bad, bad_file):
    import nutgraf.spark as ns

    out = ns.summarize(spark_bad, on_error="skip")
    assert out.where(out.error.isNotNull()).count() == 1
    got = {r["id"]: r["summary"] for r in out.where(out.error.isNull()).collect()}
    assert got == {w["id"]: w["summary"] for w in cli_skip("summarize", bad_file)}


def test_spark_rouge_skip_leaves_bad_records_out_of_the_corpus(spark, tmp_path):
    import nutgraf.spark as ns

    rows = [
        {"i": 0, "pred": "the cat sat on the mat .", "ref": "a cat sat on a mat ."},
        {"i": 1, "pred": None, "ref": "a dog ran ."},
        {"i": 2, "pred": "a dog ran away .", "ref": "the dog ran ."},
    ]
    df = spark.createDataFrame(rows, "i LONG, pred STRING, ref STRING")
    result = ns.rouge(df, "pred", "ref", "perl", "-c 95 -r 1000 -n 2 -m", order_col="i",
                      on_error="skip")
    assert (result.count, result.skipped) == (2, 1)
    good = [r for r in rows if r["pred"] is not None]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps({"candidate": r["pred"]}) + "\n" for r in good))
    (tmp_path / "r.jsonl").write_text("".join(json.dumps({"reference": r["ref"]}) + "\n" for r in good))
    want = json.loads(cli("rouge", str(tmp_path / "c.jsonl"), str(tmp_path / "r.jsonl"),
                          "--references-field", "reference", "--json",
                          *"-c 95 -r 1000 -n 2 -m".split()).stdout)
    assert result.corpus == want["corpus"]
    with pytest.raises(Exception) as info:
        ns.rouge(df, "pred", "ref", order_col="i")
    assert "record index 1" in str(info.value) and 'field "pred"' in str(info.value)


# In a partition: Ray ---------------------------------------------------------------------


def test_ray_stop_and_skip(ray_local, bad_file):
    import nutgraf.ray as nr

    ds = ray_local.data.from_items(RECORDS, override_num_blocks=2)
    with pytest.raises(Exception) as info:
        nr.summarize(ds, batch_size=2).take_all()
    assert f"record id 'b': {NULL_ARTICLE}" in str(info.value)
    out = nr.summarize(ds, on_error="skip", batch_size=2).take_all()
    assert sum(r["error"] is not None for r in out) == 1
    got = {r["id"]: list(r["summary"]) for r in out if r["error"] is None}
    assert got == {w["id"]: w["summary"] for w in cli_skip("summarize", bad_file)}
