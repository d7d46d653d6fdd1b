"""parley's read-only web app; see :mod:`parley.web.app`."""
