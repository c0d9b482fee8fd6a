import oracle
from app import create_app

app = create_app()
oracle.observe(app.test_client().post, "/exports")
oracle.wait_threads()
