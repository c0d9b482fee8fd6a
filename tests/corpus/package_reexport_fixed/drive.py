import oracle
from app import create_app
from app.views import executor, jobs

app = create_app()
client = app.test_client()
response = oracle.observe(client.post, "/reports/2024-01")
oracle.result_of(jobs[response.json["job"]])
executor.shutdown(wait=True)
