"""Worker entry point: celery -A worker.celery worker"""

from shop import create_app
from shop.search import reindex_carts

flask_app = create_app()
celery = flask_app.extensions["celery"]

# plain functions become tasks here, under the names the web app sends
celery.task(name="shop.reindex_carts")(reindex_carts)
