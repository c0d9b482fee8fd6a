import posixpath

from flask import current_app, request

from app.pool import pooled


@pooled
def make_thumbnail(photo_id, size):
    root = current_app.config["MEDIA_ROOT"]
    fmt = request.args.get("format", "jpg")
    return posixpath.join(root, "thumbs", f"{photo_id}_{size}.{fmt}")
