"""Maintenance: python manage.py remind | cancel ID | whoami"""

from clinic import create_app, db
from clinic.cli import cli


def main():
    app = create_app()
    with app.app_context():
        app.logger.info("clinic database: %s", db.engine.url)
    cli()


if __name__ == "__main__":
    main()
