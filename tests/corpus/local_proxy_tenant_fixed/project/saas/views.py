from flask import Blueprint

from saas.tenancy import current_tenant

bp = Blueprint("dashboard", __name__)


@bp.get("/dashboard")
def dashboard():
    return {"tenant": current_tenant.name, "seats": current_tenant.seats}
