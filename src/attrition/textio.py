"""Reading inputs: a file or stdin as bytes, gzip unwrapped, UTF-8 decoded, errors naming it."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from attrition.errors import InputError, SourceFormatError

GZIP_MAGIC = b"\x1f\x8b"
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article")
HTML_SNIFF_BYTES = 2048


def looks_like_html(name: str, content: bytes) -> bool:
    """True when a file's name or its first bytes say it is an HTML page."""
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    head = content[:HTML_SNIFF_BYTES].lstrip().lower()
    return head.startswith(b"<") and any(mark in head for mark in HTML_MARKS)


def gunzip_if_compressed(content: bytes, name: str) -> bytes:
    """``content`` un-gzipped when it starts with the gzip magic number, else as it is."""
    if content[:2] != GZIP_MAGIC:
        return content
    try:
        return gzip.decompress(content)
    except (OSError, EOFError) as exc:
        raise SourceFormatError(f"{name}: broken gzip file: {exc}") from None


def decode_text(content: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark dropped), or an error naming the first bad byte."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceFormatError(
            f"{name}: not UTF-8 text (byte {exc.start}: {content[exc.start : exc.start + 1]!r})"
        ) from None


def read_input(source: str, *, hint: str) -> tuple[bytes, str]:
    """The bytes of file ``source`` (``-`` reads stdin) and its name for messages.

    A missing, directory or unreadable path is an ``InputError`` naming it, with ``hint``
    saying what the command expects instead.
    """
    if source == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    try:
        return Path(source).read_bytes(), source
    except FileNotFoundError:
        raise InputError(f"{source}: no such file", hint=hint) from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory; expected a text or HTML file") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
