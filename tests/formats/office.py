#!/usr/bin/env python3
"""Writes the hand-made DOCX and ODT fixtures of tests/formats, byte for byte the same on
every run (fixed timestamps), and the broken ones: a truncated archive, an XML bomb, a ZIP
bomb and an archive that holds no document. Run by make.sh; nothing here is read at test
time except the files it writes.

tables-textbox.docx is a resume laid out as Word users lay them out: the name in a
"Title" paragraph, a localized heading style ("berschrift1", German Word's "Heading 1") and a
custom style based on it, a two-column table of dates and roles, a text box with the contact
lines, numbered and bulleted paragraphs with levels, a tab between a title and its dates,
a hyperlink, a bold short line, and text that is no resume text: a header, a footer, a
comment, a deleted revision and a text box's fallback copy.
"""
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
STAMP = (2026, 1, 1, 0, 0, 0)


def write_zip(path, members, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compress) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = compress if name != "mimetype" else zipfile.ZIP_STORED
            z.writestr(info, data)


def p(text, style=None, num=None, bold=False):
    ppr = ""
    if style or num is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{num}"/><w:numId w:val="1"/></w:numPr>'
        ppr += "</w:pPr>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    runs = "".join(
        "<w:r><w:tab/></w:r>" if part == "\t" else f'<w:r>{rpr}<w:t xml:space="preserve">{part}</w:t></w:r>'
        for part in split_tabs(text))
    return f"<w:p>{ppr}{runs}</w:p>"


def split_tabs(text):
    parts = text.split("\t")
    out = []
    for i, part in enumerate(parts):
        if i:
            out.append("\t")
        out.append(part)
    return out


def cell(*paras):
    return "<w:tc>" + "".join(paras) + "</w:tc>"


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="JobHeading"><w:name w:val="Job Heading"/><w:basedOn w:val="berschrift2"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>
<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
</w:styles>"""

TEXTBOX = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
           '<w:txbxContent>' + p("jordan.pike@example.org") + p("Somerville, MA") +
           '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
           '<mc:Fallback><w:pict><w:txbxContent>' + p("FALLBACK COPY NOT TEXT") +
           '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')

BODY = "".join([
    p("Jordan Pike", style="Title"),
    "<w:p>" + TEXTBOX + "</w:p>",
    p("Site Reliability Engineer", bold=True),
    p("Experience", style="berschrift1"),
    "<w:tbl><w:tr>" + cell(p("2019 – present")) + cell(
        p("Senior SRE\tVenmo", style="JobHeading"),
        p("Moved the payment ledger to a three-node Patroni cluster, which cut failover time "
          "from 20 minutes to 30 seconds.", num=0),
        p("Wrote the on-call runbooks for the ledger service.", num=0),
        p("Trained four engineers to lead incident reviews.", num=1)) + "</w:tr>",
    "<w:tr>" + cell(p("2015 – 2019")) + cell(
        p("Systems Engineer\tAcme Skills Inc", style="JobHeading"),
        p("Automated the Terraform plans for 40 AWS accounts, saving 6 hours of manual work a "
          "week.", style="ListBullet"),
        '<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>Kept the Kafka brokers '
        'patched</w:t></w:r><w:del><w:r><w:delText> and DELETED TEXT</w:delText></w:r></w:del>'
        '<w:r><w:t xml:space="preserve"> and monitored.</w:t></w:r>'
        '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>') +
    "</w:tr></w:tbl>",
    p("Skills", style="berschrift1"),
    '<w:p><w:r><w:t xml:space="preserve">Go, Python, Kubernetes, </w:t></w:r>'
    '<w:hyperlink r:id="rId9"><w:r><w:t>Terraform</w:t></w:r></w:hyperlink></w:p>',
])

DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{BODY}<w:sectPr/></w:body></w:document>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def docx(path, document, styles=STYLES, extra=()):
    write_zip(path, [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", document),
                     ("word/styles.xml", styles), *extra])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    header = f'<w:hdr {W}>' + p("HEADER NOT TEXT") + "</w:hdr>"
    footer = f'<w:ftr {W}>' + p("FOOTER NOT TEXT") + "</w:ftr>"
    comments = f'<w:comments {W}><w:comment w:id="0">' + p("COMMENT NOT TEXT") + \
        "</w:comment></w:comments>"
    docx(os.path.join(out, "tables-textbox.docx"), DOCUMENT,
         extra=[("word/header1.xml", header), ("word/footer1.xml", footer),
                ("word/comments.xml", comments)])
    # broken: the first half of a real archive
    with open(os.path.join(out, "tables-textbox.docx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out, "bad-truncated.docx"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    # an XML bomb: entities that would expand to gigabytes
    bomb = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "AAAAAAAAAA">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8)) + \
        f']><w:document {W}><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>'
    docx(os.path.join(out, "bad-xml-bomb.docx"), bomb)
    # a ZIP bomb: 40 MB of spaces in a 40 KB archive, more than jobmatch reads
    spaces = f'<w:document {W}><w:body><w:p><w:r><w:t xml:space="preserve">' + \
        " " * (40 << 20) + "</w:t></w:r></w:p></w:body></w:document>"
    docx(os.path.join(out, "bad-zip-bomb.docx"), spaces)
    # a ZIP archive that holds no document
    write_zip(os.path.join(out, "bad-not-a-document.docx"), [("notes.txt", "just a zip")])


if __name__ == "__main__":
    main()
