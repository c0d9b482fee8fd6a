from flask import Blueprint, jsonify

from board.cache import cache_delete, cache_get, cache_set, make_cache_key

bp = Blueprint("scoreboard", __name__)

SCORES = {"red": 1200, "blue": 950}


@bp.get("/scoreboard")
def scoreboard():
    key = make_cache_key()
    standings = cache_get(key)
    if standings is None:
        standings = sorted(SCORES.items(), key=lambda item: -item[1])
        cache_set(key, standings)
    return jsonify(standings)


def clear_scoreboard():
    cache_delete(make_cache_key(path=bp.name + "." + "scoreboard"))
