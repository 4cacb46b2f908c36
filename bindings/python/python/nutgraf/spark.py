"""nutgraf on Spark: summaries, oracle labels and ROUGE of PySpark DataFrames, with the
numbers of the ``nutgraf`` CLI.

Each function maps the DataFrame's Arrow batches (``DataFrame.mapInArrow``) through the
library's batch engine: one native call per batch, none per row, on ``threads`` threads per
task (default 1: Spark runs one task per core). Nothing here schedules or talks to workers;
what crosses to a worker is a picklable batch function holding the engine's configuration.

Records are read as ``nutgraf summarize`` reads a JSONL line: a text column of strings is
split by nutgraf's sentence splitter, an array of strings is the sentences. A bad record (a
null text, a summary too long to score, ...) stops the job with
:class:`~nutgraf.errors.InputError` naming the record by its ``id`` column
(``on_error="stop"``, the CLI's default), or is kept with null results and its message in
``error_col`` (``on_error="skip"``; count them with ``df.where(df.error.isNotNull()).count()``).

Reading the CNN/DailyMail JSONL (give the schema: ``highlights`` is a list of sentences,
which a STRING column would turn into its JSON text; ``index`` is each record's line number,
which keeps document order through shuffles; data without one can take
``F.monotonically_increasing_id()`` right after reading)::

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    df = spark.read.schema(
        "index LONG, id STRING, article STRING, highlights ARRAY<STRING>"
    ).json("validation.jsonl.gz")
"""

from __future__ import annotations

from typing import Any, Optional

from . import _batches
from ._batches import RougeResult

__all__ = ["summarize", "oracle", "rouge", "RougeResult"]


class _MapInArrow:
    """The function ``mapInArrow`` calls: batches in, batches out (picklable)."""

    def __init__(self, op: Any):
        self.op = op

    def __call__(self, batches):
        for batch in batches:
            yield self.op(batch)


def _spark_type(arrow_type):
    """The Spark SQL type of the Arrow types this module appends."""
    import pyarrow as pa
    from pyspark.sql import types as T

    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return T.StringType()
    if pa.types.is_int32(arrow_type):
        return T.IntegerType()
    if pa.types.is_float64(arrow_type):
        return T.DoubleType()
    if pa.types.is_boolean(arrow_type):
        return T.BooleanType()
    if pa.types.is_list(arrow_type):
        return T.ArrayType(_spark_type(arrow_type.value_type), containsNull=True)
    if pa.types.is_struct(arrow_type):
        return T.StructType(
            [
                T.StructField(arrow_type.field(i).name, _spark_type(arrow_type.field(i).type), True)
                for i in range(arrow_type.num_fields)
            ]
        )
    raise TypeError(f"no Spark type for {arrow_type}")  # pragma: no cover


def _map(df, op, new_fields):
    """``df.mapInArrow`` through ``op``, with the appended columns' schema."""
    from pyspark.sql import types as T

    _batches.check_new_columns(df.columns, [name for name, _ in new_fields])
    schema = T.StructType(
        list(df.schema.fields)
        + [T.StructField(name, _spark_type(t), True) for name, t in new_fields]
    )
    return df.mapInArrow(_MapInArrow(op), schema)


def _error_field(op):
    import pyarrow as pa

    return [(op.error_col, pa.string())] if op.on_error == "skip" else []


def summarize(
    df,
    text_col: str = "article",
    config: Any = None,
    *,
    output_col: str = "summary",
    indices_col: str = "indices",
    reference_col: Optional[str] = None,
    id_col: Optional[str] = "id",
    on_error: str = "stop",
    error_col: str = "error",
    threads: Optional[int] = 1,
    **options: Any,
):
    """The DataFrame with each document's summary: ``output_col`` (array<string>, the
    selected sentences) and ``indices_col`` (array<int>, their indices), what ``nutgraf
    summarize --output jsonl`` writes per document.

    ``config``: a :class:`nutgraf.Summarizer`, its configuration (dict or JSON), or None for
    ``Summarizer(**options)`` (``method="lead"``, 3 sentences by default). ``text_col``: a
    string column (split into sentences) or array<string> (the sentences).
    ``reference_col``: references, for the oracle method only.
    """
    import pyarrow as pa

    op = _batches.SummarizeBatch.for_columns(
        df.columns,
        _batches.summarizer_config(config, options),
        text_col=text_col,
        reference_col=reference_col,
        output_col=output_col,
        indices_col=indices_col,
        on_error=on_error,
        error_col=error_col,
        id_col=id_col,
        threads=threads,
    )
    fields = [(output_col, pa.list_(pa.string())), (indices_col, pa.list_(pa.int32()))]
    return _map(df, op, fields + _error_field(op))


