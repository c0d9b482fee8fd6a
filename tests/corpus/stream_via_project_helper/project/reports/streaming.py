import json

from flask import Response


def json_array_response(items, field):
    def chunks():
        yield '{"%s": [' % field
        for number, item in enumerate(items):
            yield ("," if number else "") + json.dumps(item)
        yield "]}"

    return Response(chunks(), mimetype="application/json")
