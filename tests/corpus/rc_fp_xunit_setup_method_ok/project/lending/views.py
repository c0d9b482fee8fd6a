from flask import Blueprint, jsonify

from lending.models import Book

bp = Blueprint("books", __name__)


@bp.get("/books")
def list_books():
    return jsonify([b.title for b in Book.query.order_by(Book.title)])
