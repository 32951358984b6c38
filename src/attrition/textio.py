"""Reading input bytes as text: gzip unwrapped, UTF-8 decoded, errors naming the input."""

from __future__ import annotations

import gzip

from attrition.errors import SourceFormatError

GZIP_MAGIC = b"\x1f\x8b"


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
