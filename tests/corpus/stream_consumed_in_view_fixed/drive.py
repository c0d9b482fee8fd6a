import oracle
from logsearch import create_app

client = create_app().test_client()
# the WSGI server iterates each body after its view returned
for url in ("/logs/entries?level=INFO", "/logs/search?q=payment", "/logs/severity", "/logs/levels", "/logs/rows"):
    response = oracle.observe(client.get, url)
    if response is not None:
        oracle.observe(response.get_data)
