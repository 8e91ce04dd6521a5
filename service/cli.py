"""The ``verbatim`` command: serve the API, or extract and verify quotes from files.

Exit codes follow ``diff``: 0 when every candidate quote is intact and none was dropped,
1 when problems were found, 2 for bad usage or unreadable input (one line on stderr;
for ``verify-batch``: when any item could not be verified).
``extract`` exits 0 whenever it could read and process its input.

Only ``serve`` needs the web stack; ``extract`` and ``verify`` run the pure pipeline and
never import Flask.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import shutil
import sys
import textwrap
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NoReturn, TextIO

from service import batch, pipeline, resources, review
from service.models import Change, Format, PipelineError, Quote, Report, Span, Status, Verdict
from service.web.config import usable_cpus
from service.web.schemas import FORMATS, dump_extract, dump_verify, problem_body

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

STDIN = "-"
_FALLBACK_WIDTH = 100
_MIN_QUOTE_WIDTH = 30
_MAX_SPEAKER_WIDTH = 24
_MAX_CUE_WIDTH = 20
_NO_SPEAKER = "—"


class UsageError(Exception):
    """Bad arguments or unreadable input: reported in one line, exit status 2."""


# ---- input ------------------------------------------------------------------------------


def read_document(path: str) -> str:
    """The UTF-8 text of ``path`` (``-``: standard input), or a UsageError saying why not."""
    name = "standard input" if path == STDIN else path
    try:
        data = sys.stdin.buffer.read() if path == STDIN else _read_file(path)
        text = data.decode("utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise UsageError(
            f"cannot read {name}: not UTF-8 text (byte {error.start}: {error.reason})"
        ) from None
    if not text.strip():
        raise UsageError(f"{name} is empty")
    return text


def _read_file(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


# ---- output -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Palette:
    """ANSI styles, or empty strings when colour is off."""

    enabled: bool

    def paint(self, text: str, *codes: int) -> str:
        if not self.enabled or not codes:
            return text
        return f"\x1b[{';'.join(map(str, codes))}m{text}\x1b[0m"


_STATUS_COLOURS: dict[str, tuple[int, ...]] = {
    "intact": (32,),  # green
    "altered": (33, 1),  # bold yellow
    "misattributed": (31, 1),  # bold red
    "altered_misattributed": (31, 1),
    "unsourced": (35, 1),  # bold magenta
    "dropped": (31,),
}
_DIM = 2
_BOLD = 1


def use_colour(choice: str, stream: TextIO) -> bool:
    """``auto``: only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    return bool(stream.isatty()) and not os.environ.get("NO_COLOR")


