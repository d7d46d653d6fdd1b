"""parley: structured, sourced records of negotiations from news text.

See README.md for a tour. The public Python API lives in :mod:`parley.api` and is
re-exported here.
"""

from parley.api import Database, code, document_report, evaluate, inspect, process_text
from parley.version import __version__

__all__ = ["Database", "code", "document_report", "evaluate", "inspect", "process_text", "__version__"]
