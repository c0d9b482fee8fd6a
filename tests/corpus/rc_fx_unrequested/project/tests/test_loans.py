from datetime import date, timedelta

from lending.loans import due_date, is_overdue


def test_due_date_endpoint(client):
    assert client.get("/loans/due/2024-03-01").get_json() == {"due": "2024-03-08"}


def test_not_overdue_on_due_day():
    assert not is_overdue(date(2024, 3, 1), timedelta(days=7), today=date(2024, 3, 8))


def test_overdue_after_period(client, loan_period):
    assert is_overdue(date(2024, 3, 1), loan_period, today=date(2024, 3, 9))
    assert client.get("/loans/due/2024-03-01").get_json() == {"due": due_date(date(2024, 3, 1), loan_period).isoformat()}