def _width() -> int:
    # $COLUMNS, else the terminal's width, else (a pipe or file) a readable default.
    return shutil.get_terminal_size((_FALLBACK_WIDTH, 24)).columns


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its lines (paragraphs, in the last column), painted with ``style``."""

    lines: tuple[str, ...]
    style: tuple[int, ...] = ()


def _wrap(text: str, width: int) -> tuple[str, ...]:
    lines = textwrap.wrap(" ".join(text.split()), max(width, 1), break_long_words=True)
    return tuple(lines) or ("",)


def _wrap_paragraphs(paragraphs: Sequence[str], width: int) -> tuple[str, ...]:
    """Wrap each paragraph; one that starts with spaces keeps that indent on every line."""
    lines: list[str] = []
    for paragraph in paragraphs:
        indent = paragraph[: len(paragraph) - len(paragraph.lstrip(" "))]
        lines.extend(indent + line for line in _wrap(paragraph, width - len(indent)))
    return tuple(lines)


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    palette: Palette,
    width: int,
) -> str:
    """Columns as wide as their widest line; the last column's paragraphs wrap to fill
    what is left of ``width`` (at least ``_MIN_QUOTE_WIDTH``)."""
    widths = [len(header) for header in headers[:-1]]
    for row in rows:
        for column, cell in enumerate(row[:-1]):
            widths[column] = max([widths[column], *(len(line) for line in cell.lines)])
    last_width = max(_MIN_QUOTE_WIDTH, width - sum(widths) - 2 * len(widths))
    padded_headers = [h.ljust(w) for h, w in zip(headers, widths, strict=False)] + [headers[-1]]
    out = ["  ".join(palette.paint(header, _BOLD) for header in padded_headers)]
    for row in rows:
        cells = [cell.lines for cell in row[:-1]]
        cells.append(_wrap_paragraphs(row[-1].lines, last_width))
        for index in range(max(len(lines) for lines in cells)):
            parts = []
            for column, lines in enumerate(cells):
                line = lines[index] if index < len(lines) else ""
                if column < len(widths):
                    line = line.ljust(widths[column])
                parts.append(palette.paint(line, *row[column].style) if line.strip() else line)
            out.append("  ".join(parts).rstrip())
    return "\n".join(out)


def _speaker_name(quote: Quote | None) -> str:
    if quote is None or quote.speaker is None:
        return _NO_SPEAKER
    return quote.speaker.name


def _change_line(change: Change) -> str:
    if change.op == "insert":
        return f"+ {change.candidate}"
    if change.op == "delete":
        return f"- {change.source}"
    return f"{change.source} → {change.candidate}"


def _quoted(text: str) -> str:
    return f"“{text}”"


def _excerpt(span: Span, limit: int = 160) -> str:
    words = " ".join(span.text.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def _verdict_row(verdict: Verdict) -> list[Cell]:
    status: Status = verdict.status
    speaker = _speaker_name(verdict.candidate)
    if verdict.speaker_match == "different":
        speaker = f"{speaker} (source: {_speaker_name(verdict.source)})"
    status_text = status if verdict.severity is None else f"{status} ({verdict.severity})"
    paragraphs = [_quoted(verdict.candidate.text)]
    if status in ("altered", "altered_misattributed"):
        paragraphs.extend("  " + _change_line(change) for change in verdict.wording.changes)
    if status == "unsourced" and verdict.evidence is not None:
        paragraphs.append(f"  closest in source: {_excerpt(verdict.evidence)}")
    return [
        Cell((verdict.id,)),
        Cell((status_text,), _STATUS_COLOURS[status]),
        Cell(_wrap(speaker, _MAX_SPEAKER_WIDTH)),
        Cell(tuple(paragraphs)),
    ]


def render_verify(report: Report, palette: Palette, width: int) -> str:
    blocks: list[str] = []
    if report.verdicts:
        rows = [_verdict_row(verdict) for verdict in report.verdicts]
        headers = ("ID", "STATUS", "SPEAKER", "CANDIDATE QUOTE")
        blocks.append(render_table(headers, rows, palette, width))
    else:
        blocks.append("The candidate has no quotations.")
    if report.dropped:
        title = palette.paint(
            f"Dropped: {len(report.dropped)} source quote(s) missing from the candidate",
            *_STATUS_COLOURS["dropped"],
        )
        rows = []
        for item in report.dropped:
            paragraphs = [_quoted(item.quote.text)]
            if item.evidence is not None:
                paragraphs.append(f"  survives unquoted: {_excerpt(item.evidence)}")
            rows.append(
                [
                    Cell((item.quote.id,)),
                    Cell(_wrap(_speaker_name(item.quote), _MAX_SPEAKER_WIDTH)),
                    Cell(tuple(paragraphs)),
                ]
            )
        table = render_table(("ID", "SPEAKER", "SOURCE QUOTE"), rows, palette, width)
        blocks.append(f"{title}\n{table}")
    blocks.append(_summary_line(report, palette))
    return "\n\n".join(blocks) + "\n"


def _summary_line(report: Report, palette: Palette) -> str:
    summary = report.summary
    counts = [
        ("intact", summary.intact),
        ("altered", summary.altered),
        ("misattributed", summary.misattributed),
        ("altered_misattributed", summary.altered_misattributed),
        ("unsourced", summary.unsourced),
    ]
    parts = [
        palette.paint(f"{count} {status}", *_STATUS_COLOURS[status])
        for status, count in counts
        if count
    ]
    judged = f"{summary.quotes} candidate quote(s)"
    if parts:
        judged += ": " + ", ".join(parts)
    dropped = f"{summary.dropped} source quote(s) dropped"
    if summary.dropped:
        dropped = palette.paint(dropped, *_STATUS_COLOURS["dropped"])
    return f"{judged}; {dropped}"


def render_extract(quotes: Sequence[Quote], palette: Palette, width: int) -> str:
    if not quotes:
        return "No quotations found.\n"
    rows = []
    for quote in quotes:
        speaker = "(heading)" if quote.kind == "heading" else _speaker_name(quote)
        cue = _NO_SPEAKER if quote.cue is None else quote.cue.text
        rows.append(
            [
                Cell((quote.id,)),
                Cell(_wrap(speaker, _MAX_SPEAKER_WIDTH)),
                Cell(_wrap(cue, _MAX_CUE_WIDTH), (_DIM,)),
                Cell((_quoted(quote.text),)),
            ]
        )
    table = render_table(("ID", "SPEAKER", "CUE", "QUOTE"), rows, palette, width)
    return f"{table}\n\n{len(quotes)} quotation(s)\n"


def _json_text(body: object) -> str:
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


# ---- commands ---------------------------------------------------------------------------


def _format(value: str) -> Format:
    if value == "html":
        return "html"
    return "text"


def command_extract(args: argparse.Namespace) -> int:
    text = read_document(args.file)
    quotes = pipeline.extract(text, _format(args.format))
    if args.json:
        sys.stdout.write(_json_text(dump_extract(quotes, "codepoint")))
    else:
        palette = Palette(use_colour(args.color, sys.stdout))
        sys.stdout.write(render_extract(quotes, palette, _width()))
    return EXIT_OK


def command_verify(args: argparse.Namespace) -> int:
    if args.source == STDIN and args.candidate == STDIN:
        raise UsageError("only one of SOURCE and CANDIDATE can be - (standard input)")
    source = read_document(args.source)
    candidate = read_document(args.candidate)
    report = pipeline.verify(source, candidate, _format(args.format))
    if args.html is not None:
        page = review.render_report(
            report, source, candidate, standalone=True, fmt=_format(args.format)
        )
        try:
            with open(args.html, "w", encoding="utf-8") as file:
                file.write(page)
        except OSError as error:
            raise UsageError(f"cannot write {args.html}: {error.strerror or error}") from None
    if args.json:
        sys.stdout.write(_json_text(dump_verify(report, "codepoint")))
    else:
        palette = Palette(use_colour(args.color, sys.stdout))
        sys.stdout.write(render_verify(report, palette, _width()))
    clean = report.summary.intact == report.summary.quotes and report.summary.dropped == 0
    return EXIT_OK if clean else EXIT_PROBLEMS


# ---- verify-batch -----------------------------------------------------------------------

# Items handed to the worker pool at a time: enough to keep every core busy, few enough that
# an archive of millions of lines is never held in memory at once.
_WINDOW_PER_JOB = 8


@dataclass(frozen=True, slots=True)
class Line:
    """One input line: its 1-based number, its text, and the id it carries (if usable)."""

    number: int
    text: str
    id: str | None


@dataclass(frozen=True, slots=True)
class LineResult:
    """A worker's answer for one line: the output line, and what it found."""

    json_line: str
    status: int
    clean: bool


