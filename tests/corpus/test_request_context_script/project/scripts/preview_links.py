"""Print the pagination links the archive would render for page 2: python scripts/preview_links.py"""

from flask import request, url_for

from blog import create_app


def pagination_links():
    page = request.args.get("page", 1, type=int)
    previous = url_for("archive.index", page=page - 1)
    following = url_for("archive.index", page=page + 1)
    return previous, following


if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        for link in pagination_links():
            print(link)
