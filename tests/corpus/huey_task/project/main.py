# flask --app main run  /  huey_consumer main.huey
from app import app, db, huey  # noqa: F401
import models  # noqa: F401
import tasks  # noqa: F401
import views  # noqa: F401

with app.app_context():
    db.create_all()
