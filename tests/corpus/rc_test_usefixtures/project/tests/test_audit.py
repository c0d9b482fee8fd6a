import pytest

from app.billing import acting_user

pytestmark = [pytest.mark.filterwarnings("error")]


class TestAttribution:
    def test_changes_are_attributed_to_system(self):
        assert acting_user() == "system"
