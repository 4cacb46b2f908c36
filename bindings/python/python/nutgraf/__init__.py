"""nutgraf: extractive summarization of news, and ROUGE with exactly the numbers of ROUGE-1.5.5
and Google's rouge-score, from a Rust engine."""

import os as _os

from . import _native, errors

__version__ = _native.__version__

if hasattr(_os, "register_at_fork"):
    # Worker threads do not survive fork(): the child builds its own (see pools.rs).
    _os.register_at_fork(after_in_child=_native.after_fork_in_child)
