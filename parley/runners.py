"""Where the pipeline runs: in this process, in a local process pool, or on a Dask cluster.

Every runner takes batches of prepared documents and gives back, in submission order, a
:class:`BatchResult`: the Arrow tables to store, the actors the batch introduced, and the
documents it had to reject. Only the main process writes to the database (DuckDB allows one
writer), so workers never open it. The Dask runner writes each batch as Parquet shards that
the main process loads, so results do not travel through the scheduler.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from parley.document import Document
from parley.events.cluster import block_key
from parley.ingest import Rejected
from parley.pipeline import Pipeline, StageFailure, settle_collector
from parley.store import writes

Triple = tuple[Document, "str | None", "bytes | None"]  # document, duplicate_of, minhash
# Per-document budgets: a document past either is quarantined, never left to hang the batch.
DEFAULT_STAGE_SECONDS = 30.0      # one stage on one document
BATCH_SECONDS_PER_DOCUMENT = 5.0  # a whole batch: far above normal (under 1 s a document), far below a hang


@dataclass
class BatchResult:
    """What one processed batch gives the writer."""

    tables: dict[str, pa.Table] = field(default_factory=dict)
    actors: list[dict] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    shards: dict[str, str] = field(default_factory=dict)  # table -> Parquet file (Dask runner)


_PIPELINES: dict[tuple[tuple[str, ...], str], Pipeline] = {}


def worker_pipeline(stages: Sequence[str], config: dict | None = None) -> Pipeline:
    """Return the pipeline for ``stages`` and per-stage ``config``, built once per process (models
    load once per worker), with the garbage collector tuned for it (:func:`settle_collector`)."""
    key = (tuple(stages), json.dumps(config or {}, sort_keys=True))
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline.build(key[0], config)
        settle_collector()
    return _PIPELINES[key]


def run_pipeline(pipeline: Pipeline, docs: list[Document], budget: float | None = DEFAULT_STAGE_SECONDS,
                 per_document: float = BATCH_SECONDS_PER_DOCUMENT) -> Iterator[Document | Rejected]:
    """Run ``pipeline`` over ``docs``; a document that fails or overruns is rejected, the rest go on.

    The policy is :meth:`parley.pipeline.Pipeline.run`'s; a failure becomes a quarantine entry
    naming the document and the stage.
    """
    for item in pipeline.run(docs, budget, per_document):
        if isinstance(item, StageFailure):
            yield Rejected(item.doc.source or item.doc.id, None, item.reason, item.detail)
        else:
            yield item


def share_known_actors(pipeline: Pipeline, actors: list[dict]) -> None:
    """Give actors learned from earlier documents to every stage that can use them."""
    for component in pipeline.components:
        if hasattr(component, "add_known"):
            component.add_known(actors)


def process_batch(triples: list[Triple], stages: Sequence[str], pipeline: Pipeline | None = None,
                  known_actors: list[dict] | None = None, config: dict | None = None) -> BatchResult:
    """Run the pipeline over one batch and turn the documents into table rows.

    :param triples: ``(document, duplicate_of, minhash)`` for each document.
    :param stages: stage names (used when ``pipeline`` is not given).
    :param known_actors: actors learned earlier, handed to the actor stage once.
    :param config: per-stage keyword arguments (see :meth:`Pipeline.build`).
    """
    pipeline = pipeline or worker_pipeline(stages, config)
    if known_actors:
        share_known_actors(pipeline, known_actors)
    links = {doc.id: (dup, sig) for doc, dup, sig in triples}
    done = list(run_pipeline(pipeline, [doc for doc, _, _ in triples])) if triples else []
    docs = [d for d in done if isinstance(d, Document)]
    result = BatchResult(rejected=[d for d in done if isinstance(d, Rejected)])
    result.tables = writes.document_tables([(d, *links[d.id]) for d in docs], block_of=block_key)
    result.actors = writes.new_actors(docs)
    return result


def process_batch_to_shards(triples: list[Triple], stages: Sequence[str], shard_dir: str, name: str,
                            known_actors: list[dict] | None = None, config: dict | None = None) -> BatchResult:
    """Like :func:`process_batch`, but write the tables as Parquet shards and return their paths."""
    result = process_batch(triples, stages, known_actors=known_actors, config=config)
    paths = {}
    for table, data in result.tables.items():
        path = Path(shard_dir) / f"{name}.{table}.parquet"
        pq.write_table(data, path)
        paths[table] = str(path)
    result.tables, result.shards = {}, paths
    return result


def load_shards(result: BatchResult) -> BatchResult:
    """Read the Parquet shards a Dask worker wrote back into ``result.tables``."""
    result.tables = {table: pq.read_table(path) for table, path in result.shards.items()}
    for path in result.shards.values():
        os.unlink(path)
    return result


class LocalRunner:
    """Runs each batch in this process, with a pipeline built once."""

    def __init__(self, stages: Sequence[str], pipeline: Pipeline | None = None, known_actors: list[dict] | None = None,
                 config: dict | None = None):
        self.stages = tuple(stages)
        self.pipeline = pipeline or Pipeline.build(self.stages, config)
        settle_collector()
        self.known_actors = known_actors

    def __enter__(self) -> "LocalRunner":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def submit(self, triples: list[Triple], context: Any) -> Iterator[tuple[BatchResult, Any]]:
        known, self.known_actors = self.known_actors, None
        yield process_batch(triples, self.stages, self.pipeline, known), context

    def drain(self) -> Iterator[tuple[BatchResult, Any]]:
        return iter(())


class _QueueRunner:
    """Keeps a bounded window of batches in flight and yields results in submission order."""

    window: int = 4

    def __init__(self, stages: Sequence[str], known_actors: list[dict] | None = None, config: dict | None = None):
        self.stages = tuple(stages)
        self.known_actors = known_actors or []
        self.config = config
        self.pending: deque = deque()

    def _start(self, triples: list[Triple]) -> Any:
        raise NotImplementedError

    def _result(self, future: Any) -> BatchResult:
        raise NotImplementedError

    def submit(self, triples: list[Triple], context: Any) -> Iterator[tuple[BatchResult, Any]]:
        self.pending.append((self._start(triples), context))
        while len(self.pending) > self.window:
            future, ctx = self.pending.popleft()
            yield self._result(future), ctx

    def drain(self) -> Iterator[tuple[BatchResult, Any]]:
        while self.pending:
            future, ctx = self.pending.popleft()
            yield self._result(future), ctx


def _start_worker(stages: Sequence[str], config: dict | None, known_actors: list[dict]) -> None:
    """Build a pool worker's pipeline and give it the actors learned before the run, once."""
    pipeline = worker_pipeline(stages, config)
    if known_actors:
        share_known_actors(pipeline, known_actors)


