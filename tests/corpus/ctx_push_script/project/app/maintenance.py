from app import db
from app.models import Article


def slugify(title):
    return "-".join(title.lower().split())


def backfill_slugs():
    missing = db.session.execute(db.select(Article).where(Article.slug.is_(None))).scalars().all()
    for article in missing:
        article.slug = slugify(article.title)
    return len(missing)
