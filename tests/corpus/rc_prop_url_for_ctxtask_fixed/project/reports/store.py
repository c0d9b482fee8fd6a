from reports.models import Report

REPORTS = {
    1: Report(1, "Q1 revenue", "cfo@example.com", ready=True),
    2: Report(2, "Churn by plan", "growth@example.com"),
}
OUTBOX = []


def ready_reports():
    return [report for report in REPORTS.values() if report.ready]
