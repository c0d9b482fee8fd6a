import json
from pathlib import Path

from flask import current_app


def load_settings(config):
    path = Path(config["SETTINGS_FILE"])
    if path.exists():
        config.update(json.loads(path.read_text()))


def on_reload(signum, frame):
    config = current_app.config
    load_settings(config)
    print(f"settings reloaded (signal {signum})")
