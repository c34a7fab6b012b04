"""The generated figure paragraphs (``render.prose_outline``) as HTML for the 绩效情况 page."""

from __future__ import annotations

import html

from perfdesk.model.report import Report
from perfdesk.render.prose_outline import preview_parts


def preview_html(report: Report) -> str:
    try:
        parts = preview_parts(report)
    except Exception as exc:  # a half-filled report or a broken user template: say so, go on
        return (f"<p>自动生成的段落暂时无法显示：{html.escape(getattr(exc, 'message', '') or str(exc))}"
                "</p>")
    out = ["<div style='font-size:10.5pt; line-height:150%;'>"]
    for heading, paras in parts:
        out.append(f"<p style='color:#1f3a5f; font-weight:bold; margin-top:10px; margin-bottom:2px;'>"
                   f"{html.escape(heading)}</p>")
        out.extend(f"<p style='text-indent:28px; margin-top:2px; margin-bottom:4px;'>{html.escape(p)}</p>"
                   for p in paras)
    out.append("</div>")
    return "".join(out)
