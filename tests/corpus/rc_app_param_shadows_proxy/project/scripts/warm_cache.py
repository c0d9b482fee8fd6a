"""Warm the template cache before a deploy: python scripts/warm_cache.py"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from newsletter import create_app  # noqa: E402
from newsletter.digest import warm_template_cache  # noqa: E402

if __name__ == "__main__":
    warm_template_cache(create_app())
