"""nutgraf.ray on a local Ray (num_cpus=2) on the 4,368 CNN/DailyMail validation documents:
the CLI's summaries, oracle labels and ROUGE (per document and corpus, both flavours), at any
block count."""

from __future__ import annotations

import pytest

from conftest import GOOGLE_OPTIONS, PERL_FLAGS, SUMMARIZE_KW, scores_equal

pytest.importorskip("ray")

import nutgraf.ray as nr  # noqa: E402


@pytest.fixture(scope="module")
def ds(ray_local, validation):
    # The README's recipe.
    return ray_local.data.read_json(str(validation), lines=True).materialize()


def in_order(ds, *columns):
    """The rows of ``ds`` in the Dataset's order."""
    from ray.data import DataContext

    options = DataContext.get_current().execution_options
    before, options.preserve_order = options.preserve_order, True
    try:
        return ds.select_columns(list(columns)).take_all()
    finally:
        options.preserve_order = before


@pytest.fixture(scope="module")
def summarized(ds):
    return nr.summarize(ds.repartition(3), **SUMMARIZE_KW).materialize()


def test_reads_every_document(ds, records):
    rows = in_order(ds, "id", "article")
    assert len(rows) == len(records) == 4368
    assert [r["id"] for r in rows] == [r["id"] for r in records]


def test_summarize_equals_cli(summarized, cli_out):
    rows = in_order(summarized, "id", "indices", "summary")
    want = cli_out["summarize"]
    assert len(rows) == len(want)
    for row, w in zip(rows, want):
        got = {"id": row["id"], "indices": list(row["indices"]), "summary": list(row["summary"])}
        assert got == w


def test_oracle_equals_cli(ds, cli_out):
    rows = in_order(nr.oracle(ds, batch_size=100), "id", "oracle")
    want = cli_out["oracle"]
    assert len(rows) == len(want)
    for row, w in zip(rows, want):
        o = row["oracle"]
        assert row["id"] == w["id"]
        assert list(o["indices"]) == w["indices"]
        assert o["objective"] == w["objective"]
        scores_equal(o["rouge"], w["rouge"])


@pytest.mark.parametrize("flavor", ["perl", "google"])
def test_rouge_equals_cli(summarized, cli_out, flavor):
    options = PERL_FLAGS if flavor == "perl" else GOOGLE_OPTIONS
    result = nr.rouge(summarized.repartition(5), "summary", "highlights", flavor, options,
                      batch_size=300)
    want = cli_out[flavor]
    assert result.count == 4368 and result.skipped == 0
    assert result.corpus == want["corpus"]
    rows = in_order(result.documents, "rouge")
    for row, w in zip(rows, want["documents"]):
        scores_equal(row["rouge"], w)


def test_rouge_order_column_after_a_shuffle(ray_local, summarized, cli_out):
    # A shuffled Dataset with an index column: the corpus follows the index.
    import pyarrow as pa

    table = summarized.select_columns(["summary", "highlights"])
    rows = in_order(table, "summary", "highlights")
    indexed = ray_local.data.from_arrow(
        pa.table(
            {
                "index": list(range(len(rows))),
                "summary": [list(r["summary"]) for r in rows],
                "highlights": [r["highlights"] for r in rows],
            }
        )
    ).random_shuffle(seed=7)
    result = nr.rouge(indexed, "summary", "highlights", "perl", PERL_FLAGS, order_col="index")
    assert result.corpus == cli_out["perl"]["corpus"]
