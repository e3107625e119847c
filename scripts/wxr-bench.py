#!/usr/bin/env python3
"""Writes a WordPress export of N posts for measuring `portal import wxr`.

    scripts/wxr-bench.py N > big.xml

The export is the real one in tests/fixtures/wordpress/export.xml (made by WordPress 6.1, see
scripts/wordpress-fixture.sh) with its published posts repeated until there are N: each copy
gets a new id, slug, permalink, guid and publish time, and a view count meta, so every copy is
a distinct post for the importer. Channel, authors, categories and attachments stay as they are.
"""

import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "tests/fixtures/wordpress/export.xml"


def main() -> None:
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: scripts/wxr-bench.py N > big.xml")
    wanted = int(sys.argv[1])
    text = FIXTURE.read_text(encoding="utf-8")
    items = re.findall(r"\t*<item>.*?</item>\n", text, flags=re.S)
    head = text[: text.index(items[0])]
    tail = text[text.index(items[-1]) + len(items[-1]):]
    posts = [
        item for item in items
        if "<wp:post_type><![CDATA[post]]></wp:post_type>" in item
        and "<wp:status><![CDATA[publish]]></wp:status>" in item
    ]
    others = [item for item in items if item not in posts]
    out = sys.stdout
    out.write(head)
    for item in others:
        out.write(item)
    start = datetime(2015, 1, 1, 8, 0, 0)
    for number in range(wanted):
        item = posts[number % len(posts)]
        post_id = 100000 + number
        slug = f"bench-{post_id}"
        at = start + timedelta(hours=number)
        local, gmt = at + timedelta(hours=8), at
        item = re.sub(r"<wp:post_id>\d+</wp:post_id>", f"<wp:post_id>{post_id}</wp:post_id>", item)
        item = re.sub(r"<link>[^<]*</link>",
                      f"<link>http://old-site.example.gov.cn/{at:%Y/%m}/{slug}/</link>", item)
        item = re.sub(r"<guid isPermaLink=\"false\">[^<]*</guid>",
                      f"<guid isPermaLink=\"false\">http://old-site.example.gov.cn/?p={post_id}</guid>", item)
        item = re.sub(r"<wp:post_name><!\[CDATA\[[^\]]*\]\]></wp:post_name>",
                      f"<wp:post_name><![CDATA[{slug}]]></wp:post_name>", item)
        item = re.sub(r"<wp:post_date><!\[CDATA\[[^\]]*\]\]>",
                      f"<wp:post_date><![CDATA[{local:%Y-%m-%d %H:%M:%S}]]>", item)
        item = re.sub(r"<wp:post_date_gmt><!\[CDATA\[[^\]]*\]\]>",
                      f"<wp:post_date_gmt><![CDATA[{gmt:%Y-%m-%d %H:%M:%S}]]>", item)
        item = re.sub(r"<title><!\[CDATA\[", f"<title><![CDATA[（{number + 1}）", item, count=1)
        views = ("\t\t<wp:postmeta>\n\t\t<wp:meta_key><![CDATA[views]]></wp:meta_key>\n"
                 f"\t\t<wp:meta_value><![CDATA[{number % 500}]]></wp:meta_value>\n\t\t</wp:postmeta>\n")
        item = item.replace("</item>", views + "</item>")
        out.write(item)
    out.write(tail)


if __name__ == "__main__":
    main()
