import oracle
from shop import create_app

app = create_app()
oracle.wait_threads()  # the catalog loader logs at startup, before any traffic

# flask --app shop reprice --percent 5
oracle.cli_result(app.test_cli_runner().invoke(args=["reprice", "--percent", "5"]))

client = app.test_client()
oracle.observe(client.get, "/products/tea", headers={"X-User": "ada"})
oracle.observe(client.get, "/products/coffee")  # anonymous visitor: logged with the client address