def _line_id(text: str) -> str | None:
    try:
        item = json.loads(text)
    except ValueError:
        return None
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) and value else None


def _input_lines(path: str) -> Iterator[Line]:
    try:
        with open(path, encoding="utf-8") as file:
            for number, text in enumerate(file, start=1):
                if text.strip():
                    yield Line(number, text, _line_id(text))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"cannot read {path}: not UTF-8 text ({error.reason})") from None


def _outcome_line(outcome: batch.Outcome, line: int) -> LineResult:
    body = outcome.as_json()
    if outcome.id is None:  # no id to match it by on resume: the line number does
        body["line"] = line
    report = outcome.report
    clean = report is not None and (
        report.summary.intact == report.summary.quotes and report.summary.dropped == 0
    )
    return LineResult(json.dumps(body, ensure_ascii=False) + "\n", outcome.status, clean)


def verify_line(line: Line) -> LineResult:
    """Verify one input line (runs in a worker process)."""
    try:
        raw: object = json.loads(line.text)
    except ValueError as error:
        problem = problem_body(
            400, f"Line {line.number} is not valid JSON: {error}.", {"line": [str(error)]}
        )
        return _outcome_line(batch.Outcome(None, 400, problem), line.number)
    outcome = batch.verify_item(raw, max_document_chars=sys.maxsize)
    return _outcome_line(outcome, line.number)


