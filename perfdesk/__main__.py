"""``python -m perfdesk``: same as the ``perfdesk`` command."""

import sys

from perfdesk.launch import main

sys.exit(main())
