import os
import tempfile

from flask import current_app


def key_type_allowed(key_type):
    return key_type in current_app.config["PKI_ALLOWED_KEY_TYPES"]


def scratch_file(suffix=".pem"):
    fd, path = tempfile.mkstemp(suffix=suffix, dir=current_app.config["PKI_TMP_DIR"])
    os.close(fd)
    return path
