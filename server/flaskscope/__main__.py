import sys

from flaskscope.cli import main

sys.exit(main())
