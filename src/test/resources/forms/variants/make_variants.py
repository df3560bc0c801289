#!/usr/bin/python3
"""Writes the .docx variants of the filled proposal (see README.md in this folder).

Run from this folder with Debian's python3-docx:  /usr/bin/python3 make_variants.py
Input: ../testDOCX_filled_libreoffice.docx (every field of ProposalFixtures.expected()).
Each variant changes one thing the way a real producer does; the expected values are in
ProposalVariantFixtures.java.
"""
import copy
import re

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

BASE = "../testDOCX_filled_libreoffice.docx"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DESCRIPTION, WORKFORCE, ANALYSIS, TRAINING, LAWS, ABROAD, CONTACT, OTHER = range(8)


def load():
    return docx.Document(BASE)


def tc(document, table, row, cell):
    return document.tables[table]._tbl.tr_lst[row].tc_lst[cell]


def paragraph_xml(text, run_props=""):
    runs = "".join(
        '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (run_props, part) for part in [text]
    )
    return "<w:p %s>%s</w:p>" % (W_NS, runs)


def set_cell(cell, *paragraphs):
    """Replaces the cell's paragraphs; each argument is a paragraph's text or raw <w:p> XML."""
    for p in cell.findall(qn("w:p")):
        cell.remove(p)
    for text in paragraphs:
        cell.append(parse_xml(text if text.startswith("<w:p") else paragraph_xml(text)))


def cover_paragraphs(document):
    return [p for p in document.paragraphs if p.text.startswith("申报单位") or p.text.startswith("填写时间")]


def set_cover(document, applicant, date):
    first, second = cover_paragraphs(document)
    for p, text in ((first, "申报单位/个人（盖章或签字）：" + applicant), (second, "填写时间：" + date)):
        for r in list(p._p.findall(qn("w:r"))):
            p._p.remove(r)
        p.add_run(text)


def category(document, paragraph_xml_text):
    set_cell(tc(document, DESCRIPTION, 1, 0), paragraph_xml_text)


def runs(*parts):
    """A paragraph of runs: each part is text, or (text, font) for a symbol-font run, or ('sym', font, hex)."""
    xml = []
    for part in parts:
        if isinstance(part, str):
            xml.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % part)
        elif part[0] == "sym":
            xml.append('<w:r><w:sym w:font="%s" w:char="%s"/></w:r>' % (part[1], part[2]))
        else:
            xml.append('<w:r><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr><w:t>%s</w:t></w:r>'
                       % (part[1], part[1], part[0]))
    return "<w:p %s>%s</w:p>" % (W_NS, "".join(xml))


def ticks():
    variants = {
        "tick-after-option": runs("新职业√    新工种    调整变更职业(工种)信息②"),
        "tick-wingdings-sym": runs("(", ("sym", "Wingdings", "F0A8"), ")新职业    (", ("sym", "Wingdings", "F0FE"),
                                   ")新工种    (", ("sym", "Wingdings", "F0A8"), ")调整变更职业(工种)信息②"),
        "tick-wingdings2-letter": runs(("£", "Wingdings 2"), "新职业    ", ("£", "Wingdings 2"), "新工种    ",
                                       ("R", "Wingdings 2"), "调整变更职业(工种)信息②"),
        "tick-shi": runs("新职业（是）    新工种（  ）    调整变更职业(工种)信息（  ）②"),
        "tick-only-one": runs("新工种"),
        "tick-ballot-no-brackets": runs("□新职业    ☑新工种    □调整变更职业(工种)信息②"),
    }
    for name, xml in variants.items():
        document = load()
        category(document, xml)
        document.save("proposal_%s-pythondocx.docx" % name)


