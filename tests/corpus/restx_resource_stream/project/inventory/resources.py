from flask import Response, current_app
from flask_restx import Namespace, Resource

from inventory.export import STOCK, iter_stock_csv

ns = Namespace("stock", description="Warehouse stock")


@ns.route("/")
class StockList(Resource):
    def get(self):
        return {"items": STOCK}


@ns.route("/export.csv")
class StockExport(Resource):
    def get(self):
        delimiter = current_app.config["EXPORT_DELIMITER"]
        return Response(iter_stock_csv(delimiter), mimetype="text/csv")
