"""Make the workbooks of tests/fixtures/import that XlsxWriter cannot write, once; they are committed.

    pip install xlwt msoffcrypto-tool      # writers used by this script only, never by xmledger
    python tools/make_import_fixtures.py

- 台账2018.xls: a BIFF8 workbook (Excel 97-2003), as many offices still keep their
  ledger: a title, a two-row header with merged parents, group rows, subtotal
  rows, start dates as date cells, as a serial number without a date format and
  as text.
- 台账2019.ods: an OpenDocument spreadsheet (LibreOffice, WPS), written as its
  XML by hand: a two-row header whose parent is not merged (the reader knows no
  merged ranges in .ods).
- 加密.xlsx: a workbook protected by an opening password ("xmledger"), encrypted
  the way Office does it (an OLE2 container holding the encrypted package).
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "import"

XLS_ROWS = [  # category, name, total, plan, 1-9月, planned start, actual start (date | serial | text), unit, leader
    ("工业", "利津县滨海新区热电项目", 56000, 20000, 8000.5, datetime.date(2018, 4, 1), datetime.date(2018, 4, 16),
     "县发改局", "王立新"),
    ("工业", "利津经济开发区化工新材料项目", 32000, 12000, 5032.1, datetime.date(2018, 3, 1), 43174, "利津经济开发区管委会",
     "王立新"),
    ("基础设施", "津一路改造工程", 8000, 4000, 1500, datetime.date(2018, 5, 1), "2018年5月20日", "县住建局", "张宏伟"),
    ("基础设施", "利津港物流园", 12000, 5000, 500, datetime.date(2018, 6, 1), "2018.6", "县交通运输局", "张宏伟"),
]


def make_xls(path: Path) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("2018年")
    bold = xlwt.easyxf("font: bold on; align: horiz center, vert center")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 9, "利津县2018年重点项目建设进展情况（截至2018年9月30日）", bold)
    ws.write(1, 0, "单位：万元")
    for c, h in {0: "序号", 1: "项目名称", 2: "总投资", 7: "责任单位", 8: "包抓领导", 9: "备注"}.items():
        ws.write_merge(2, 3, c, c, h, bold)
    ws.write_merge(2, 2, 3, 4, "2018年投资", bold)
    ws.write(3, 3, "计划", bold)
    ws.write(3, 4, "1—9月完成", bold)
    ws.write_merge(2, 2, 5, 6, "开工时间", bold)
    ws.write(3, 5, "计划", bold)
    ws.write(3, 6, "实际", bold)
    r, seq = 4, 0
    groups: dict[str, list] = {}
    for row in XLS_ROWS:
        groups.setdefault(row[0], []).append(row)
    for gi, (category, items) in enumerate(groups.items()):
        ws.write_merge(r, r, 0, 9, f"{'一二'[gi]}、{category}项目（{len(items)}个）", bold)
        r += 1
        for (_, name, total, plan, done, planned, actual, unit, leader) in items:
            seq += 1
            ws.write(r, 0, seq)
            ws.write(r, 1, name)
            ws.write(r, 2, total)
            ws.write(r, 3, plan)
            ws.write(r, 4, done)
            ws.write(r, 5, planned, date)
            ws.write(r, 6, actual, date if isinstance(actual, datetime.date) else xlwt.Style.default_style)
            ws.write(r, 7, unit)
            ws.write(r, 8, leader)
            r += 1
        ws.write(r, 1, "小计")
        for c, i in ((2, 2), (3, 3), (4, 4)):
            ws.write(r, c, sum(x[i] for x in items))
        r += 1
    wb.save(str(path))


ODS_ROWS = [["利津县2019年重点项目"], [], ["项目名称", "总投资", "年度投资", "", "责任单位", "包抓领导"],
            ["", "", "计划", "1—4月完成", "", ""],
            ["黄河口生态旅游区提升", 9000, 2600, 800, "县文旅局", "刘建军"],
            ["利津县城乡供水一体化", 15000, 5000, 1250.75, "县水利局", "刘建军"]]


def _ods_cell(value) -> str:
    if value == "" or value is None:
        return "<table:table-cell/>"
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def make_ods(path: Path) -> None:
    rows = "".join("<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>" for row in ODS_ROWS)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="重点项目">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)


def make_encrypted(path: Path) -> None:
    import xlsxwriter
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO()
    wb = xlsxwriter.Workbook(plain, {"in_memory": True})
    ws = wb.add_worksheet("项目进展")
    ws.write_row(0, 0, ["项目名称", "总投资"])
    ws.write_row(1, 0, ["甲项目", 100])
    wb.close()
    plain.seek(0)
    out = io.BytesIO()
    OOXMLFile(plain).encrypt("xmledger", out)
    path.write_bytes(out.getvalue())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_xls(OUT / "台账2018.xls")
    make_ods(OUT / "台账2019.ods")
    make_encrypted(OUT / "加密.xlsx")
    for p in sorted(OUT.iterdir()):
        print(p.relative_to(OUT.parent.parent.parent), p.stat().st_size)


if __name__ == "__main__":
    main()