def content_controls():
    """Content controls: two still show Word's placeholder (empty), one holds the occupation's name."""
    document = load()
    placeholder = ('<w:p %s><w:sdt><w:sdtPr><w:alias w:val="联系人"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
                   '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r>'
                   '</w:sdtContent></w:sdt></w:p>' % W_NS)
    set_cell(tc(document, CONTACT, 2, 1), placeholder)
    set_cell(tc(document, ANALYSIS, 7, 0), placeholder.replace("联系人", "发展前景"))
    filled = ('<w:p %s><w:sdt><w:sdtPr><w:alias w:val="职业名称"/></w:sdtPr><w:sdtContent>'
              '<w:r><w:t>低空飞行器运维员</w:t></w:r></w:sdtContent></w:sdt></w:p>' % W_NS)
    set_cell(tc(document, DESCRIPTION, 3, 1), filled)
    document.save("proposal_content-controls-handedited.docx")


def tracked_changes():
    """Word's track changes left on: an insertion, a deletion, and a sentence moved within 产生背景."""
    document = load()
    definition = ('<w:p %s><w:r><w:t>从事低空飞行器日常检查、</w:t></w:r>'
                  '<w:del w:id="1" w:author="审核人" w:date="2026-06-30T10:00:00Z"><w:r><w:delText>清洁、</w:delText></w:r></w:del>'
                  '<w:r><w:t>维护保养、</w:t></w:r>'
                  '<w:ins w:id="2" w:author="审核人" w:date="2026-06-30T10:00:00Z"><w:r><w:t>故障诊断与维修</w:t></w:r></w:ins>'
                  '<w:r><w:t>的人员。</w:t></w:r></w:p>' % W_NS)
    set_cell(tc(document, DESCRIPTION, 5, 1), definition)
    moved_to = ('<w:p %s><w:r><w:t>低空经济快速发展。</w:t></w:r></w:p>' % W_NS)
    second = ('<w:p %s><w:moveFromRangeStart w:id="3" w:name="move1"/><w:moveFrom w:id="4" w:author="审核人">'
              '<w:r><w:t>低空经济快速发展。</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="3"/>'
              '<w:r><w:t>无人机保有量逐年增加。</w:t></w:r></w:p>' % W_NS)
    moved_to = ('<w:p %s><w:moveToRangeStart w:id="5" w:name="move1"/><w:moveTo w:id="6" w:author="审核人">'
                '<w:r><w:t>低空经济快速发展。</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="5"/></w:p>' % W_NS)
    set_cell(tc(document, ANALYSIS, 1, 0), moved_to, second)
    document.save("proposal_tracked-changes-handedited.docx")


def tasks_in_one_cell():
    document = load()
    rows = document.tables[DESCRIPTION]._tbl.tr_lst
    first = rows[9].tc_lst
    set_cell(first[1], "1-4")
    set_cell(first[2], "1、检查飞行器机体与动力系统；2、维护保养电池与电机；3、诊断并排除飞控故障；4、更新固件并记录运维档案。")
    set_cell(first[3], "1、检测仪、扭力扳手；2、电池均衡仪；3、地面站软件；4、笔记本电脑。")
    set_cell(first[4], "1、目视检查与无损检测；2、电池健康评估；3、飞控日志分析；4、固件管理。")
    for row in rows[10:16]:
        for cell in row.tc_lst[1:]:
            set_cell(cell, "")
    document.save("proposal_tasks-numbered-one-cell-pythondocx.docx")

    document = load()
    rows = document.tables[DESCRIPTION]._tbl.tr_lst
    first = rows[9].tc_lst
    set_cell(first[1], "")
    set_cell(first[2], "检查飞行器机体与动力系统", "维护保养电池与电机", "诊断并排除飞控故障", "更新固件并记录运维档案")
    set_cell(first[3], "检测仪、扭力扳手", "电池均衡仪", "地面站软件", "笔记本电脑")
    set_cell(first[4], "目视检查与无损检测", "电池健康评估", "飞控日志分析", "固件管理")
    for row in rows[10:16]:
        for cell in row.tc_lst[1:]:
            set_cell(cell, "")
    document.save("proposal_tasks-paragraphs-one-row-pythondocx.docx")


def nested_table(header, records):
    cells = lambda values: "".join(
        '<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>' % v
        for v in values)
    rows = "".join("<w:tr>%s</w:tr>" % cells(values) for values in [header] + records)
    grid = "".join('<w:gridCol w:w="1800"/>' for _ in header)
    return parse_xml('<w:tbl %s><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>'
                     % (W_NS, grid, rows))


