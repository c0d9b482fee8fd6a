import sqlite3

from flask import Flask, jsonify

app = Flask(__name__)
app.config.update(DATABASE="file:notes-one?mode=memory&cache=shared", NOTES_TABLE="note")

# the schema module builds its SQL from the config when it is imported
with app.app_context():
    from app import models

# keeps the shared in-memory database alive for the life of the process
_keeper = sqlite3.connect(app.config["DATABASE"], uri=True)


def connect():
    return sqlite3.connect(app.config["DATABASE"], uri=True)


def setup_db():
    with connect() as conn:
        conn.execute(models.SCHEMA)
        conn.execute(models.INSERT, ("hello from example one",))


@app.get("/notes")
def notes():
    setup_db()
    with connect() as conn:
        rows = conn.execute(models.SELECT_ALL).fetchall()
    return jsonify([{"id": i, "body": body} for i, body in rows])
