from flask import request

from app import app, db
from models import Product
from tasks import rebuild_search_index, recount_stock


@app.post("/products")
def add_product():
    db.session.add(Product(name=request.form["name"], stock=int(request.form["stock"])))
    db.session.commit()
    recount_stock.delay()
    return "created", 201


@app.post("/admin/reindex")
def reindex():
    rebuild_search_index.delay()
    return "queued", 202
