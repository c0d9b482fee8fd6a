import os

from flask import current_app


def upload_dir(base=None):
    return base or current_app.config["UPLOAD_DIR"]


def thumb_size(explicit=None):
    return explicit if explicit is not None else current_app.config["THUMB_SIZE"]


def thumb_path(name, base=None, size=None):
    return os.path.join(upload_dir(base), "thumbs", f"{thumb_size(size)}-{name}")
