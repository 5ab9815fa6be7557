"""Makes docxtemplater's template for pair 2: a 4-column table (序号, 需求编号, 技术需求名称, 发榜企业) whose one
body row is the loop {#rows}...{/rows}, so docxtemplater repeats the row once per demand.

Usage: make_table_template.py OUT.docx
"""
import sys

import docx

document = docx.Document()
document.add_paragraph("{title}")
table = document.add_table(rows=2, cols=4)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ["序号", "需求编号", "技术需求名称", "发榜企业"]):
    cell.text = text
for cell, text in zip(table.rows[1].cells, ["{#rows}{number}", "{demandId}", "{title}", "{issuer}{/rows}"]):
    cell.text = text
document.core_properties.author = "bench"
document.save(sys.argv[1])
