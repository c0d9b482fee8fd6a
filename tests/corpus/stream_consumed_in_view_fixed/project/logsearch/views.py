from flask import Blueprint, jsonify

from logsearch.feeds import iter_csv_rows, iter_levels, iter_matching_entries, iter_matching_lines, iter_severity

bp = Blueprint("logs", __name__, url_prefix="/logs")


@bp.get("/entries")
def entries():
    return jsonify(list(iter_matching_entries()))


@bp.get("/search")
def search():
    return "".join(iter_matching_lines())


@bp.get("/severity")
def severity():
    return {"n": sum(iter_severity())}


@bp.get("/levels")
def levels():
    items = sorted(iter_levels())
    return jsonify(items)


@bp.get("/rows")
def rows():
    return list(iter_csv_rows())