def _finished(path: str) -> tuple[set[str], set[int]]:
    """Ids (and, for items without one, line numbers) already in the output file.

    A line cut short by an interrupted run is removed, so its item is done again.
    """
    ids: set[str] = set()
    lines: set[int] = set()
    try:
        with open(path, "rb+") as file:
            data = file.read()
            complete = data[: data.rfind(b"\n") + 1]
            if len(complete) < len(data):
                file.truncate(len(complete))
    except FileNotFoundError:
        return ids, lines
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    for text in complete.decode("utf-8", errors="replace").splitlines():
        try:
            done = json.loads(text)
        except ValueError:
            continue
        if isinstance(done, dict):
            if isinstance(done.get("id"), str):
                ids.add(done["id"])
            elif isinstance(done.get("line"), int):
                lines.add(done["line"])
    return ids, lines


class Progress:
    """A progress bar on stderr: redrawn in place on a terminal; otherwise a plain line at
    most every ``interval`` seconds, so a log file gets a heartbeat and not a flood."""

    def __init__(self, total: int, stream: TextIO, *, enabled: bool, interval: float = 10.0):
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = enabled and total > 0
        self.tty = bool(stream.isatty())
        self.interval = 0.1 if self.tty else interval
        self.started = time.monotonic()
        self.shown = 0.0

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        width = 30
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        eta = time.strftime("%H:%M:%S", time.gmtime(left))
        return (
            f"[{bar}] {self.done}/{self.total} items "
            f"{100 * self.done // max(self.total, 1)}%  {rate:.1f}/s  ETA {eta}"
        )

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self.shown >= self.interval or self.done == self.total):
            self.shown = now
            self.stream.write(("\r" if self.tty else "") + self.line() + ("" if self.tty else "\n"))
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _windows(lines: Iterable[Line], size: int) -> Iterator[list[Line]]:
    window: list[Line] = []
    for line in lines:
        window.append(line)
        if len(window) == size:
            yield window
            window = []
    if window:
        yield window


def command_verify_batch(args: argparse.Namespace) -> int:
    done_ids, done_lines = (set(), set()) if args.output is None else _finished(args.output)

    def pending() -> Iterator[Line]:
        for line in _input_lines(args.pairs):
            if line.id in done_ids if line.id is not None else line.number in done_lines:
                continue
            yield line

    total = sum(1 for _ in pending())
    jobs = args.jobs or usable_cpus()
    progress = Progress(total, sys.stderr, enabled=not args.quiet)
    counts = {"clean": 0, "findings": 0, "problems": 0}
    seen: set[str] = set()
    with contextlib.ExitStack() as stack:
        output: TextIO = sys.stdout
        if args.output is not None:
            try:
                output = stack.enter_context(open(args.output, "a", encoding="utf-8"))
            except OSError as error:
                raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
        stack.callback(progress.close)
        pool = stack.enter_context(multiprocessing.Pool(jobs))
        for window in _windows(pending(), jobs * _WINDOW_PER_JOB):
            work: list[Line] = []
            for line in window:
                if line.id is not None and line.id in seen:  # a repeated id: not done twice
                    result = _outcome_line(batch.duplicate(line.id), line.number)
                    _write_result(output, result, counts, progress)
                    continue
                if line.id is not None:
                    seen.add(line.id)
                work.append(line)
            for result in pool.imap_unordered(verify_line, work):
                _write_result(output, result, counts, progress)
    skipped = len(done_ids) + len(done_lines)
    sys.stderr.write(
        f"verbatim: {total} item(s) verified"
        + (f", {skipped} already in {args.output}" if skipped else "")
        + f": {counts['clean']} clean, {counts['findings']} with findings, "
        f"{counts['problems']} problem(s)\n"
    )
    if counts["problems"]:
        return EXIT_USAGE
    return EXIT_PROBLEMS if counts["findings"] else EXIT_OK


def _write_result(
    output: TextIO, result: LineResult, counts: dict[str, int], progress: Progress
) -> None:
    # One whole line at a time, flushed: an interrupted run leaves complete lines to resume from.
    output.write(result.json_line)
    output.flush()
    if result.status != 200:
        counts["problems"] += 1
    elif result.clean:
        counts["clean"] += 1
    else:
        counts["findings"] += 1
    progress.advance()


