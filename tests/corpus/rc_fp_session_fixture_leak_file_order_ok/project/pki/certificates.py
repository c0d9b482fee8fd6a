from pki import db
from pki.models import Certificate


def import_certificate(serial, common_name, key_type):
    cert = Certificate(serial=serial, common_name=common_name, key_type=key_type)
    db.session.add(cert)
    db.session.commit()
    return cert


def get_by_serial(serial):
    return Certificate.query.filter_by(serial=serial).first()
