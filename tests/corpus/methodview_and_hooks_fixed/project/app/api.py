from flask import abort, g, jsonify, request
from flask.views import MethodView

from app.helpers import client_label

ITEMS = {1: {"id": 1, "name": "Widget", "owner": "ann"}}


class ItemAPI(MethodView):
    def get(self, item_id):
        item = ITEMS.get(item_id)
        if item is None:
            abort(404)
        return jsonify(item=item, viewer=g.user, client=client_label())

    def post(self):
        new_id = max(ITEMS) + 1
        ITEMS[new_id] = {"id": new_id, "name": request.get_json()["name"], "owner": g.user}
        return jsonify(ITEMS[new_id]), 201
