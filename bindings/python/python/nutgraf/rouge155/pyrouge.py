"""A drop-in for pyrouge's ``Rouge155`` class: the same attributes and methods, over the same
directories and filename patterns, with ROUGE-1.5.5's numbers computed by nutgraf (no Perl, no
ROUGE installation, no temporary files).

Switch an existing pyrouge script by its import line: ``from pyrouge import Rouge155`` becomes
``from nutgraf.rouge155.pyrouge import Rouge155``::

    r = Rouge155()
    r.system_dir = "path/to/system_summaries"
    r.model_dir = "path/to/model_summaries"
    r.system_filename_pattern = r"some_name.(\\d+).txt"
    r.model_filename_pattern = "some_name.[A-Z].#ID#.txt"
    output = r.convert_and_evaluate()
    print(output)
    output_dict = r.output_to_dict(output)

As in pyrouge: system files are the files of ``system_dir`` whose names match
``system_filename_pattern`` (``re.match``), in sorted name order, numbered 1..N as EVAL IDs;
the references of each are the files of ``model_dir`` matching ``model_filename_pattern`` with
``#ID#`` replaced by the ID the pattern's first group captured; :meth:`convert_and_evaluate`
reads plain text files with one sentence per line, :meth:`evaluate` files already in
ROUGE-1.5.5's SEE html format (as pyrouge's ``convert_summaries_to_rouge_format`` writes
them). ``rouge_args`` (or ``evaluate``'s) are ROUGE-1.5.5's flags; without them, pyrouge's
defaults ``-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a``. ``rouge_dir``, ``-e`` and the settings
file are accepted and not needed.
"""

from __future__ import annotations

import os
import re
from typing import Dict, List, Optional, Tuple

from ..errors import InputError, ReadError
from . import PYROUGE, Rouge155 as _Scorer
from . import output_to_dict as _output_to_dict

__all__ = ["Rouge155"]

# pyrouge's SEE html line, as ROUGE-1.5.5 reads it: the text is what follows the anchor.
_SEE_LINE = re.compile(r'^<a name="\d+">\[\d+\]</a>\s+<a href="#\d+" id=\d+>')


