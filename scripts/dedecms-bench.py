#!/usr/bin/env python3
"""Writes SQL for a DedeCMS database of N articles, for measuring `portal import dedecms`.

    scripts/dedecms-bench.py N | mariadb --default-character-set=utf8mb4 DATABASE

The tables and the small site are the test fixture's (tests/fixtures/dedecms: DedeCMS's own
tables in GBK); its published articles are repeated until there are N, each copy with a new id,
publish time and view count, in batches of multi-row INSERTs as mysqldump writes them.
"""

import re
import sys
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "tests/fixtures/dedecms"
BATCH = 500


def without_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))


def main() -> None:
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: scripts/dedecms-bench.py N | mariadb DATABASE")
    wanted = int(sys.argv[1])
    out = sys.stdout
    out.write(without_comments((FIXTURE / "schema.sql").read_text(encoding="utf-8")) + "\n")
    site = without_comments((FIXTURE / "site.sql").read_text(encoding="utf-8"))
    # The settings and categories as they are; the articles come below.
    for statement in site.split(";\n"):
        if "dede_sysconfig" in statement or "dede_arctype" in statement:
            out.write(statement.strip() + ";\n")
    bodies = re.findall(r"\(1, 1, '(.*?)', ''\)", site, flags=re.S)
    body = bodies[0] if bodies else "<p>示例正文。</p>"
    # A realistic length: a notice of a couple of thousand characters.
    body = body + "<p>" + "示例段落：普法宣传内容（示例，非真实新闻）。" * 60 + "</p>"
    start = 1_420_070_400  # 2015-01-01
    for first in range(1, wanted + 1, BATCH):
        ids = range(first, min(first + BATCH, wanted + 1))
        archives, texts = [], []
        for number in ids:
            typeid = 1 if number % 3 else 2
            sent = start + number * 3_600
            archives.append(
                f"({number}, {typeid}, {sent}, 'c', 1, 1, 0, {number % 5000}, "
                f"'【示例】第{number}号普法动态', '示例作者', '示例来源', "
                f"'/uploads/allimg/210304/1-2103041A2540-L.jpg', {sent}, {sent}, 0, "
                f"'示例摘要{number}。', '')"
            )
            texts.append(f"({number}, {typeid}, '{body}', '')")
        out.write(
            "INSERT INTO `dede_archives` (`id`, `typeid`, `sortrank`, `flag`, `ismake`, `channel`, "
            "`arcrank`, `click`, `title`, `writer`, `source`, `litpic`, `pubdate`, `senddate`, "
            "`voteid`, `description`, `filename`) VALUES\n  " + ",\n  ".join(archives) + ";\n"
        )
        out.write(
            "INSERT INTO `dede_addonarticle` (`aid`, `typeid`, `body`, `redirecturl`) VALUES\n  "
            + ",\n  ".join(texts) + ";\n"
        )


if __name__ == "__main__":
    main()
