from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from flask import current_app

scheduler = BackgroundScheduler()


@scheduler.scheduled_job("interval", minutes=15, next_run_time=datetime.now(), id="refresh-rates")
def refresh_exchange_rates():
    config = current_app.config
    config["EXCHANGE_RATES"].update(config["RATE_SOURCE"])
    print(f"refreshed {len(config['EXCHANGE_RATES'])} exchange rates")
