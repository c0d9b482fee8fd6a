from flask import request, url_for


def current_page():
    return max(request.args.get("page", 1, type=int), 1)


def page_url(page):
    return url_for("main.articles", page=page)
