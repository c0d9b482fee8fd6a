import oracle
from make_celery import celery_app, flask_app

# celery beat publishes the price list every morning
oracle.observe(celery_app.tasks["shop.publish_price_list"].apply, throw=True)

# the web app
oracle.observe(flask_app.test_client().get, "/prices", headers={"X-Staff": "ops"})
