"""Form parsing that marks text it cannot decode instead of silently repairing it.

Werkzeug decodes multipart text fields with ``errors="replace"`` and urlencoded ones with
``errors="werkzeug.url_quote"``, and drops a urlencoded body that is not UTF-8 as a whole, so a
caller who sent bytes that are not text would get a report on text they never wrote. This
parser reads every text field's bytes losslessly (as Latin-1, one character per byte), decodes
them strictly in their declared charset, and hands an undecodable field over as
:class:`UndecodableText` so the view can refuse it and say where the first bad byte is. A
well-formed U+FFFD the caller really sent decodes like any other character.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from werkzeug.datastructures import Headers, MultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser, MultiPartParser
from werkzeug.http import parse_options_header

if TYPE_CHECKING:  # Werkzeug defines the alias for type checkers only
    from werkzeug.formparser import t_parse_result

# A lossless carrier for bytes through APIs that insist on str: byte n becomes U+00nn.
_BYTES_AS_TEXT = "latin-1"
# What an urlencoded body means; Werkzeug 3 ignores any charset parameter there as well.
_URLENCODED_CHARSET = "utf-8"


class UndecodableText(str):
    """A form field whose bytes are not text in their charset.

    It reads as the text Werkzeug would have made (U+FFFD for each bad sequence), so code that
    only wants a string still gets one; ``charset`` and ``position`` (the offset of the first
    invalid byte in the field) let the view name the problem. A ``str`` subclass rather than a
    record because form values must stay strings inside Werkzeug's ``MultiDict``.
    """

    charset: str
    position: int

    def __new__(cls, data: bytes, charset: str, position: int) -> UndecodableText:
        text = super().__new__(cls, data.decode(charset, "replace"))
        text.charset = charset
        text.position = position
        return text


def decode_strictly(data: bytes, charset: str) -> str:
    """``data`` as text, or as :class:`UndecodableText` when it is not valid ``charset``."""
    try:
        return data.decode(charset)
    except UnicodeDecodeError as error:
        return UndecodableText(data, charset, error.start)


class _LosslessMultiPartParser(MultiPartParser):
    """Werkzeug's multipart parser, with each text field handed over as bytes-in-Latin-1.

    ``get_part_charset`` is the one hook Werkzeug calls per text field; it records the charset
    the part declared (Werkzeug's choice, UTF-8 unless the part says otherwise) under the
    field's name, in order, and makes Werkzeug's own decoding a lossless one.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.charsets: defaultdict[str | None, list[str]] = defaultdict(list)

    def get_part_charset(self, headers: Headers) -> str:
        # The name as Werkzeug's decoder reads it, None for a part without one, so the keys
        # match the form's.
        name = parse_options_header(headers.get("content-disposition"))[1].get("name")
        self.charsets[name].append(super().get_part_charset(headers))
        return _BYTES_AS_TEXT

    def decoded(self, form: MultiDict[str, str]) -> Iterator[tuple[str, str]]:
        """The fields of ``form`` (as parsed by this parser) decoded in their own charsets."""
        for name, values in form.lists():
            for value, charset in zip(values, self.charsets[name], strict=True):
                yield name, decode_strictly(value.encode(_BYTES_AS_TEXT), charset)


class StrictFormDataParser(FormDataParser):
    """A :class:`FormDataParser` whose text fields are either exact text or UndecodableText."""

    def _parse_multipart(
        self,
        stream: IO[bytes],
        mimetype: str,
        content_length: int | None,
        options: dict[str, str],
    ) -> t_parse_result:
        parser = _LosslessMultiPartParser(
            stream_factory=self.stream_factory,
            max_form_memory_size=self.max_form_memory_size,
            max_form_parts=self.max_form_parts,
            cls=self.cls,
        )
        boundary = options.get("boundary", "").encode("ascii")
        if not boundary:
            raise ValueError("Missing boundary")
        form, files = parser.parse(stream, boundary, content_length)
        return stream, self.cls(parser.decoded(form)), files

    def _parse_urlencoded(
        self,
        stream: IO[bytes],
        mimetype: str,
        content_length: int | None,
        options: dict[str, str],
    ) -> t_parse_result:
        if (
            self.max_form_memory_size is not None
            and content_length is not None
            and content_length > self.max_form_memory_size
        ):
            raise RequestEntityTooLarge()
        return stream, self.cls(_urlencoded_fields(stream.read())), self.cls()


def _urlencoded_fields(body: bytes) -> Iterable[tuple[str, str]]:
    # Percent-escapes and raw bytes alike come out of Latin-1 as the bytes the caller sent;
    # names only select fields, so an undecodable one is merely unknown, never refused.
    pairs = parse_qsl(body.decode(_BYTES_AS_TEXT), keep_blank_values=True, encoding=_BYTES_AS_TEXT)
    for name, value in pairs:
        raw_name, raw_value = name.encode(_BYTES_AS_TEXT), value.encode(_BYTES_AS_TEXT)
        yield (
            raw_name.decode(_URLENCODED_CHARSET, "replace"),
            decode_strictly(raw_value, _URLENCODED_CHARSET),
        )
