import flask


def write_audit(flask_app, action):
    with flask_app.app_context():
        request_id = flask.g.get("request_id", "-")
    print(f"audit [{request_id}] {action}")
