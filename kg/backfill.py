"""Backfill: extract every stored article that has no extraction from this extractor version, on a Dask cluster.

The client (this process) is the only one that touches the store. It reads the
ids of the pending articles, cuts them into partitions, and sends each
partition's articles to the cluster; a worker extracts them with the extractor
it loaded once (one per worker process, kept at module level) and sends the
extractions back. The client writes each partition's extractions in one
transaction, keyed by article id (a second write of the same article replaces
the first), so every extraction lands exactly once:

- a worker killed mid-partition sends nothing back, and nothing of that
  partition is written; Dask runs the partition again on another worker (up to
  ``distributed.scheduler.allowed-failures`` times);
- a partition that still fails is reported (``BackfillReport.failed``) and the
  others go on; its articles are still pending, so running again finishes them;
- the client dying at any point leaves whole partitions written or not at all.

Workers never read the store, so they need no access to it: a SQLite file on
the client's disk works with a remote cluster.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

from .errors import BackfillError
from .extract import Extractor
from .models import Article, Extraction
from .store import Store

log = logging.getLogger(__name__)

PARTITION_SIZE = 200  # articles per task at most: seconds of work, small enough that a lost one costs little
PARTITIONS_PER_THREAD = 4  # at least, so that a small backfill still keeps every worker busy to the end
IN_FLIGHT = 2  # partitions submitted per worker thread: a bounded look-ahead keeps the client's memory flat


@dataclass(frozen=True)
class PartitionFailure:
    index: int
    articles: int
    error: str


@dataclass
class BackfillReport:
    extractor: str  # the version the extractions were made with
    pending: int = 0  # articles without an extraction from that version at the start
    extracted: int = 0  # articles whose extractions were written
    partitions: int = 0
    workers: int = 0
    seconds: float = 0.0
    failed: list[PartitionFailure] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.extracted / self.seconds if self.seconds else 0.0


def backfill(store: Store, client, *, model: str | None = None, partition_size: int | None = None,
             extractor_factory: Callable[[str | None], Extractor] = Extractor,
             progress: Callable[[BackfillReport], None] | None = None) -> BackfillReport:
    """Extract, on the cluster behind the Dask ``client``, every article of ``store`` pending for its extractor.

    ``partition_size`` articles per task (default: ``PARTITION_SIZE``, less when
    there are fewer than ``PARTITIONS_PER_THREAD`` partitions per worker thread);
    ``extractor_factory(model)`` is called once per worker process (it must be
    picklable: a class or a module-level function); ``progress`` is called with
    the report after each partition.
    """
    if partition_size is not None and (not isinstance(partition_size, int) or partition_size < 1):
        raise ValueError(f"partition_size={partition_size!r} is invalid; use an integer >= 1")
    from distributed import as_completed

    started = time.monotonic()
    version, workers = _load_extractors(client, extractor_factory, model)
    ids = store.unextracted_ids(version)
    threads = sum(client.nthreads().values())
    if partition_size is None:
        partition_size = max(1, min(PARTITION_SIZE, -(-len(ids) // (PARTITIONS_PER_THREAD * threads))))
    parts = [ids[i:i + partition_size] for i in range(0, len(ids), partition_size)]
    report = BackfillReport(version, pending=len(ids), partitions=len(parts), workers=workers)
    log.info("backfill: %d articles pending for %s, %d partitions on %d workers", len(ids), version, len(parts),
             workers)
    run = uuid.uuid4().hex[:8]
    limit = max(2, IN_FLIGHT * threads)
    running: dict = {}  # future -> partition index
    done = as_completed()
    next_part = 0

    def submit_more() -> None:
        nonlocal next_part
        while len(running) < limit and next_part < len(parts):
            articles = list(store.articles(ids=parts[next_part]))
            future = client.submit(_extract_partition, articles, extractor_factory, model, pure=False,
                                   key=f"kg-backfill-{run}-{next_part}")
            running[future] = next_part
            done.add(future)
            next_part += 1

    submit_more()
    for future in done:
        i = running.pop(future)
        try:
            made_by, extractions = future.result()
            if made_by != version:
                raise BackfillError(f"a worker runs extractor {made_by}, not {version}")
        except Exception as exc:  # the worker's error or its death (KilledWorker): the partition waits for a rerun
            report.failed.append(PartitionFailure(i, len(parts[i]), f"{type(exc).__name__}: {exc}"))
            log.warning("backfill partition %d (%d articles) failed: %s: %s", i, len(parts[i]),
                        type(exc).__name__, exc)
        else:
            store.save_extractions(extractions, version)
            report.extracted += len(extractions)
        future.release()
        report.seconds = time.monotonic() - started
        if progress:
            progress(report)
        submit_more()
    report.seconds = time.monotonic() - started
    return report


def set_dask_log_level(level: int) -> None:
    """Dask's own loggers (which importing Dask sets to INFO) to ``level``."""
    try:
        import distributed  # noqa: F401  first: importing it sets its level
    except ImportError:
        return
    logging.getLogger("distributed").setLevel(level)


@contextmanager
def connect(*, scheduler: str | None = None, workers: int | None = None) -> Iterator[object]:
    """A Dask client: of the scheduler at ``scheduler``, or of a local cluster of ``workers`` processes.

    Local workers have one thread each: a spaCy pipeline is not shared between threads.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BackfillError("kg backfill needs Dask: pip install 'kg-crypto-news[distributed]'") from None
    if scheduler and workers:
        raise ValueError("give a scheduler address or a number of local workers, not both")
    if scheduler:
        try:
            client = Client(scheduler, timeout=30)
        except OSError as exc:
            raise BackfillError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


# on the workers ------------------------------------------------------------------------

_extractors: dict = {}  # (factory, model) -> the extractor this worker process loaded
_lock = threading.Lock()  # one extraction at a time per process, whatever the worker's thread count


def _extractor(factory, model):
    with _lock:
        key = (factory, model)
        if key not in _extractors:
            _extractors[key] = factory(model)
        return _extractors[key]


def _version(factory, model) -> str:
    return _extractor(factory, model).version


def _extract_partition(articles: list[Article], factory, model) -> tuple[str, list[Extraction]]:
    extractor = _extractor(factory, model)
    with _lock:
        return extractor.version, list(extractor.extract(articles))


def _load_extractors(client, factory, model) -> tuple[str, int]:
    """Load the extractor on every worker now (in parallel); the version they agree on and their number."""
    workers = list(client.nthreads())
    if not workers:
        raise BackfillError("the Dask cluster has no workers")
    futures = [client.submit(_version, factory, model, workers=[w], allow_other_workers=False, pure=False)
               for w in workers]
    versions = sorted(set(client.gather(futures)))
    if len(versions) > 1:
        raise BackfillError(f"the workers run different extractors ({', '.join(versions)}); install the same kg "
                            f"and model on every worker")
    return versions[0], len(workers)
