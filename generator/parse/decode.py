"""A file's bytes -> text. Only UTF-8 plain text is accepted; anything else is refused with the command that fixes it.

Why refuse rather than convert: a raw capture is published and pinned by the SHA-256 of its lines, which anyone
must be able to check with `sed` and `sha256sum`; and Windows-1251, Latin-1 and Windows-1252 bytes are all valid in
each other, so only a person who knows the source can say which one a file is. Converting with iconv is one
command, and the converted file is then the capture.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ContentError

MAX_CAPTURE_BYTES = 2_000_000  # a raw capture; the largest seed, a blog page of 15 posts, is 63 kB
MAX_ARTICLE_FILE_BYTES = 2 * MAX_CAPTURE_BYTES  # an article file repeats its set-aside lines in the front matter

# iconv reads the byte-order mark of "UTF-16" and "UTF-32" and leaves it out of the UTF-8 it writes.
_BYTE_ORDER_MARKS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
]
_SAMPLE_BYTES = 8192
# Control bytes that no text holds (tab, line ends, form feed and escape do occur in text, if rarely).
_BINARY_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
# Every other byte, for bytes.translate to delete: what is left of a sample is its binary bytes, counted in C.
_NOT_BINARY = bytes(sorted(set(range(256)) - _BINARY_BYTES))
_BINARY_SHARE = 0.05  # random or compressed data has about 10% of them
_BINARY_MINIMUM = 8  # fewer, in a short text, are a stray character to point at, not a sign of binary data
# Control characters refused in text: C0 except tab and line ends, DEL, and C1 (U+0080-U+009F).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0x00: "NUL", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "ESC", 0x7F: "DEL"}
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class _Encoding:
    description: str  # in the message: what the bytes look like
    iconv: str  # the name iconv knows it by


def check_size(shown: Path | str, size: int, limit: int) -> None:
    """Refuse a file over `limit` bytes before reading it: the pipeline reads text of any size in linear time, but a
    page that large is not one article, and the MkDocs build of it takes minutes."""
    if size > limit:
        raise ContentError(
            shown,
            None,
            None,
            f"is {size / 1e6:.1f} MB; a file here may be at most {limit / 1e6:.0f} MB",
            "split it into several files, one article or a few posts each",
        )


def decode_text(shown: Path | str, data: bytes) -> str:
    """UTF-8 text without its byte-order mark, or a ContentError naming the encoding or the character that is wrong.

    >>> decode_text("x.txt", b"\\xef\\xbb\\xbfHeadline\\r\\n")
    'Headline\\r\\n'
    """
    wide = _wide_encoding(data)
    if wide:
        raise ContentError(shown, None, None, f"is {wide} text, not UTF-8", _convert_hint(shown, wide))
    if _looks_binary(data):
        raise ContentError(
            shown,
            None,
            None,
            "is binary data, not text",
            "give a plain-text capture of the article (the page saved as text, or its text copied into a .txt file)",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        guess = _eight_bit_guess(data)
        before = data[: error.start].decode("utf-8")
        raise ContentError(
            shown,
            _line_number(before, len(before)),
            None,
            f"is not UTF-8 (byte 0x{data[error.start]:02x} is not valid there); it looks like {guess.description}",
            _convert_hint(shown, guess.iconv) + " (check the text afterwards: the encoding is a guess)",
        ) from error
    text = text.removeprefix("\ufeff")
    control = _CONTROL.search(text)
    if control:
        _refuse_control(shown, text, control.start())
    return text


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, by the byte-order mark, or UTF-16 without one (every other byte zero)."""
    for mark, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name
    sample = data[:_SAMPLE_BYTES]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4:
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return "UTF-16LE"
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return "UTF-16BE"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE_BYTES]
    found = len(sample.translate(None, _NOT_BINARY))
    return found > _BINARY_MINIMUM and found > _BINARY_SHARE * len(sample)


def _eight_bit_guess(data: bytes) -> _Encoding:
    """Windows-1251 when letters from the upper half mostly come in runs (a Russian word is all Cyrillic, while a
    French or German one has an accented letter among plain ones); else a Western encoding, Windows-1252 if it
    uses the bytes Latin-1 leaves to control characters (curly quotes, dashes)."""
    upper = [index for index, byte in enumerate(data) if byte >= 0xC0]
    in_runs = sum((i > 0 and data[i - 1] >= 0xC0) or (i + 1 < len(data) and data[i + 1] >= 0xC0) for i in upper)
    if upper and in_runs > len(upper) / 2:
        return _Encoding("Windows-1251 (Cyrillic) text", "WINDOWS-1251")
    if any(0x80 <= byte < 0xA0 for byte in data):
        return _Encoding("Windows-1252 (Western) text", "WINDOWS-1252")
    return _Encoding("Latin-1 (ISO-8859-1) text", "ISO-8859-1")


def _convert_hint(shown: Path | str, encoding: str) -> str:
    path = PurePosixPath(str(shown))
    converted = path.with_name(f"{path.stem}-utf8{path.suffix}")
    return f"convert it: iconv -f {encoding} -t UTF-8 {shlex.quote(str(path))} > {shlex.quote(str(converted))}"


def _line_number(text: str, index: int) -> int:
    """The line `index` is on, counted from 1, with LF, CRLF and CR all ending a line (as RawFile reads them)."""
    return len(_LINE_END.findall(text, 0, index)) + 1


def _refuse_control(shown: Path | str, text: str, index: int) -> None:
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    line = _line_number(text, line_start)
    code = ord(text[index])
    name = _CONTROL_NAMES.get(code, "a control character")
    if code >= 0x80:
        hint = (
            "it is usually a Windows-1252 quote or dash converted as if it were Latin-1: convert the original "
            "with iconv -f WINDOWS-1252 -t UTF-8"
        )
    else:
        path = PurePosixPath(str(shown))
        cleaned = path.with_name(f"{path.stem}-clean{path.suffix}")
        hint = (
            f"remove the control characters: tr -d '\\000-\\010\\013\\014\\016-\\037\\177' "
            f"< {shlex.quote(str(path))} > {shlex.quote(str(cleaned))}"
        )
    column = index - line_start + 1
    raise ContentError(shown, line, None, f"holds {name} (U+{code:04X}) at column {column}, a control character", hint)
