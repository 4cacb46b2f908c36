"""nutgraf on Ray Data: summaries, oracle labels and ROUGE of Ray Datasets, with the numbers of
the ``nutgraf`` CLI.

Each function is ``Dataset.map_batches`` with a callable class over Arrow batches
(``batch_format="pyarrow"``): each actor builds the engine once from the picklable batch
function it is given, then makes one native call per batch, none per row, on ``threads``
threads (default 1, with ``num_cpus=1`` per actor). ``concurrency`` is the most actors, in an
autoscaling pool from 1 (default: the cluster's CPUs). Nothing here schedules or talks to
workers.

Records and errors are as in :mod:`nutgraf.spark`: a string text column is split into
sentences, a list column is the sentences; a bad record stops the job naming the record
(``on_error="stop"``) or is kept with null results and its message in ``error_col``
(``on_error="skip"``).

Reading the CNN/DailyMail JSONL::

    import ray
    ray.init(num_cpus=2)
    ds = ray.data.read_json("validation.jsonl.gz", lines=True)
"""

from __future__ import annotations

from typing import Any, Optional

from . import _batches
from ._batches import RougeResult

__all__ = ["summarize", "oracle", "rouge", "RougeResult"]


class BatchActor:
    """The callable class ``map_batches`` runs in each actor: it holds one batch function
    (unpickled once per actor) and applies it to every batch."""

    def __init__(self, op: Any):
        self.op = op

    def __call__(self, batch):
        return self.op(batch)


def _pool(concurrency: Optional[int]):
    """An autoscaling pool of 1 to ``concurrency`` actors (default: the cluster's CPUs). A
    fixed pool that takes every CPU at once would leave none to the tasks upstream of it (a
    ``repartition``, a read) and the job would wait forever."""
    import ray
    from ray.data import ActorPoolStrategy

    if concurrency is None:
        concurrency = max(1, int(ray.cluster_resources().get("CPU", 1)))
    return ActorPoolStrategy(min_size=1, max_size=concurrency)


def _map(ds, op, concurrency, batch_size, threads):
    _batches.check_new_columns(ds.columns(), op.output_columns())
    return ds.map_batches(
        BatchActor,
        fn_constructor_args=(op,),
        batch_format="pyarrow",
        batch_size=batch_size,
        compute=_pool(concurrency),
        num_cpus=threads or 1,
    )


def summarize(
    ds,
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
    concurrency: Optional[int] = None,
    batch_size: Optional[int] = 256,
    **options: Any,
):
    """The Dataset with each document's summary in ``output_col`` (its sentences) and
    ``indices_col`` (their indices): see :func:`nutgraf.spark.summarize`."""
    op = _batches.SummarizeBatch.for_columns(
        ds.columns(),
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
    return _map(ds, op, concurrency, batch_size, threads)


def oracle(
    ds,
    text_col: str = "article",
    reference_col: str = "highlights",
    options: Any = None,
    *,
    output_col: str = "oracle",
    id_col: Optional[str] = "id",
    on_error: str = "stop",
    error_col: str = "error",
    threads: Optional[int] = 1,
    concurrency: Optional[int] = None,
    batch_size: Optional[int] = 256,
    language: str = "auto",
    **kwargs: Any,
):
    """The Dataset with each document's oracle labels in ``output_col``: see
    :func:`nutgraf.spark.oracle`."""
    op = _batches.OracleBatch.for_columns(
        ds.columns(),
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
    return _map(ds, op, concurrency, batch_size, threads)


def rouge(
    ds,
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
    concurrency: Optional[int] = None,
    batch_size: Optional[int] = 256,
) -> RougeResult:
    """ROUGE of each prediction and of the corpus, with the numbers of ``nutgraf rouge
    --flavor FLAVOR --json``: see :func:`nutgraf.spark.rouge` for the columns and options.

    The per-document scores are computed by the actors; the corpus on the driver from them in
    document order: sorted by ``order_col`` when given, else in the Dataset's own order (the
    scored rows are read back with ``DataContext.execution_options.preserve_order`` on, for
    that read only). Returns a :class:`RougeResult` (``documents`` is lazy: it is computed
    again when used; ``ds.materialize()`` first to score once).
    """
    import pyarrow as pa
    from ray.data import DataContext

    op = _batches.RougeBatch.for_columns(
        ds.columns(),
        _batches.eval_config(flavor, options, unescape_ptb),
        prediction_col,
        reference_col,
        output_col=output_col,
        on_error=on_error,
        error_col=error_col,
        id_col=id_col,
        index_col=order_col,
        separator=separator,
        threads=threads,
    )
    scored = _map(ds, op, concurrency, batch_size, threads)
    keep = [output_col] + ([order_col] if order_col else [])
    options_ = DataContext.get_current().execution_options
    before = options_.preserve_order
    options_.preserve_order = True
    try:
        tables = list(scored.select_columns(keep).iter_batches(batch_format="pyarrow", batch_size=None))
    finally:
        options_.preserve_order = before
    table = pa.concat_tables(tables) if tables else None
    if table is None:
        return RougeResult(scored, {}, 0, 0)
    if order_col:
        table = table.sort_by(order_col)
    count = len(table) - table.column(output_col).null_count
    return RougeResult(scored, op.corpus(table), count, len(table) - count)
