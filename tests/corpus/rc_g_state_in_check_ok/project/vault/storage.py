from flask import current_app, g, request

UPLOADS = {}


def storage_prefix():
    """Where files of the current tenant live; background work uses the shared area."""
    if "tenant" not in g:
        return "shared"
    return f"{g.tenant}/{request.headers.get('X-Region', 'eu')}"


def save(name, data):
    UPLOADS.setdefault(storage_prefix(), []).append((name, data))


def prune():
    keep = current_app.config["UPLOAD_RETENTION"]
    files = UPLOADS.setdefault(storage_prefix(), [])
    del files[:-keep]
    return len(files)