def nested_tables():
    """用人单位 and 学校教育情况 typed as small tables inside one cell each."""
    document = load()
    workforce = document.tables[WORKFORCE]._tbl
    rows = workforce.tr_lst
    label_row = rows[13]
    value = label_row.tc_lst[1]
    for extra in label_row.tc_lst[2:]:
        label_row.remove(extra)
    span = value.get_or_add_tcPr()
    grid_span = OxmlElement("w:gridSpan")
    grid_span.set(qn("w:val"), "3")
    span.append(grid_span)
    set_cell(value, "见下表：")
    value.append(nested_table(["单位名称", "单位地址", "联系电话"],
                              [["广州极飞运维有限公司", "广州市天河区科韵路1号", "020-87654321"],
                               ["深圳天翼无人机服务公司", "深圳市南山区科技园2号", "0755-12345678"]]))
    value.append(parse_xml("<w:p %s/>" % W_NS))
    for row in rows[14:17]:
        workforce.remove(row)
    # 学校教育情况: the label, then one cell holding the table of schools.
    training = document.tables[TRAINING]._tbl
    rows = training.tr_lst
    school_row = rows[1]
    cells = school_row.tc_lst
    school_row.remove(cells[2])
    value = cells[1]
    tcpr = value.get_or_add_tcPr()
    grid_span = OxmlElement("w:gridSpan")
    grid_span.set(qn("w:val"), "3")
    tcpr.append(grid_span)
    set_cell(value, "")
    value.append(nested_table(["院校名称", "专业名称", "主干课程"],
                              [["广州民航职业技术学院", "无人机应用技术", "飞行原理；无人机维护；航电系统"]]))
    value.append(parse_xml("<w:p %s/>" % W_NS))
    for row in rows[2:4]:
        training.remove(row)
    for vmerge in school_row.tc_lst[0].findall(".//" + qn("w:vMerge")):
        vmerge.getparent().remove(vmerge)
    document.save("proposal_nested-tables-handedited.docx")


TEXT_BOX = """<w:r %s xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0"
 layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>
</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="4000000" cy="600000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><a:graphic>
<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr>
<a:xfrm><a:off x="0" y="0"/><a:ext cx="4000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
</wps:spPr><wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>
</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect style="width:315pt;height:47pt"><v:textbox>
<w:txbxContent>%s</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def cover_elsewhere():
    """The cover's 申报单位 and 填写时间 typed into a text box, and into the page header."""
    lines = ["申报单位/个人（盖章或签字）：广州低空智造研究院有限公司", "填写时间：2026年7月1日"]
    document = load()
    first, second = cover_paragraphs(document)
    content = "".join('<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % line for line in lines)
    for r in list(first._p.findall(qn("w:r"))):
        first._p.remove(r)
    first._p.append(parse_xml(TEXT_BOX % (W_NS, content, content)))
    second._p.getparent().remove(second._p)
    document.save("proposal_cover-textbox-handedited.docx")

    document = load()
    first, second = cover_paragraphs(document)
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = lines[0]
    header.add_paragraph(lines[1])
    for p in (first, second):
        p._p.getparent().remove(p._p)
    document.save("proposal_cover-header-pythondocx.docx")


def typed_values():
    """二〇二六年七月一日, and a phone and an e-mail typed with full-width digits, ＠ and ．."""
    document = load()
    set_cover(document, "广州低空智造研究院有限公司", "二〇二六年七月一日")
    set_cell(tc(document, CONTACT, 2, 3), "０２０－８３３０５８２１")
    set_cell(tc(document, CONTACT, 3, 1), "zhangsan＠example．com")
    document.save("proposal_chinese-date-fullwidth-contact-pythondocx.docx")


if __name__ == "__main__":
    ticks()
    content_controls()
    tracked_changes()
    tasks_in_one_cell()
    nested_tables()
    cover_elsewhere()
    typed_values()
