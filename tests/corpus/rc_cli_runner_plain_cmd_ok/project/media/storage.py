from pathlib import Path

from flask import current_app


def thumb_path(name, size):
    return Path(current_app.config["THUMB_DIR"]) / f"{size}px" / name


def plan_thumbnails(names, size):
    return [str(thumb_path(name, size)) for name in names]
