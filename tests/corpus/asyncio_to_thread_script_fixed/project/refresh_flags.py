"""Print the feature flags: python refresh_flags.py"""

import asyncio

from app import create_app
from app.flags import refresh

app = create_app()

if __name__ == "__main__":
    with app.app_context():
        print(asyncio.run(refresh()))
