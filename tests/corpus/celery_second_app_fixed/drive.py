import oracle
from app import create_app
from app.reports_worker import build_report

app = create_app()
oracle.observe(app.extensions["ping"].apply, throw=True)
oracle.observe(build_report.apply, throw=True)
