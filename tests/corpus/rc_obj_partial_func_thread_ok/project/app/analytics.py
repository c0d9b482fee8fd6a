from flask import request


def request_agent():
    return request.headers.get("User-Agent", "-")


def track_event(name, endpoint, agent, **props):
    print(f"POST {endpoint} event={name} agent={agent} props={props}")
