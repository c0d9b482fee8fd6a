from flask import Flask, jsonify

app = Flask(__name__)
app.config.from_mapping(
    EXCHANGE_RATES={"EUR": 1.0},
    RATE_SOURCE={"USD": 1.08, "GBP": 0.85, "JPY": 168.2},
)


@app.get("/rates")
def rates():
    return jsonify(app.config["EXCHANGE_RATES"])
