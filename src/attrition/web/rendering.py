"""The last step of every route: data → JSON, CSV or HTML bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from attrition.formatting import csv_cell, format_number
from attrition.taxonomy import CATEGORY_LABELS

TEMPLATES_DIR = Path(__file__).parent / "templates"


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dump_json(data: Any) -> bytes:
    """Serialise ``data`` (dates as ISO strings) with orjson."""
    return orjson.dumps(data, default=_json_default, option=orjson.OPT_NON_STR_KEYS)


def json_response(data: Any, *, status_code: int = 200) -> Response:
    """A JSON response from plain data."""
    return Response(dump_json(data), status_code=status_code, media_type="application/json")


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return dump_json(value).decode()
    return csv_cell(value)


def dump_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> bytes:
    """Rows as CSV with a header line; nested values as JSON text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue().encode("utf-8")


def format_change(value: Any) -> str:
    """``21`` → ``+21``; missing as an em dash."""
    if value is None:
        return "—"
    return f"{value:+,}" if isinstance(value, int) else f"{value:+,.2f}"


def format_when(value: Any) -> str:
    """A timestamp as ``2026-11-26 01:16 UTC``; a date as ``2026-11-26``; None as an em dash."""
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        moment = value.astimezone(dt.UTC) if value.tzinfo else value
        return f"{moment:%Y-%m-%d %H:%M} UTC"
    return str(value)


def category_label(name: str) -> str:
    """A category's label for people (``afv`` → ``Armoured combat vehicles``)."""
    return CATEGORY_LABELS.get(name, name.replace("_", " ").capitalize())


def _build_environment() -> Environment:
    # Autoescape everything: article text and titles are untrusted input.
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["number"] = format_number
    environment.filters["change"] = format_change
    environment.filters["category_label"] = category_label
    environment.filters["when"] = format_when
    environment.filters["tojson_attr"] = lambda value: dump_json(value).decode()
    return environment


environment = _build_environment()
templates = Jinja2Templates(env=environment)


def render_html(template: str, context: Mapping[str, Any]) -> bytes:
    """Render ``template`` with ``context`` to UTF-8 bytes (no request needed: cacheable)."""
    return environment.get_template(template).render(**context).encode("utf-8")
