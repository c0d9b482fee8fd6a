import pytest


@pytest.mark.usefixtures("app_ctx")
class BillingTests:
    """Base for billing test classes: every test method runs inside the app context."""

    prefix = "INV"
