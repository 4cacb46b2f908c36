#!/usr/bin/env python3
"""Speed reference for nutgraf's summarizers: sumy on the same pre-split sentences.

    bench_sumy.py prepare VALIDATION.jsonl.gz OUT.jsonl [--limit N]
    bench_sumy.py time SENTENCES.jsonl [--methods a,b] [--max-seconds S]
    bench_sumy.py summaries SPLIT.jsonl OUT.jsonl [--method lsa] [--limit N]

`prepare` takes the first N (default 1000) CNN/DailyMail records and splits each lowercased
PTB article after the tokens " . ", " ? " and " ! " (the same split for both tools), writing
one {"id", "sentences"} record per line.

`time` runs sumy (Snowball English stemmer via sumy's Stemmer("english"), sumy's English stop
words, 3 sentences) on each document. NLTK's punkt data cannot be downloaded here, so sumy gets
its own tokenizer object: sentences are the pre-split ones and words are whitespace tokens
(sumy then keeps only tokens that look like words). The timed work per document is building
sumy's document model and summarizing it. Each method runs on one thread, on the first documents
until all are done or --max-seconds have passed; it prints `method  docs  secs  docs_per_s`.
"""

import argparse
import gzip
import json
import re
import sys
import time

SPLIT = re.compile(r"(?<= [.?!]) ")


def split_article(article):
    """Sentences of a lowercased PTB article: cut after a " . ", " ? " or " ! " token."""
    text = " " + " ".join(article.split()) + " "
    return [s.strip() for s in SPLIT.split(text) if s.strip()]


def prepare(args):
    n = 0
    with gzip.open(args.input, "rt", encoding="utf-8") as src, open(args.output, "w", encoding="utf-8") as out:
        for line in src:
            if n >= args.limit:
                break
            record = json.loads(line)
            out.write(json.dumps({"id": record["id"], "sentences": split_article(record["article"])}) + "\n")
            n += 1
    print(f"wrote {n} documents to {args.output}", file=sys.stderr)


class PreSplitTokenizer:
    """What sumy asks of a tokenizer, without NLTK data: the sentences are already split."""

    language = "english"

    def to_sentences(self, paragraph):
        return [s for s in paragraph.split("\n") if s]

    def to_words(self, sentence):
        return sentence.split()


def summarizers():
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    return {
        "textrank": TextRankSummarizer,
        "lexrank": LexRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "sumbasic": SumBasicSummarizer,
        "klsum": KLSummarizer,
    }


def time_methods(args):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    with open(args.input, encoding="utf-8") as f:
        docs = [json.loads(line)["sentences"] for line in f if line.strip()]
    tokenizer = PreSplitTokenizer()
    stemmer = Stemmer("english")
    stop_words = get_stop_words("english")
    available = summarizers()
    for name in args.methods.split(","):
        summarizer = available[name](stemmer)
        summarizer.stop_words = stop_words
        done = 0
        start = time.perf_counter()
        for sentences in docs:
            document = ObjectDocumentModel(
                (Paragraph([Sentence(s, tokenizer) for s in sentences]),)
            )
            picked = summarizer(document, 3)
            assert len(picked) <= 3
            done += 1
            if time.perf_counter() - start > args.max_seconds:
                break
        secs = time.perf_counter() - start
        print(f"{name}\t{done}\t{secs:.3f}\t{done / secs:.2f}", flush=True)


def summaries(args):
    """sumy's 3-sentence summaries of nutgraf's own sentences (`nutgraf oracle --output
    summarunner` records: `doc` and `summaries`, one sentence a line), written as the
    `{"candidate", "reference"}` JSONL that `nutgraf rouge` reads: a quality comparison on the
    same sentences as nutgraf's."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    tokenizer = PreSplitTokenizer()
    summarizer = summarizers()[args.method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    n = 0
    with open(args.input, encoding="utf-8") as f, open(args.output, "w", encoding="utf-8") as out:
        for line in f:
            if n >= args.limit:
                break
            r = json.loads(line)
            sents = r["doc"].split("\n") if r["doc"] else []
            document = ObjectDocumentModel((Paragraph([Sentence(s, tokenizer) for s in sents]),))
            picked = {str(s) for s in summarizer(document, 3)}
            candidate = [s for s in sents if s in picked]
            out.write(json.dumps({"candidate": candidate, "reference": r["summaries"].split("\n")}) + "\n")
            n += 1
    print(f"wrote {n} summaries to {args.output}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--limit", type=int, default=1000)
    t = sub.add_parser("time")
    t.add_argument("input")
    t.add_argument("--methods", default="textrank,lexrank,lsa,luhn,sumbasic,klsum")
    t.add_argument("--max-seconds", type=float, default=120.0)
    q = sub.add_parser("summaries")
    q.add_argument("input")
    q.add_argument("output")
    q.add_argument("--method", default="lsa")
    q.add_argument("--limit", type=int, default=10**9)
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args)
    elif args.command == "summaries":
        summaries(args)
    else:
        time_methods(args)


if __name__ == "__main__":
    main()
