"""The one exception family of the project, and the exit code each maps to.

The library raises these; only ``kg.cli`` turns them into messages and exit
codes, so scripts that import ``kg`` get exceptions, never ``sys.exit``.
"""

EXIT_OK = 0
EXIT_FEEDS_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_STORE = 4


class KGError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = EXIT_USAGE


class ConfigError(KGError):
    """A feeds file or setting is invalid; the message names file, line and problem."""


class ModelNotFoundError(KGError):
    """No usable spaCy model is installed."""


class FetchError(KGError):
    """A feed or page could not be fetched within the limits."""

    exit_code = EXIT_FEEDS_FAILED


class FeedParseError(KGError):
    """A fetched body is not a usable RSS or Atom feed."""

    exit_code = EXIT_FEEDS_FAILED


class StoreError(KGError):
    """The store is missing, corrupt, or from a newer version of kg."""

    exit_code = EXIT_STORE


class StoreLockedError(StoreError):
    """Another ingestion holds the store's writer lock."""

    exit_code = EXIT_LOCKED


class BackfillError(KGError):
    """The Dask cluster cannot run a backfill: Dask missing, no workers, or workers with another extractor."""


class InputError(KGError):
    """An input file (JSONL, gold file) is malformed; the message names file and line."""


class NotFoundError(KGError):
    """A queried entity or event does not exist in the graph."""


class StaleGraphError(KGError):
    """The store changed other than by new articles (a re-extraction, a restore): the graph must be opened again."""