def oracle(
    df,
    text_col: str = "article",
    reference_col: str = "highlights",
    options: Any = None,
    *,
    output_col: str = "oracle",
    id_col: Optional[str] = "id",
    on_error: str = "stop",
    error_col: str = "error",
    threads: Optional[int] = 1,
    language: str = "auto",
    **kwargs: Any,
):
    """The DataFrame with each document's oracle labels in ``output_col``: a struct of
    ``indices``, ``summary``, ``objective`` and ``rouge`` (``ROUGE-1``, ``ROUGE-2``,
    ``ROUGE-L``, each ``{recall, precision, f}``), what ``nutgraf oracle`` writes.

    ``options``: a :class:`nutgraf.Oracle`, a dict of its options, or None for
    ``Oracle(**kwargs)`` (greedy, ``r1+r2``, at most 3 sentences, stemmed). ``language``:
    ``"auto"`` (detected per document) or a code such as ``"de"``, as ``nutgraf oracle
    --language``; a summarizer's language is in its configuration.
    """
    op = _batches.OracleBatch.for_columns(
        df.columns,
        _batches.oracle_config(options, kwargs),
        text_col=text_col,
        reference_col=reference_col,
        output_col=output_col,
        on_error=on_error,
        error_col=error_col,
        id_col=id_col,
        threads=threads,
        language=language,
    )
    return _map(df, op, [(output_col, _batches.oracle_type())] + _error_field(op))


_ORDER = "_nutgraf_order"


def _to_arrow(df):
    if hasattr(df, "toArrow"):  # PySpark >= 4.0
        return df.toArrow()
    return df._collect_as_arrow_table()  # pragma: no cover


def rouge(
    df,
    prediction_col: str,
    reference_col: str,
    flavor: str = "perl",
    options: Any = None,
    *,
    output_col: str = "rouge",
    order_col: Optional[str] = None,
    id_col: Optional[str] = "id",
    on_error: str = "stop",
    error_col: str = "error",
    separator: str = " <q> ",
    unescape_ptb: bool = False,
    threads: Optional[int] = 1,
) -> RougeResult:
    """ROUGE of each prediction against its reference(s), and of the corpus, with the numbers
    of ``nutgraf rouge --flavor FLAVOR --json``.

    Columns: a string (sentences separated by ``"\\n"``, and by ``separator`` within a line,
    as the CLI reads JSONL) or array<string> (the sentences); the reference column may also be
    array<array<string>> (several references). ``options``: for ``flavor="perl"``
    ROUGE-1.5.5's flags (``"-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a"``, pyrouge's, by default)
    or a :class:`nutgraf.rouge155.Rouge155`; for ``"google"`` a dict (``metrics``, ``stem``,
    ``tokenizer``) or a :class:`~nutgraf.rouge_score.rouge_scorer.RougeScorer`.

    Per-document scores are computed on the executors into ``output_col`` (a struct
    ``{METRIC: {recall, precision, f}}``); the corpus numbers (rouge-score's mean,
    ROUGE-1.5.5's Averages and bootstrap intervals, which depend on document order) are
    computed on the driver from the per-document values sorted by ``order_col``: give one
    (e.g. a line number) when the DataFrame has been shuffled; by default it is
    ``monotonically_increasing_id()`` of the DataFrame as given (its partitions' order, which
    for files read with ``spark.read`` is file order). Under ``on_error="skip"`` bad records
    are left out of the corpus and counted in ``skipped``.

    Returns a :class:`RougeResult`: ``documents`` (the DataFrame with ``output_col``; lazy,
    so ``df.cache()`` first to score once), ``corpus``, ``count``, ``skipped``.
    """
    from pyspark.sql import functions as F

    added = order_col is None
    if added:
        order_col = _ORDER
        df = df.withColumn(order_col, F.monotonically_increasing_id())
    op = _batches.RougeBatch.for_columns(
        df.columns,
        _batches.eval_config(flavor, options, unescape_ptb),
        prediction_col,
        reference_col,
        output_col=output_col,
        on_error=on_error,
        error_col=error_col,
        id_col=id_col,
        index_col=None if added else order_col,
        separator=separator,
        threads=threads,
    )
    scored = _map(df, op, [(output_col, _batches.rouge_type(op.metrics))] + _error_field(op))
    table = _to_arrow(scored.select(order_col, output_col)).sort_by(order_col)
    count = len(table) - table.column(output_col).null_count
    corpus = op.corpus(table)
    documents = scored.drop(order_col) if added else scored
    return RougeResult(documents, corpus, count, len(table) - count)
