import oracle
from app import create_app
from app.extensions import executor
from app.reports import jobs

app = create_app()
client = app.test_client()
response = oracle.observe(client.get, "/reports/3/download")
oracle.result_of(jobs[response.json["job"]])
counted = oracle.observe(client.get, "/reports/3/downloads")
print("downloads:", counted.json)
executor.shutdown(wait=True)  # as the process would at exit
