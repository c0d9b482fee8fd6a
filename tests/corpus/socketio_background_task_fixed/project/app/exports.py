from flask import current_app

EXPORTS = {}


def build_export(app, report):
    with app.app_context():
        export_format = current_app.config["EXPORT_FORMAT"]
        EXPORTS[report] = f"{report}.{export_format}"
