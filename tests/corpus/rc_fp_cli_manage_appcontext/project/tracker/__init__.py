import flask
from flask_sqlalchemy import SQLAlchemy

app = flask.Flask(__name__)
app.config.from_mapping(
    SQLALCHEMY_DATABASE_URI="sqlite://",
    ADMIN_GROUP="tracker-admins",
)
app.config.from_envvar("TRACKER_CONFIG", silent=True)

db = SQLAlchemy(app)


from tracker import models, views  # noqa: E402,F401