def gunicorn_argv(args: argparse.Namespace) -> list[str]:
    """The gunicorn command line ``serve`` replaces itself with.

    Flags left unset are not passed, so ``VERBATIM_HOST``/``VERBATIM_PORT``/
    ``VERBATIM_WORKERS`` (read by the config file) apply; flags given win over them.
    """
    argv = [sys.executable, "-m", "gunicorn", "--config", str(resources.gunicorn_conf_path())]
    if args.host is not None or args.port is not None:
        from service.web.config import from_environment

        settings = from_environment()
        host = settings["HOST"] if args.host is None else args.host
        port = settings["PORT"] if args.port is None else args.port
        argv += ["--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    if args.workers is not None:
        argv += ["--workers", str(args.workers)]
    argv.append("service:create_app()")
    return argv


def command_serve(args: argparse.Namespace) -> int:
    from service.web.config import ConfigError, from_environment

    try:
        from_environment()  # fail here, in one line, rather than in gunicorn's traceback
        argv = gunicorn_argv(args)
    except (ConfigError, FileNotFoundError) as error:
        raise UsageError(str(error)) from None
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)


# ---- argument parsing -------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like the other usage errors, instead of argparse's usage block.
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def _port(value: str) -> int:
    number = _positive_int(value)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"not a TCP port: {value}")
    return number


def _add_document_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="how the files are written"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the API's JSON response instead of a table"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the table (auto: on a terminal, unless NO_COLOR is set)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="verbatim",
        description="Check whether a rewritten news article kept its quotes.",
        epilog="Exit status: 0 all quotes intact, 1 problems found, 2 bad usage or input.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve", help="run the HTTP API with gunicorn", description="Run the HTTP API."
    )
    serve.add_argument("--host", help="address to bind (default: $VERBATIM_HOST or 127.0.0.1)")
    serve.add_argument(
        "--port", type=_port, help="port to listen on (default: $VERBATIM_PORT or 8000)"
    )
    serve.add_argument(
        "--workers",
        type=_positive_int,
        help="worker processes (default: $VERBATIM_WORKERS, $WEB_CONCURRENCY or one per CPU)",
    )
    serve.set_defaults(run=command_serve)

    extract = commands.add_parser(
        "extract",
        help="list the quotations of one document",
        description="List every direct quotation of FILE, its speaker and reporting verb.",
    )
    extract.add_argument("file", metavar="FILE", help="UTF-8 document, or - for stdin")
    _add_document_options(extract)
    extract.set_defaults(run=command_extract)

    verify = commands.add_parser(
        "verify",
        help="judge the quotes of CANDIDATE against SOURCE",
        description="Judge every quote of CANDIDATE against SOURCE.",
    )
    verify.add_argument("source", metavar="SOURCE", help="the original (- for stdin)")
    verify.add_argument("candidate", metavar="CANDIDATE", help="the rewrite (- for stdin)")
    _add_document_options(verify)
    verify.add_argument(
        "--html", metavar="FILE", help="also write the report as a self-contained HTML page"
    )
    verify.set_defaults(run=command_verify)

    verify_batch = commands.add_parser(
        "verify-batch",
        help="verify every pair of a JSON Lines file, on all cores",
        description=(
            "Verify every {id, source, candidate, format?, offset_unit?} line of PAIRS and "
            "write one JSON line per item: {id, status, result} or {id, status, problem}. "
            "With --output, items whose id is already in the file are skipped, so an "
            "interrupted run resumes where it stopped."
        ),
    )
    verify_batch.add_argument("pairs", metavar="PAIRS", help="JSON Lines file, one pair a line")
    verify_batch.add_argument(
        "--jobs", type=_positive_int, help="worker processes (default: one per usable CPU)"
    )
    verify_batch.add_argument(
        "--output", metavar="FILE", help="append results here and resume (default: stdout)"
    )
    verify_batch.add_argument(
        "--quiet", action="store_true", help="no progress bar on stderr"
    )
    verify_batch.set_defaults(run=command_verify_batch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (UsageError, PipelineError) as error:
        sys.stderr.write(f"verbatim: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
