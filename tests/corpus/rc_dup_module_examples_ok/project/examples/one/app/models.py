from flask import current_app

TABLE = current_app.config["NOTES_TABLE"]

SCHEMA = f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"
INSERT = f"INSERT INTO {TABLE} (body) VALUES (?)"
SELECT_ALL = f"SELECT id, body FROM {TABLE} ORDER BY id"
