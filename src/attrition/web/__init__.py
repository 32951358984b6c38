"""The web layer: JSON API (``api``), HTML pages (``pages``), built by ``create_app``."""

from attrition.web.app import create_app

__all__ = ["create_app"]
