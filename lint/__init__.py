"""doclint: a proofreading linter for Chinese documents."""

__version__ = "0.1.0"
