from datetime import date, timedelta


def due_date(borrowed_on, period):
    return borrowed_on + period


def is_overdue(borrowed_on, period, today=None):
    return (today or date.today()) > due_date(borrowed_on, period)


def default_period(days):
    return timedelta(days=days)
