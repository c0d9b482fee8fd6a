import posixpath

from flask import current_app

from app.pool import pooled


@pooled
def make_thumbnail(photo_id, size):
    root = current_app.config["MEDIA_ROOT"]
    return posixpath.join(root, "thumbs", f"{photo_id}_{size}.jpg")
