"""``python -m lint`` is the same program as the ``doclint`` command."""

from lint.cli import main

main()
