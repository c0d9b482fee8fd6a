from reports.celery_app import celery
from reports.store import OUTBOX, ready_reports


@celery.task(name="reports.mail_ready_reports")
def mail_ready_reports():
    """Run by celery beat every hour: tell owners their reports can be downloaded."""
    for report in ready_reports():
        OUTBOX.append((report.owner_email, f"'{report.title}' is ready: {report.download_url}"))
    return len(OUTBOX)
