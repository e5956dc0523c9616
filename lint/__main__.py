"""``python -m doclint`` is the same program as the ``doclint`` command."""

from doclint.cli import main

main()
