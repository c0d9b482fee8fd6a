import oracle
from shop import create_app

app = create_app({"TESTING": True})
client = app.test_client()
oracle.observe(client.get, "/sitemap.xml")
oracle.observe(client.get, "/products/1/teapot")
