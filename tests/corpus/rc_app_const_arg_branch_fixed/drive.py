import oracle
from cart import create_app
from cart.tasks import celery

client = create_app().test_client()
oracle.observe(client.post, "/cart/ana/items", data={"sku": "MUG-1"})
oracle.observe(client.delete, "/cart/ana/items/MUG-1")
oracle.observe(client.post, "/cart/ana/import", data={"sku": ["TEA-2", "POT-3"]})
oracle.wait_threads()

# `celery -A cart.tasks worker` runs the task it receives
oracle.observe(celery.tasks["cart.expire_item"].apply, args=("ana", "TEA-2"), throw=True)
