from flask import jsonify

import jobs
from app import app


@app.post("/reports/<month>")
def monthly_report(month):
    sales = app.config["SALES"].get(month, [])
    queued = jobs.build_monthly_report.delay(month, sales)
    return jsonify(job=queued.id), 202
