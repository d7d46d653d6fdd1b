"""Converters that turn the field's published knowledge into parley's own data files.

Each converter reads a source distribution (for example the Phoenix/PETRARCH-2
dictionaries), writes parley's knowledge format under ``parley/data/`` with its licence and
provenance, and reports, with file and line, what it could not parse. They are rerunnable:
the same source gives byte-identical output.
"""
