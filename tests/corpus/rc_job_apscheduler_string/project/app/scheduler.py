from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler

scheduler = BackgroundScheduler()


def init_scheduler(app):
    hours = app.config["ROLLUP_EVERY_HOURS"]
    # run once at startup, then on the interval; the job is referenced textually so this
    # module does not import the models at app-creation time
    scheduler.add_job("app.jobs:rollup_page_views", "interval", hours=hours, next_run_time=datetime.now(), id="rollup")
    scheduler.start()
