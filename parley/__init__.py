"""parley: structured, sourced records of negotiations from news text.

See README.md for a tour. The public Python API lives in :mod:`parley.api` and is
re-exported here.
"""

__version__ = "0.1.0"
