from flask import Flask

app = Flask(__name__)
app.config.from_mapping(
    REPORT_CURRENCY="EUR",
    SALES={"2024-05": [1200, 310, 99], "2024-06": [870]},
)

import views  # noqa: E402,F401
