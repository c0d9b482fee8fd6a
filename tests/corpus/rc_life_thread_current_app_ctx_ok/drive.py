import oracle
from signup import create_app

oracle.observe(create_app().test_client().post, "/signup", data={"email": "new@example.com"})
oracle.wait_threads()
