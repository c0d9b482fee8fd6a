import os

from flask import current_app
from redis import Redis
from rq.decorators import job

from app import app

redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


@job("reports", connection=redis_conn)
def build_monthly_report(month, sales):
    with app.app_context():
        currency = current_app.config["REPORT_CURRENCY"]
    report = f"{month}: {sum(sales)} {currency} over {len(sales)} orders"
    print(report)
    return report
