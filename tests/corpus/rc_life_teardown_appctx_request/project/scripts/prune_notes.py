"""Keep only the newest notes: python scripts/prune_notes.py"""

from flask import current_app

from notes import create_app
from notes.db import NOTES, get_connection

if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        keep = current_app.config["NOTES_KEEP"]
        current = get_connection().fetch_all()
        NOTES[:] = current[-keep:]
    print(f"kept {len(NOTES)} notes")
