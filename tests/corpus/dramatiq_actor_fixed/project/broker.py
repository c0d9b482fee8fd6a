import os

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker

if os.getenv("UNIT_TESTS") == "1":
    broker = StubBroker()
else:
    broker = RedisBroker(url=os.getenv("REDIS_URL", "redis://localhost:6379/0"))

dramatiq.set_broker(broker)
