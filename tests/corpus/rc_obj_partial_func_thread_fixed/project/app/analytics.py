from flask import request


def track_event(name, endpoint, **props):
    agent = request.headers.get("User-Agent", "-")
    print(f"POST {endpoint} event={name} agent={agent} props={props}")
