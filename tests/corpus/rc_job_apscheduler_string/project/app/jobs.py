"""Periodic jobs. The scheduler loads them by their "module:function" reference."""

from app.extensions import db
from app.models import DailyStat, PageView


def rollup_page_views():
    count = db.session.scalar(db.select(db.func.count(PageView.id)))
    db.session.add(DailyStat(views=count))
    db.session.commit()
    print(f"rolled up {count} page views")
