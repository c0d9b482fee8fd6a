import flask


def write_audit(action):
    request_id = flask.g.get("request_id", "-")
    print(f"audit [{request_id}] {action}")
