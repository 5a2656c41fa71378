#!/usr/bin/env python3
"""Regenerates Tests/Fixtures/formats/ from compute-plan.md and the hand-written files beside it.

compute-plan.md (a copy of the corpus plan) is the source: it becomes a saved web page with the
furniture of a government site (compute-plan.html), the same page in GB2312 (compute-plan-gb2312.html),
a Word file (compute-plan.docx, by pandoc) and a printed PDF (compute-plan.pdf, by Chromium's
headless print-to-PDF of the page, with its running header and footer). numbered-plan.docx is a Word
file whose list numbers are Word's automatic numbering (written as XML here).
Needs: pandoc, chromium, iconv. Run from anywhere: python3 scripts/make_format_fixtures.py
"""
import html
import os
import subprocess
import zipfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Tests', 'Fixtures', 'formats')


def page(md):
    body = md.split('---', 2)[2]
    parts = []
    for block in body.strip().split('\n\n'):
        block = block.strip()
        if block.startswith('## '):
            parts.append(f'<h2>{html.escape(block[3:])}</h2>')
        elif block.startswith('# '):
            parts.append(f'<h1>{html.escape(block[2:])}</h1>')
        else:
            parts.append(f'<p>{html.escape(block)}</p>')
    article = '\n'.join(parts)
    return f'''<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="PubDate" content="2024-06-20 09:30">
<meta name="ContentSource" content="国家信息化主管部门">
<title>智能算力基础设施协同发展行动计划_政策文件_示例政务网</title>
<style>body {{ font-family: "Noto Sans CJK SC", sans-serif; margin: 2em; }} article p {{ text-indent: 2em; line-height: 1.8; }}</style>
<script>window.analytics = {{ page: "policy" }};</script>
</head>
<body>
<header class="top-header"><a href="/">示例政务网</a> <a href="/en">English</a> <a href="/search">搜索</a></header>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zhengce">政策</a></li><li><a href="/hudong">互动</a></li></ul></nav>
<div class="breadcrumb">首页 &gt; 政策 &gt; 政策文件库</div>
<table class="policy-meta">
<tr><td>发文机关：</td><td>国家信息化主管部门</td><td>成文日期：</td><td>2024年06月18日</td></tr>
</table>
<article>
{article}
</article>
<div class="share-box">分享到：微信 微博 QQ空间</div>
<div class="related-links"><h3>相关文件</h3><ul><li><a href="/1">关于推进数据中心绿色发展的通知</a></li><li><a href="/2">算力基础设施高质量发展行动计划</a></li></ul></div>
<footer class="site-footer"><p>主办单位：示例政务网 版权所有</p><p>京ICP备05070218号 京公网安备11010202000001号</p></footer>
</body>
</html>
'''


W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def numbered_docx(path):
    """A plan whose section and item numbers are Word's automatic numbering, not typed text:
    level 0 prints 一、 (chineseCounting), level 1 prints （一） and a decimal list prints 1."""
    def para(text, num=None, level=0, style=None):
        ppr = ''
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:p>'
    body = [
        para('数字乡村建设行动方案', style='Title'),
        para('发文机关：示例农业农村部门'),
        para('成文日期：2025年03月12日'),
        para('为加快数字乡村建设，制定本方案。'),
        para('总体目标', num=1, level=0, style='Heading2'),
        para('主要目标。到2027年，乡村5G网络覆盖率达到90%，建成100个数字乡村示范县。', num=1, level=1),
        para('重点任务', num=1, level=0, style='Heading2'),
        para('夯实乡村数字基础设施。推进千兆光网向乡村延伸。', num=1, level=1),
        para('发展智慧农业。推广农业物联网和智能农机装备应用。', num=1, level=1),
        para('提升乡村数字治理水平。建设县域数字治理平台。', num=1, level=1),
        para('保障措施', num=1, level=0, style='Heading2'),
        para('加强组织领导。', num=2, level=0),
        para('加大资金投入。', num=2, level=0),
    ]
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
                + ''.join(body) + '<w:sectPr/></w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>')
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
                 '<w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
                 '</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
                 '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                 '</w:numbering>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as archive:
        for name, text in [('[Content_Types].xml', content_types), ('_rels/.rels', rels), ('word/document.xml', document),
                           ('word/styles.xml', styles), ('word/numbering.xml', numbering)]:
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 12, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)


def minimal_pdf(objects, trailer_extra=''):
    """A PDF from its objects' bodies (object n is objects[n-1]), with a correct cross-reference table."""
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f'{number} 0 obj\n{body}\nendobj\n'.encode('latin-1')
    xref = len(out)
    out += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode()
    for offset in offsets:
        out += f'{offset:010d} 00000 n \n'.encode()
    out += f'trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n'.encode()
    return bytes(out)


def bad_files():
    """Files each import must refuse in one line, writing nothing."""
    os.makedirs('bad', exist_ok=True)
    drawing = '0 0 1 rg 100 100 300 300 re f'
    # A scan: one page with a picture (here a filled square) and no text layer.
    open('bad/scan.pdf', 'wb').write(minimal_pdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
        f'<< /Length {len(drawing)} >>\nstream\n{drawing}\nendstream',
    ]))
    # Password-protected: the standard security handler, whose empty user password does not open it.
    open('bad/encrypted.pdf', 'wb').write(minimal_pdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
        '<< /Filter /Standard /V 1 /R 2 /O <' + '11' * 32 + '> /U <' + '22' * 32 + '> /P -4 >>',
    ], trailer_extra='/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] '))
    pdf = open('compute-plan.pdf', 'rb').read()
    open('bad/truncated.pdf', 'wb').write(pdf[:len(pdf) // 2])
    docx = open('compute-plan.docx', 'rb').read()
    open('bad/truncated.docx', 'wb').write(docx[:len(docx) // 2])
    # A zip bomb: 80 MB of document.xml squeezed into a small archive (the limit is 64 MB).
    with zipfile.ZipFile('bad/bomb.docx', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        info = zipfile.ZipInfo('word/document.xml', date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        head = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'
        archive.writestr(info, head + ' ' * (80 << 20) + '</w:t></w:r></w:p></w:body></w:document>')
    # bad/damaged-header.docx is kept as found by a mutation run (a header pointing past the end); not made here.
    # A page whose markup names no article and holds no text.
    open('bad/empty-page.html', 'w').write('<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head><body><nav>首页</nav></body></html>')


def main():
    os.chdir(HERE)
    md = open('compute-plan.md', encoding='utf-8').read()
    html_page = page(md)
    open('compute-plan.html', 'w', encoding='utf-8').write(html_page)
    gb = html_page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    open('compute-plan-gb2312.html', 'wb').write(gb.encode('gb2312'))
    # pandoc: front matter title → Title paragraph, author → Author paragraph, date → Date paragraph.
    subprocess.run(['pandoc', '-f', 'markdown', '-t', 'docx', '-M', 'author=国家信息化主管部门', '-o', 'compute-plan.docx',
                    'compute-plan.md'], check=True)
    subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--print-to-pdf=compute-plan.pdf',
                    'file://' + os.path.abspath('compute-plan.html')], check=True, stderr=subprocess.DEVNULL)
    numbered_docx('numbered-plan.docx')
    # The hand-written gov.cn page, as older gov.cn pages were served: GBK, declared in a meta tag.
    govcn = open('govcn-notice.html', encoding='utf-8').read()
    govcn = govcn.replace('charset=utf-8', 'charset=gbk')
    open('govcn-notice-gbk.html', 'wb').write(govcn.encode('gbk'))
    bad_files()


if __name__ == '__main__':
    main()
