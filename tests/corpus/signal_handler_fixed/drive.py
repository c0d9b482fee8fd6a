import os
import signal

import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.get, "/banner")
# what `kill -USR1 <pid>` does to the running process
oracle.observe(os.kill, os.getpid(), signal.SIGUSR1)
