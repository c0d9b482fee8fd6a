import oracle
from gallery import create_app

# the web app; the upload view starts the thumbnail thread
client = create_app().test_client()
oracle.observe(client.post, "/photos", data={"name": ["cat.jpg", "dog.jpg"]})
oracle.wait_threads()

# cron: python scripts/cleanup.py
oracle.run_script("scripts/cleanup.py")
