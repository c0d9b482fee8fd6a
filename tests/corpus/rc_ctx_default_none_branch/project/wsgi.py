"""gunicorn wsgi:app"""

from tracker import create_app
from tracker.limits import RateLimiter

app = create_app()
login_limiter = RateLimiter(app)
