"""Print the monthly usage report of the current tenant: python scripts/monthly_report.py"""

from saas import create_app
from saas.tenancy import current_tenant


def build_report():
    return f"{current_tenant.name}: {current_tenant.seats} seats in use"


if __name__ == "__main__":
    app = create_app()
    print(build_report())
