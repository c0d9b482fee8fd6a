"""Print the feature flags: python refresh_flags.py"""

import asyncio

from app import create_app
from app.flags import refresh

app = create_app()

if __name__ == "__main__":
    print(asyncio.run(refresh()))
