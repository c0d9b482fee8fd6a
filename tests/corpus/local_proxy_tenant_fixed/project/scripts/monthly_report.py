"""Print the monthly usage report of a tenant: python scripts/monthly_report.py SLUG"""

import sys

from saas import create_app
from saas.tenancy import current_tenant, load_tenant


def build_report():
    return f"{current_tenant.name}: {current_tenant.seats} seats in use"


if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        load_tenant(sys.argv[1] if len(sys.argv) > 1 else "acme")
        print(build_report())
