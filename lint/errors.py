"""Errors that stop doclint from doing its job (exit code 2).

Each one renders as a single line naming the file and the problem; the CLI
prints that line and never a traceback.
"""

from __future__ import annotations


class DoclintError(Exception):
    """Base class: something the user must fix before doclint can run."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem

    def __reduce__(self) -> tuple[type[DoclintError], tuple[str, str]]:
        # Parallel workers send errors back pickled; the default would call __init__ with one argument.
        return (type(self), (self.where, self.problem))


class InputError(DoclintError):
    """A document could not be read or decoded."""


class RuleError(DoclintError):
    """A rule file is malformed (``where`` is ``path:line``)."""


class ConfigError(DoclintError):
    """The configuration file is malformed."""


class InternalError(DoclintError):
    """A check failed on a document: a bug in doclint, reported as one line instead of a traceback."""
