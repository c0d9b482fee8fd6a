from app.extensions import db
from app.models import Article


class SearchIndex:
    def __init__(self):
        self.terms = {}

    def rebuild(self):
        articles = db.session.execute(db.select(Article)).scalars().all()
        self.terms = {word.lower(): a.id for a in articles for word in a.title.split()}
        print(f"indexed {len(self.terms)} terms")


search_index = SearchIndex()
