"""``attrition serve`` and ``attrition demo``: the web dashboard and API."""

from __future__ import annotations

import gc
from typing import Annotated

import typer

from attrition.cli.application import app
from attrition.cli.options import DatabaseOption, open_ledger
from attrition.cli.output import console

HostOption = Annotated[
    str, typer.Option("--host", help="Address to listen on (loopback by default).")
]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")]
AccessLogOption = Annotated[
    bool, typer.Option("--access-log/--no-access-log", help="Log every request to stdout.")
]


def run_server(db: str | None, host: str, port: int, *, access_log: bool = False) -> None:
    """Serve the dashboard and API over the ledger at ``db`` until interrupted."""
    import uvicorn

    from attrition.web import create_app

    web_app = create_app(open_ledger(db), warm=True)
    # Everything loaded so far (Altair's schema alone is ~100k objects) lives as
    # long as the server: moving it out of the collector's reach keeps full
    # collections, and the latency spikes they cause, short.
    gc.collect()
    gc.freeze()
    console.print(f"Serving attrition on [bold]http://{host}:{port}/[/] (API docs at /docs)")
    uvicorn.run(web_app, host=host, port=port, access_log=access_log, log_level="warning")


@app.command()
def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    db: DatabaseOption = None,
    access_log: AccessLogOption = False,
) -> None:
    """Serve the web dashboard and the JSON API (OpenAPI docs at /docs).

    Example: attrition serve --host 127.0.0.1 --port 8000
    """
    run_server(db, host, port, access_log=access_log)


@app.command()
def demo(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    db: DatabaseOption = None,
    access_log: AccessLogOption = False,
) -> None:
    """Build the ledger from the bundled snapshot and example article, then serve it.

    Example: attrition demo --port 8000
    """
    from attrition.demo import load_demo_data

    summary = load_demo_data(open_ledger(db))
    for line in summary:
        console.print(line)
    run_server(db, host, port, access_log=access_log)
