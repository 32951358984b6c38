"""Write endpoints under ``/api``: each needs the server's bearer token.

With no ``ATTRITION_API_TOKEN`` configured every write answers 403, so a
server started without thinking about it is read-only.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from attrition.errors import AccessDenied, InputError
from attrition.web.api import ERROR_RESPONSES

bearer = HTTPBearer(auto_error=False, description="The server's ATTRITION_API_TOKEN.")


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Refuse the request unless writes are on and it carries the server's token."""
    token = request.app.state.settings.api_token
    if not token:
        raise AccessDenied(
            "write endpoints are off: this server has no API token",
            hint="start the server with ATTRITION_API_TOKEN set to enable them",
        )
    offered = credentials.credentials if credentials else ""
    if not hmac.compare_digest(offered.encode(), token.encode()):
        raise AccessDenied(
            "missing or wrong bearer token",
            hint="send the header Authorization: Bearer <ATTRITION_API_TOKEN>",
        )


router = APIRouter(
    prefix="/api",
    tags=["write"],
    dependencies=[Depends(require_token)],
    responses={
        **ERROR_RESPONSES,
        403: {**ERROR_RESPONSES[400], "description": "Writes are off, or the token is wrong"},
    },
)


class ImportRequest(BaseModel):
    """What to import: only the bundled snapshot can be imported over the API."""

    bundled: bool = Field(True, description="Import the snapshot shipped with attrition.")


class ImportResult(BaseModel):
    """Statistics of each bundled input imported."""

    imported: dict[str, dict[str, Any]]


@router.post("/imports", summary="Import the bundled snapshot (idempotent)")
async def post_import(request: Request, body: ImportRequest) -> ImportResult:
    """Run the bundled importers; re-importing unchanged data changes nothing."""
    from attrition.sources.loaders import import_all_bundled

    if not body.bundled:
        raise InputError(
            "only the bundled snapshot can be imported over the API",
            hint='send {"bundled": true}, or use `attrition import` on the server',
        )
    results = await run_in_threadpool(import_all_bundled, request.app.state.ledger, progress=False)
    request.app.state.cache.invalidate()
    return ImportResult(imported=results)
