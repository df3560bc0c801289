#!/usr/bin/python3
"""The web-page variant with tracked changes left on, as Word writes them to a web page:
<del> and <ins> with cite and datetime (LibreOffice writes revisions as plain text, so they are
edited in by hand): a deletion and an insertion in 职业定义, and in 产生背景 a sentence moved
from the second paragraph (the moved-from text is a <del>, as Word writes it).
Run from this folder after make_producers.sh: /usr/bin/python3 make_htm_revisions.py"""

SOURCE = "proposal_htm-utf8-libreoffice.doc"
TARGET = "proposal_htm-tracked-changes-handedited.doc"
REVISION = 'cite="mailto:%E5%AE%A1%E6%A0%B8%E4%BA%BA" datetime="2026-06-30T10:00"'


def main():
    page = open(SOURCE, encoding="utf-8").read()
    definition = "从事低空飞行器日常检查、维护保养、故障诊断与维修的人员。"
    assert definition in page
    page = page.replace(definition, "从事低空飞行器日常检查、<del %s>清洁、</del>维护保养、<ins %s>故障诊断与维修</ins>的人员。"
                        % (REVISION, REVISION), 1)
    second = '<span lang="en-US">无人机保有量逐年增加。</span>'
    assert second in page
    page = page.replace(second, '<del %s><span lang="en-US">低空经济快速发展。</span></del>%s' % (REVISION, second), 1)
    with open(TARGET, "w", encoding="utf-8", newline="") as out:
        out.write(page)


if __name__ == "__main__":
    main()
