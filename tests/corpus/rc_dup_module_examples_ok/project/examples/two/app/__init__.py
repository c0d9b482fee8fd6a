from flask import Flask, jsonify
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
db = SQLAlchemy(app)

from app.models import Note  # noqa: E402


def setup_db():
    with app.app_context():
        db.create_all()
        db.session.add(Note(body="hello from example two"))
        db.session.commit()


@app.get("/notes")
def notes():
    if not db.inspect(db.engine).has_table("note"):
        setup_db()
    return jsonify([{"id": n.id, "body": n.body} for n in db.session.scalars(db.select(Note))])
