import gevent
from flask import Flask, copy_current_request_context, jsonify, request

app = Flask(__name__)

API_HITS = []


def record_hit(endpoint):
    API_HITS.append((endpoint, request.remote_addr, request.headers.get("X-Api-Key")))


@app.get("/api/quotes")
def quotes():
    gevent.spawn(copy_current_request_context(record_hit), "quotes")
    return jsonify(quotes=["Simple is better than complex."])


@app.get("/api/hits")
def hits():
    return jsonify(count=len(API_HITS))
