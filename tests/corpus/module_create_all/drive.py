import oracle

# `flask --app app run` / gunicorn app:app import the module first.
module = oracle.import_module("app")
if module is not None:
    client = module.app.test_client()
    oracle.observe(client.post, "/todos/write-tests")
    oracle.observe(client.get, "/todos")
