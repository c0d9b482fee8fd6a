import oracle

# importing the forms module (the app imports it lazily), then the view that builds the form
forms = oracle.import_module("depot.forms")
from depot import create_app  # noqa: E402

app = create_app()
oracle.observe(app.test_client().get, "/ship")
