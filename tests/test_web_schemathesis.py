"""Property-based run over the OpenAPI spec: no generated request makes the API answer 5xx.

Schemathesis' own pytest integration (``from_fixture``) breaks on pytest 9, so
the test drives each operation's Hypothesis strategy itself.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from attrition.ledger import Ledger
from attrition.settings import Settings
from attrition.web import create_app

# Enough to hit every parameter's edges (empty, huge, unicode, negative) on each
# operation while keeping the whole run to a few seconds.
EXAMPLES_PER_OPERATION = 30


@pytest.fixture
def web_schema(sqlite_ledger: Ledger) -> schemathesis.BaseSchema:
    # No token: every write answers 403 before doing anything.
    app = create_app(sqlite_ledger, settings=Settings())
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_generated_request_makes_the_api_answer_a_server_error(
    web_schema: schemathesis.BaseSchema,
) -> None:
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) >= 1
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            if isinstance(case.body, dict) and case.body.get("url"):
                # Keep generated URLs off the network: a loopback address is refused
                # by the fetch rules before any connection is made.
                case.body["url"] = "http://127.0.0.1:9/generated"
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error])

        check()
