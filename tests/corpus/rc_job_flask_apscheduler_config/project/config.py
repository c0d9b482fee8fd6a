import os
from datetime import datetime


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite://")
    SCHEDULER_API_ENABLED = False
    JOBS = [
        {
            "id": "expire-invites",
            "func": "app.jobs:expire_invites",
            "trigger": "interval",
            "minutes": 15,
            "next_run_time": datetime.now(),
        }
    ]
