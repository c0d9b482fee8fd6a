from flask import current_app, g, request

UPLOADS = {}


def storage_prefix():
    """Where files of the current tenant live; falls back to the tenant header when no hook ran."""
    if "tenant" not in g:
        return request.headers.get("X-Tenant", "shared")
    return g.tenant


def save(name, data):
    UPLOADS.setdefault(storage_prefix(), []).append((name, data))


def prune():
    keep = current_app.config["UPLOAD_RETENTION"]
    files = UPLOADS.setdefault(storage_prefix(), [])
    del files[:-keep]
    return len(files)