class Rouge155:
    """pyrouge's ``Rouge155``: ROUGE-1.5.5 over a directory of system summaries and one of
    model (reference) summaries, matched by filename patterns."""

    def __init__(
        self,
        rouge_dir: Optional[str] = None,
        rouge_args: Optional[str] = None,
        log_level=None,
        temp_dir: Optional[str] = None,
    ) -> None:
        self._home_dir = rouge_dir
        self.args = _clean_rouge_args(rouge_args)
        self._system_dir: Optional[str] = None
        self._model_dir: Optional[str] = None
        self._system_filename_pattern: Optional[str] = None
        self._model_filename_pattern: Optional[str] = None
        self._split_sentences = False

    # --- pyrouge's properties -------------------------------------------------------------

    @property
    def system_dir(self) -> Optional[str]:
        """The directory of the system (candidate) summaries."""
        return self._system_dir

    @system_dir.setter
    def system_dir(self, path: str) -> None:
        self._system_dir = _verify_dir(path, "system")

    @property
    def model_dir(self) -> Optional[str]:
        """The directory of the model (reference) summaries."""
        return self._model_dir

    @model_dir.setter
    def model_dir(self, path: str) -> None:
        self._model_dir = _verify_dir(path, "model")

    @property
    def system_filename_pattern(self) -> Optional[str]:
        """A regular expression matching system filenames; its first group is the ID."""
        return self._system_filename_pattern

    @system_filename_pattern.setter
    def system_filename_pattern(self, pattern: str) -> None:
        self._system_filename_pattern = pattern

    @property
    def model_filename_pattern(self) -> Optional[str]:
        """A regular expression matching model filenames, with ``#ID#`` for the ID."""
        return self._model_filename_pattern

    @model_filename_pattern.setter
    def model_filename_pattern(self, pattern: str) -> None:
        self._model_filename_pattern = pattern

    # --- pyrouge's methods ----------------------------------------------------------------

    def split_sentences(self) -> None:
        """Split the summaries into sentences before scoring (pyrouge uses NLTK's punkt;
        nutgraf its own sentence splitter)."""
        self._split_sentences = True

    def convert_and_evaluate(
        self, system_id=1, split_sentences: bool = False, rouge_args: Optional[str] = None
    ) -> str:
        """Scores plain-text summaries (one sentence per line) and returns ROUGE-1.5.5's
        output."""
        if split_sentences:
            self.split_sentences()
        return self._run(system_id, rouge_args, html=False)

    def evaluate(self, system_id=1, rouge_args: Optional[str] = None) -> str:
        """Scores summaries already in ROUGE-1.5.5's SEE html format and returns its output."""
        return self._run(system_id, rouge_args, html=True)

    def output_to_dict(self, output: str) -> Dict[str, float]:
        """The dict of ROUGE-1.5.5's output: ``rouge_1_recall``, ``rouge_1_recall_cb``,
        ``rouge_1_recall_ce``, ..., ``rouge_su*_f_score_ce``."""
        return _output_to_dict(output)

    @staticmethod
    def convert_text_to_rouge_format(text: str, title: str = "dummy title") -> str:
        """The SEE html pyrouge writes for a text with one sentence per line."""
        sentences = text.split("\n")
        elems = [
            '<a name="{i}">[{i}]</a> <a href="#{i}" id={i}>{text}</a>'.format(i=i, text=s)
            for i, s in enumerate(sentences, start=1)
        ]
        return (
            "<html>\n<head>\n<title>{title}</title>\n</head>\n"
            '<body bgcolor="white">\n{elems}\n</body>\n</html>'
        ).format(title=title, elems="\n".join(elems))

    @staticmethod
    def convert_summaries_to_rouge_format(input_dir: str, output_dir: str) -> None:
        """Writes every file of ``input_dir`` to ``output_dir`` in SEE html."""
        os.makedirs(output_dir, exist_ok=True)
        for name in os.listdir(input_dir):
            with open(os.path.join(input_dir, name), encoding="utf-8", newline="") as f:
                text = f.read()
            with open(os.path.join(output_dir, name), "w", encoding="utf-8", newline="") as f:
                f.write(Rouge155.convert_text_to_rouge_format(text))

    def __getstate__(self):
        return self.__dict__.copy()

    def __setstate__(self, state):
        self.__dict__.update(state)

    # --- the work -------------------------------------------------------------------------

    def _pairs(self) -> List[Tuple[str, List[str]]]:
        for name, value in (
            ("system_dir", self._system_dir),
            ("model_dir", self._model_dir),
            ("system_filename_pattern", self._system_filename_pattern),
            ("model_filename_pattern", self._model_filename_pattern),
        ):
            if value is None:
                raise InputError(f"{name} is not set")
        system_dir, model_dir = str(self._system_dir), str(self._model_dir)
        system = re.compile(str(self._system_filename_pattern))
        model_pattern = str(self._model_filename_pattern)
        models = os.listdir(model_dir)
        pairs = []
        for filename in sorted(os.listdir(system_dir)):
            match = system.match(filename)
            if not match:
                continue
            doc_id = str(match.groups(0)[0])
            model = re.compile(model_pattern.replace("#ID#", doc_id))
            found = sorted(f for f in models if model.match(f))
            if not found:
                raise InputError(
                    "Could not find any model summaries for the system summary with ID "
                    f"{doc_id}. Specified model filename pattern was: "
                    f"{model_pattern}"
                )
            pairs.append((filename, found))
        if not pairs:
            raise InputError(
                f"Did not find any files matching the pattern {system.pattern} in the system "
                f"summaries directory {system_dir}."
            )
        return pairs

    def _sentences(self, path: str, html: bool) -> List[str]:
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            raise ReadError(f"{path}: {e.strerror or e}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: not valid UTF-8 (byte {e.start})") from None
        if html:
            # ROUGE-1.5.5 reads the text after the anchor of each sentence line; the line
            # break is kept, as Perl keeps it.
            out = []
            parts = text.split("\n")
            lines = [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
            for line in lines:
                m = _SEE_LINE.match(line)
                if m:
                    out.append(line[m.end():])
            return out
        if self._split_sentences:
            from .. import Document

            return Document(text, format="text").sentences
        return text.split("\n")

    def _run(self, system_id, rouge_args: Optional[str], html: bool) -> str:
        options = self.args or rouge_args or PYROUGE
        scorer = _Scorer(options)
        pairs = self._pairs()
        system_dir, model_dir = str(self._system_dir), str(self._model_dir)
        candidates = []
        references = []
        for system_file, model_files in pairs:
            candidates.append(self._sentences(os.path.join(system_dir, system_file), html))
            references.append(
                [self._sentences(os.path.join(model_dir, m), html) for m in model_files]
            )
        ids = [str(i) for i in range(1, len(pairs) + 1)]
        names, corpus, docs, ids = scorer._native.score(
            candidates, references, eval_ids=ids, peer_id=str(system_id), strip=False
        )
        from . import _report

        return _report(
            names, corpus, docs, ids, scorer.config["confidence"], str(system_id), False
        )


def _verify_dir(path: str, name: str) -> str:
    path = os.fspath(path)
    if not os.path.isdir(path):
        raise ReadError(f"Cannot set {name} directory because the path {path} does not exist.")
    return path


def _clean_rouge_args(rouge_args: Optional[str]) -> Optional[str]:
    """pyrouge removes enclosing quotation marks."""
    if not rouge_args:
        return None
    match = re.match('"(.+)"', rouge_args)
    return match.group(1) if match else rouge_args
