import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.get, "/", headers={"X-User": "ann"})  # before_request + context_processor
oracle.observe(client.get, "/items/1", headers={"X-User": "ann"})  # MethodView.get
oracle.observe(client.post, "/items", json={"name": "Gadget"}, headers={"X-User": "bob"})  # MethodView.post
oracle.observe(client.get, "/items/99")  # errorhandler(404) via abort
