"""nutgraf.spark in local mode (local[2]) on the 4,368 CNN/DailyMail validation documents:
the CLI's summaries, oracle labels and ROUGE (per document and corpus, both flavours), at any
partition count."""

from __future__ import annotations

import pytest

from conftest import GOOGLE_OPTIONS, PERL_FLAGS, SUMMARIZE_KW, scores_equal

pytest.importorskip("pyspark")

import nutgraf  # noqa: E402
import nutgraf.spark as ns  # noqa: E402

SCHEMA = "index LONG, id STRING, article STRING, highlights ARRAY<STRING>"


@pytest.fixture(scope="module")
def df(spark, validation):
    # The README's recipe: the columns' types given (highlights is a list of sentences), and
    # the records' own line number (index) to keep document order through shuffles.
    return spark.read.schema(SCHEMA).json(str(validation)).cache()


@pytest.fixture(scope="module")
def summarized(df):
    # 3 partitions, shuffled: the results must not depend on it.
    return ns.summarize(df.repartition(3), **SUMMARIZE_KW).orderBy("index").cache()


def test_reads_every_document(df, records):
    assert df.count() == len(records) == 4368
    first = df.orderBy("index").first()
    assert first["id"] == records[0]["id"] and first["article"] == records[0]["article"]


def test_summarize_equals_cli(summarized, cli_out):
    rows = summarized.select("id", "indices", "summary").collect()
    want = cli_out["summarize"]
    assert len(rows) == len(want)
    for row, w in zip(rows, want):
        assert {"id": row["id"], "indices": row["indices"], "summary": row["summary"]} == w


def test_summarize_takes_a_summarizer(df, summarized):
    other = ns.summarize(df.limit(50), config=nutgraf.Summarizer(**SUMMARIZE_KW))
    got = {r["id"]: r["summary"] for r in other.select("id", "summary").collect()}
    want = {r["id"]: r["summary"] for r in summarized.select("id", "summary").collect()}
    assert got and all(want[k] == v for k, v in got.items())


def test_oracle_equals_cli(df, cli_out):
    labelled = ns.oracle(df.repartition(4)).orderBy("index")
    rows = labelled.select("id", "oracle").collect()
    want = cli_out["oracle"]
    assert len(rows) == len(want)
    for row, w in zip(rows, want):
        o = row["oracle"]
        assert row["id"] == w["id"]
        assert o["indices"] == w["indices"]
        assert o["objective"] == w["objective"]
        scores_equal(o["rouge"].asDict(recursive=True), w["rouge"])
        assert o["summary"]  # the sentences themselves


@pytest.mark.parametrize("flavor", ["perl", "google"])
def test_rouge_equals_cli(summarized, cli_out, flavor):
    options = PERL_FLAGS if flavor == "perl" else GOOGLE_OPTIONS
    # Scored on 5 partitions in shuffled order: the corpus follows the index column.
    result = ns.rouge(
        summarized.repartition(5), "summary", "highlights", flavor, options, order_col="index"
    )
    want = cli_out[flavor]
    assert result.count == 4368 and result.skipped == 0
    assert result.corpus == want["corpus"]
    rows = result.documents.orderBy("index").select("rouge").collect()
    assert len(rows) == len(want["documents"])
    for row, w in zip(rows, want["documents"]):
        scores_equal(row["rouge"].asDict(recursive=True), w)


def test_rouge_default_order_is_the_dataframes(summarized, cli_out):
    # No order column: the DataFrame's own order (here sorted by index) decides the corpus.
    result = ns.rouge(summarized.select("summary", "highlights"), "summary", "highlights",
                      "perl", PERL_FLAGS)
    assert result.corpus == cli_out["perl"]["corpus"]
    assert "_nutgraf_order" not in result.documents.columns
