from flask import request
from werkzeug.local import LocalProxy

from tenants.models import ORGS


def _get_current_org():
    slug = request.view_args["org"]
    return ORGS[slug]


current_org = LocalProxy(_get_current_org)
