import dramatiq
from flask import current_app

import broker  # noqa: F401  (sets the global broker before the actors are declared)


@dramatiq.actor(max_retries=0)
def resize_avatar(user_id, filename):
    sizes = current_app.config["AVATAR_SIZES"]
    for size in sizes:
        print(f"user {user_id}: {filename} -> {size}x{size}")
