from flask import Flask

app = Flask(__name__)
app.config.from_mapping(AVATAR_SIZES=[32, 64, 256])

import views  # noqa: E402,F401
