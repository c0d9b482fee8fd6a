import pytest

from app.billing import acting_user

pytestmark = [pytest.mark.usefixtures("app_ctx")]


class TestAttribution:
    def test_changes_are_attributed_to_system(self):
        assert acting_user() == "system"
