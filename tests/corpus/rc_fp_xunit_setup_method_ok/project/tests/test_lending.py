from datetime import date, timedelta

from lending.loans import lend, open_loans
from tests.library_test_case import LibraryTestCase


class TestLending(LibraryTestCase):
    def test_loan_is_due_in_three_weeks(self, f_books):
        loan = lend(self.dune, self.ana)
        assert loan.due == date.today() + timedelta(days=21)

    def test_open_loans_of_member(self, f_books):
        lend(self.emma, self.bo)
        assert [loan.book_id for loan in open_loans(self.bo)] == [self.emma.id]

    def test_books_page(self, f_books):
        assert self.client.get("/books").get_json() == ["Dune", "Emma"]
