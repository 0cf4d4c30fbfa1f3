"""MkDocs hooks, registered by site.build (load_config's `hooks`): what MkDocs writes, made smaller.

Material's templates indent every line of a page and leave blank lines: an eighth of an article page's
bytes. In HTML, the white space that follows a line break is insignificant (the line break already
separates words), except inside <pre> and <textarea>, where it shows, and <script>, which is left exactly
as written. So each page is written without it: the same page, drawn the same, in fewer bytes.
"""

from __future__ import annotations

import re
from typing import Any

_KEPT = re.compile(r"<(pre|textarea|script)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)  # kept whole
_INDENT = re.compile(r"\n\s+")  # the indentation, and any blank lines, after a line break


def without_indentation(html: str) -> str:
    """The page without the white space after its line breaks, outside <pre>, <textarea> and <script>.

    >>> without_indentation("<ul>\\n  <li>a</li>\\n\\n  <li><pre>x\\n  y</pre></li>\\n</ul>")
    '<ul>\\n<li>a</li>\\n<li><pre>x\\n  y</pre></li>\\n</ul>'
    """
    parts, start = [], 0
    for kept in _KEPT.finditer(html):
        parts += [_INDENT.sub("\n", html[start : kept.start()]), kept.group()]
        start = kept.end()
    parts.append(_INDENT.sub("\n", html[start:]))
    return "".join(parts)


def on_post_page(output: str, **_: Any) -> str:
    return without_indentation(output)
