"""The exceptions nutgraf raises.

Every error of the package is a :class:`NutgrafError`, and also the built-in exception a caller
would expect: a :class:`ValueError` for an invalid value (:class:`ConfigError` for options,
:class:`InputError` for data), a :class:`TypeError` for an argument of the wrong type
(:class:`InputTypeError`), an :class:`OSError` for a file that cannot be read
(:class:`ReadError`). Messages name the argument (``predictions[3]: expected str, got bytes``).
"""

from __future__ import annotations

__all__ = [
    "NutgrafError",
    "ConfigError",
    "InputError",
    "InputTypeError",
    "ReadError",
    "ModelError",
    "InternalError",
]


class NutgrafError(Exception):
    """Base class of every exception nutgraf raises."""


class ConfigError(NutgrafError, ValueError):
    """An invalid option or configuration (an unknown rouge type, method or field; a value out
    of range; a ROUGE-1.5.5 flag nutgraf does not implement)."""


class InputError(NutgrafError, ValueError):
    """An invalid value of an argument: lists of different lengths, a missing reference, a
    malformed record, an input too large to score."""


class InputTypeError(NutgrafError, TypeError):
    """An argument of the wrong type (``None``, ``bytes`` or a number where text is expected)."""


class ReadError(NutgrafError, OSError):
    """A file or directory that cannot be read."""


class ModelError(NutgrafError, ValueError):
    """A learned model that cannot be loaded or run."""


class InternalError(NutgrafError, RuntimeError):
    """A bug of nutgraf (please report it), or worker threads that cannot be started."""
