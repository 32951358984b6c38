"""``python -m attrition``."""

from attrition.cli import main

main()
