"""Print the SQLite version through the app's session, outside the app context."""

from sqlalchemy import text

from audit import create_app, db


def main():
    app = create_app()
    with app.app_context():
        session = db.session
    print(session.execute(text("select sqlite_version()")).scalar())


if __name__ == "__main__":
    main()
