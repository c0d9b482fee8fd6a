import oracle
from make_celery import celery_app, flask_app

# the worker runs what the web process queued (the web process sent the cart and language along)
oracle.observe(celery_app.tasks["shop.remind_abandoned_cart"].apply, args=["ana@example.com", ["mug"]], throw=True)
oracle.observe(celery_app.tasks["shop.refresh_quote"].apply, args=["mug", "de"], throw=True)

# the web app
client = flask_app.test_client()
oracle.observe(client.post, "/cart/mug")
oracle.observe(client.get, "/quote/tee", headers={"Accept-Language": "de-DE"})
