import oracle
from app import create_app, socketio

app = create_app()

# a browser asks for an export over Socket.IO; the handler starts a background task
client = socketio.test_client(app)
oracle.observe(client.emit, "start_export", {"report": "sales"})
oracle.wait_threads()
print(client.get_received())
