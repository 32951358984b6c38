"""Importers: one module per input format (``parse_*`` pure, ``fetch_*`` network)."""
