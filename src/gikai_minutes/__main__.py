"""``python -m gikai_minutes``: the same as the ``gikai-minutes`` command."""

import sys

from gikai_minutes._cli import main

sys.exit(main())
