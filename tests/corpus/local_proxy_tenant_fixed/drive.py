import oracle
from saas import create_app

# python scripts/monthly_report.py globex
oracle.run_script("scripts/monthly_report.py", ["globex"])

client = create_app().test_client()
oracle.observe(client.get, "/dashboard", headers={"X-Tenant": "globex"})