class PoolRunner(_QueueRunner):
    """Runs batches in a local pool of ``workers`` processes, each loading the models once.

    The actors learned before the run go to each worker once, when it starts, not with every
    batch: they grow with the database (1.7 KB a document at 20,000 documents), and sending them
    with each batch cost the writer and every worker CPU in proportion to them."""

    def __init__(self, stages: Sequence[str], workers: int, known_actors: list[dict] | None = None,
                 config: dict | None = None):
        super().__init__(stages, known_actors, config)
        self.workers = workers
        self.window = 2 * workers

    def __enter__(self) -> "PoolRunner":
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: workers must not inherit a DuckDB handle or spaCy state from the parent
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"),
                                        initializer=_start_worker,
                                        initargs=(self.stages, self.config, self.known_actors))
        self.known_actors = []      # the workers have them; this process need not keep them
        return self

    def __exit__(self, *exc: Any) -> None:
        self.pool.shutdown(cancel_futures=True)

    def _start(self, triples: list[Triple]) -> Any:
        return self.pool.submit(process_batch, triples, self.stages, None, None, self.config)

    def _result(self, future: Any) -> BatchResult:
        return future.result()


class DaskRunner(_QueueRunner):
    """Runs batches on a Dask cluster (a LocalCluster when no scheduler address is given).

    Workers write Parquet shards into a shared folder; the main process loads them.
    """

    def __init__(self, stages: Sequence[str], scheduler: str | None = None, workers: int = 2,
                 shard_dir: str | None = None, known_actors: list[dict] | None = None, config: dict | None = None):
        super().__init__(stages, known_actors, config)
        self.scheduler = scheduler
        self.workers = workers
        self.window = 2 * workers
        self.shard_dir = shard_dir
        self.counter = 0

    def __enter__(self) -> "DaskRunner":
        from dask.distributed import Client, LocalCluster

        if self.scheduler:
            self.cluster = None
            self.client = Client(self.scheduler)
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self._tmp = None
        if self.shard_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="parley-shards-")
            self.shard_dir = self._tmp.name
        return self

    def __exit__(self, *exc: Any) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def _start(self, triples: list[Triple]) -> Any:
        self.counter += 1
        return self.client.submit(process_batch_to_shards, triples, self.stages, self.shard_dir,
                                  f"batch{self.counter:06d}", self.known_actors, self.config, pure=False)

    def _result(self, future: Any) -> BatchResult:
        return load_shards(future.result())


def make_runner(engine: str, stages: Sequence[str], workers: int = 1, scheduler: str | None = None,
                pipeline: Pipeline | None = None, known_actors: list[dict] | None = None,
                shard_dir: str | None = None, config: dict | None = None):
    """Return the runner for ``engine`` (``local`` or ``dask``); ``workers > 1`` uses a process pool.

    :param shard_dir: where Dask workers write their Parquet shards: a folder every worker and
      this process can reach (a shared file system) when the cluster spans machines.
    :param config: per-stage keyword arguments for the pipeline every worker builds.
    """
    if engine == "dask":
        return DaskRunner(stages, scheduler=scheduler, workers=max(workers, 1), known_actors=known_actors,
                          shard_dir=shard_dir, config=config)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose local or dask")
    if workers > 1:
        return PoolRunner(stages, workers, known_actors=known_actors, config=config)
    return LocalRunner(stages, pipeline=pipeline, known_actors=known_actors, config=config)
