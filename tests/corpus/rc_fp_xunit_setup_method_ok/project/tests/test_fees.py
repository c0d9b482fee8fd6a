from lending.loans import open_loans, overdue_fee
from tests.library_test_case import LibraryTestCase


class TestFees(LibraryTestCase):
    config = {"TESTING": True, "DAILY_FEE_CENTS": 25}

    def setup_method(self, method):
        super().setup_method(method)
        self.app.config["LOAN_DAYS"] = 14

    def test_three_days_late(self):
        assert overdue_fee(3) == 75

    def test_new_member_has_no_loans(self, f_members):
        assert open_loans(self.ana) == []
