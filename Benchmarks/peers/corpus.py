"""What the Python peers share: reading a JSON Lines corpus into the texts (and labels) they time.

A corpus is UTF-8 JSON Lines, one record (a JSON object) per line; lines holding only whitespace
are skipped. A peer's text for a record is its title, a line break, then a text field
(`text_of`); a missing or null field reads as "". The line break is there even when the title is
empty or missing (Lede's own classifier input drops it then); that is what the peers have always
fed scikit-learn, so their figures stay comparable with earlier runs.

Standard library only: the peers import this before their timed work, and some are timed from
Python start-up (sklearn_classify_stream.py), so it must stay cheap to import.
"""
import json

# TfidfVectorizer settings of the `--config` choices, as Lede's bench names them.
TFIDF_CONFIGS = {
    "unigram": {},
    "bigram": {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True},
}


def json_lines(lines):
    """Yields the parsed JSON of each non-blank line of `lines` (an open file, sys.stdin, or a list
    of strings), in order, reading lazily so a stream is processed as it arrives."""
    for line in lines:
        if line.strip():
            yield json.loads(line)


def read_records(path):
    """Every record of the JSON Lines file at `path`, in file order, as a list of dicts."""
    with open(path, encoding="utf-8") as handle:
        return list(json_lines(handle))


def text_of(record, field, title_field="title"):
    """One record's text: record[title_field] + "\\n" + record[field], missing or null values
    reading as "" (so an untitled record still starts with "\\n"). With title_field=None, the
    field alone: no title and no line break."""
    text = record.get(field) or ""
    if title_field is None:
        return text
    return (record.get(title_field) or "") + "\n" + text


def read_texts(path, field, title_field="title"):
    """The text (`text_of`) of every record of the JSON Lines file at `path`, in file order."""
    with open(path, encoding="utf-8") as handle:
        return [text_of(record, field, title_field) for record in json_lines(handle)]


def read_labelled(path, field, title_field="title"):
    """(texts, labels) of every record of the JSON Lines file at `path`, in file order: texts as
    `read_texts` gives them, labels the records' "label" values (every record must have one)."""
    records = read_records(path)
    return [text_of(record, field, title_field) for record in records], [record["label"] for record in records]


def utf8_size(texts):
    """Total UTF-8 bytes of `texts`: the `bytes` work figure of the throughput rows."""
    return sum(len(text.encode("utf-8")) for text in texts)
