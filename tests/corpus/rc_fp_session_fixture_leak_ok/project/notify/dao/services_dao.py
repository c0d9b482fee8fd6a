from flask import current_app

from notify import db
from notify.models import Service


def dao_fetch_service_by_id(service_id):
    return db.session.get(Service, service_id)


def dao_count_live_services():
    return Service.query.filter_by(active=True).count()


def dao_services_left():
    return current_app.config["SERVICE_LIMIT"] - db.session.scalar(db.select(db.func.count(Service.id)))
