#!/usr/bin/env python3
"""A peer of `lede extract`: reads JSON Lines whose records carry a web page in "html", extracts each
page's article with one tool in this one process, and writes {"id", "text"} per page to stdout.

    page_extract.py --tool trafilatura|readability --input FILE
"""
import argparse
import json
import sys


def extractor(tool):
    if tool == "trafilatura":
        import trafilatura
        return lambda html: trafilatura.extract(html) or ""
    if tool == "readability":
        import lxml.html
        from readability import Document
        return lambda html: lxml.html.fromstring(Document(html).summary()).text_content() if html.strip() else ""
    sys.exit(f"page_extract.py: unknown tool {tool}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tool", required=True)
    parser.add_argument("--input", required=True)
    args = parser.parse_args()
    extract = extractor(args.tool)
    out = sys.stdout
    with open(args.input, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            out.write(json.dumps({"id": record.get("id"), "text": extract(record["html"])}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
