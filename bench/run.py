"""Benchmark briefgen as people run it: whole processes, wall time and peak memory.

    python bench/run.py [--runs N] [--quick]

Every measurement is one or more fresh `briefgen` processes in a fresh output folder, run on
copies of briefgen's code and of the sample project taken at the start, or on generated content
(bench/generate.py). Prints the machine, then a Markdown table of medians over the runs; each
row's ratio is to a reference measured in the same run. Rows that need a briefgen feature that
does not exist yet say so instead of failing; a command that fails marks its rows and makes the
exit status 1. See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Literal

REPO = Path(__file__).resolve().parent.parent
# The console scripts of the environment running this file, so that the same briefgen and
# WeasyPrint are measured as imported here.
BIN = Path(sys.executable).parent
SAMPLE_PARTS = ("content", "templates")
SCALES = (1, 10, 100)
# --quick: 1× content over a few weeks, so that every row runs in well under a minute.
QUICK_WEEKS = 8
EDITION_SAMPLES = 10
# A failure shows the end of the command's stderr: the command line and the error itself.
FAILURE_LINES = 12
FORMATS = ("html", "pdf", "json")
# The audience whose brief is measured alone: the full one, with every section.
PREFERRED_AUDIENCE = "analyst"

Command = list[str]
Metric = Literal["time", "memory"]


class BenchError(Exception):
    """A command failed or the environment cannot be benchmarked."""


@dataclass(frozen=True)
class Sample:
    seconds: float
    max_rss_kib: int


def run_child(command: Command) -> Sample:
    """Run one process to the end; its wall time, and its peak RSS from the kernel."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        # Tell Popen the child is reaped, or it would try to wait for it again.
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise BenchError(f"{shlex.join(command)} exited {child.returncode}:\n{message}")
    return Sample(seconds, usage.ru_maxrss)  # KiB on Linux


def total(samples: Sequence[Sample]) -> Sample:
    return Sample(sum(s.seconds for s in samples), max(s.max_rss_kib for s in samples))


def typical(samples: Sequence[Sample]) -> Sample:
    """One command's median, for probes that run the same kind of command several times."""
    return Sample(
        statistics.median(s.seconds for s in samples), max(s.max_rss_kib for s in samples)
    )


def per(count: int) -> Callable[[Sequence[Sample]], Sample]:
    def share(samples: Sequence[Sample]) -> Sample:
        whole = total(samples)
        return Sample(whole.seconds / count, whole.max_rss_kib)

    return share


def nothing(_scratch: Path) -> list[Command]:
    return []


@dataclass(frozen=True)
class Probe:
    """One measurement: `commands` run one after another in a fresh scratch folder.

    `prepare` runs there first, untimed (a build to rebuild on top of); `combine` turns the
    commands' samples into the probe's one figure.
    """

    label: str
    commands: Callable[[Path], list[Command]]
    prepare: Callable[[Path], list[Command]] = nothing
    combine: Callable[[Sequence[Sample]], Sample] = total

    def measure(self) -> Sample:
        with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
            for command in self.prepare(Path(scratch)):
                run_child(command)
            return self.combine([run_child(c) for c in self.commands(Path(scratch))])


@dataclass(frozen=True)
class Row:
    """A line of the table: a probe against its reference, or why it cannot be measured yet."""

    label: str
    probe: Probe | None = None
    reference: Probe | None = None
    metric: Metric = "time"
    needs: str = ""

    def probes(self) -> list[Probe]:
        return [p for p in (self.probe, self.reference) if p]


@dataclass(frozen=True)
class Features:
    """What `briefgen build --help` offers; rows adapt to it."""

    audience: bool
    force: bool
    all_editions: bool

    @classmethod
    def detect(cls) -> Features:
        done = subprocess.run(briefgen("build", "--help"), capture_output=True, text=True)
        if done.returncode:
            raise BenchError(f"briefgen build --help exited {done.returncode}:\n{done.stderr}")
        text = done.stdout

        def has(option: str) -> bool:
            return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None

        return cls(has("--audience"), has("--force"), has("--all-editions"))


@dataclass(frozen=True)
class Setup:
    """Everything the probes read, made once before the runs."""

    sample: Path
    generated: dict[int, Path]
    features: Features
    audiences: list[str]
    audience: str
    sample_html: Path
    editions: list[str]
    unbudgeted: dict[int, Path] = field(default_factory=dict)
    """Each generated project again, its executive brief without a page budget: laid out once."""

    def one_brief(self) -> list[str]:
        return ["--audience", self.audience] if self.features.audience else []

    def full(self) -> list[str]:
        # A build cache, wherever it lives, must not turn a full build into a rebuild.
        return ["--force"] if self.features.force else []


def briefgen(*args: str | Path) -> Command:
    return [str(BIN / "briefgen"), *map(str, args)]


def build(project: Path, out: Path, *args: str) -> Command:
    return briefgen("build", "--project", project, "--out", out, *args)


def snapshot(root: Path) -> Path:
    """Copy the sample project and briefgen's code: the team edits both while the runs go on.

    Children import the copy (PYTHONPATH comes before the editable install) and keep their
    bytecode in the temp folder: cached as people have it, even where the environment turns
    bytecode writing off, and never written into the repository.
    """
    sample = root / "sample"
    for part in SAMPLE_PARTS:
        if (REPO / part).is_dir():
            shutil.copytree(REPO / part, sample / part)
    code = root / "code"
    shutil.copytree(
        REPO / "briefgen", code / "briefgen", ignore=shutil.ignore_patterns("__pycache__")
    )
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(code), os.environ.get("PYTHONPATH")])
    )
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    return sample


def prepare(root: Path, scales: Iterable[int], weeks: list[str]) -> Setup:
    """Snapshot the code and sample, generate content, build the sample once."""
    sample = snapshot(root)
    generator = str(Path(__file__).with_name("generate.py"))
    generated = {scale: root / f"generated-{scale}x" for scale in scales}
    for scale, folder in generated.items():
        run_child([sys.executable, generator, str(folder), "--scale", str(scale), *weeks])
    features = Features.detect()
    # A full build lists the audiences, gives the weasyprint CLI its input and fills the
    # bytecode cache, so that the first run measures no compiling.
    first_build = root / "first-build"
    run_child(build(sample, first_build))
    html_files = sorted(first_build.glob("*/*.html"))
    chosen = next((p for p in html_files if p.stem == PREFERRED_AUDIENCE), html_files[0])
    largest = generated[max(scales)]
    unbudgeted = {scale: unbudgeted_twin(folder) for scale, folder in generated.items()}
    return Setup(
        sample=sample,
        generated=generated,
        features=features,
        audiences=[p.stem for p in html_files] if features.audience else [],
        audience=chosen.stem,
        sample_html=chosen,
        editions=sorted(p.stem for p in (largest / "content" / "editions").glob("*.md")),
        unbudgeted=unbudgeted,
    )


def unbudgeted_twin(project: Path) -> Path:
    """A copy of `project` whose executive profile is the built-in one without `pages`."""
    twin = project.with_name(project.name + "-unbudgeted")
    shutil.copytree(project, twin)
    builtin = REPO / "briefgen" / "content" / "audiences" / "executive.yaml"
    profile = [line for line in builtin.read_text().splitlines() if not line.startswith("pages:")]
    (twin / "content" / "audiences").mkdir(exist_ok=True)
    (twin / "content" / "audiences" / "executive.yaml").write_text("\n".join(profile) + "\n")
    return twin


def evenly(items: Sequence[str], count: int) -> list[str]:
    """`count` items from first to last, evenly spaced."""
    if len(items) <= count:
        return list(items)
    step = (len(items) - 1) / max(count - 1, 1)
    return [items[round(i * step)] for i in range(count)]


# Probes are keyed by label: the same label is the same command, measured once per run.
def check_probe(project: Path, name: str) -> Probe:
    return Probe(f"check, {name}", lambda _: [briefgen("check", "--project", project)])


def build_probe(s: Setup, project: Path, name: str, fmt: str) -> Probe:
    """One audience's brief in one format, as of the latest edition."""
    return Probe(
        f"{fmt.upper()} build, {name}",
        lambda d: [build(project, d, "--format", fmt, *s.one_brief(), *s.full())],
    )


def sample_rows(s: Setup) -> list[Row]:
    full = s.full()
    html = build_probe(s, s.sample, "sample", "html")
    pdf = build_probe(s, s.sample, "sample", "pdf")
    floor = Probe(
        "weasyprint CLI on briefgen's HTML",
        lambda d: [[str(BIN / "weasyprint"), str(s.sample_html), str(d / "out.pdf")]],
    )
    if s.audiences:
        briefs = [["--audience", a, "--format", f] for a in s.audiences for f in FORMATS]
        edition = f"{len(s.audiences)} audiences × html,pdf,json"
    else:
        briefs = [["--format", f] for f in FORMATS]
        edition = "html,pdf,json"
    whole = Probe(f"whole edition ({edition})", lambda d: [build(s.sample, d, *full)])
    apart = Probe(
        f"{len(briefs)} commands, one per brief",
        lambda d: [build(s.sample, d, *brief, *full) for brief in briefs],
    )
    return [
        Row(f"HTML build, sample, one audience ({s.audience}), cold process", html, pdf),
        Row(f"PDF build, sample, one audience ({s.audience})", pdf, floor),
        Row(f"Whole edition in one command ({edition})", whole, apart),
        rebuild_row(s),
    ]


def rebuild_row(s: Setup) -> Row:
    if not s.features.force:
        return Row("Rebuild, nothing changed", needs="incremental builds")
    rebuild = Probe(
        "rebuild, nothing changed",
        lambda d: [build(s.sample, d)],
        prepare=lambda d: [build(s.sample, d)],
    )
    forced = Probe(
        "full build (--force) over the same output",
        lambda d: [build(s.sample, d, "--force")],
        prepare=lambda d: [build(s.sample, d)],
    )
    return Row("Rebuild, nothing changed", rebuild, forced)


def scale_rows(s: Setup) -> list[Row]:
    """Check, HTML and PDF at each scale, each against the scale below (the sample for 1×)."""
    below = "sample"
    below_project = s.sample
    rows = []
    for scale, project in s.generated.items():
        name = f"{scale}×"
        pdf = build_probe(s, project, name, "pdf")
        below_pdf = build_probe(s, below_project, below, "pdf")
        rows += [
            Row(f"`check`, {name}", check_probe(project, name), check_probe(below_project, below)),
            Row(
                f"HTML build, {name}, latest edition",
                build_probe(s, project, name, "html"),
                build_probe(s, below_project, below, "html"),
            ),
            Row(f"PDF build, {name}, latest edition", pdf, below_pdf),
            Row(f"PDF build, {name}: peak memory", pdf, below_pdf, "memory"),
        ]
        below, below_project = name, project
    return rows


def every_edition_rows(s: Setup) -> list[Row]:
    """Per-edition cost of a whole archive: one command per edition, then all in one command."""
    scale = max(s.generated)
    project = s.generated[scale]
    one, full = s.one_brief(), s.full()
    dates = evenly(s.editions, EDITION_SAMPLES)
    apart = Probe(
        f"{len(dates)} evenly spaced editions, {scale}×, one --as-of command each (median)",
        lambda d: [
            build(project, d, "--as-of", day, "--format", "html", *one, *full) for day in dates
        ],
        combine=typical,
    )
    label = f"Every weekly edition, {scale}×, HTML, per edition"
    rows = [
        Row(
            f"{label}: one command each (median of {len(dates)} evenly spaced --as-of builds)",
            apart,
            build_probe(s, project, f"{scale}×", "html"),
        )
    ]
    if not s.features.all_editions:
        return [*rows, Row(f"{label}: --all-editions", needs="--all-editions")]
    together = Probe(
        f"every edition, {scale}×, --all-editions",
        lambda d: [build(project, d, "--all-editions", "--format", "html", *one, *full)],
        combine=per(len(s.editions)),
    )
    return [*rows, Row(f"{label}: --all-editions, total / {len(s.editions)}", together, apart)]


def fit_rows(s: Setup) -> list[Row]:
    """The executive brief fitted to two pages against the same brief laid out once."""
    if not s.features.audience:
        return [Row("Executive PDF fitted to 2 pages", needs="--audience")]
    rows = []
    args = ("--audience", "executive", "--format", "pdf", *s.full())
    for scale, project in s.generated.items():
        name = f"{scale}×" if scale > 1 else "1× (generated)"
        fitted = Probe(f"executive PDF, {name}, fitted", lambda d, p=project: [build(p, d, *args)])
        twin = s.unbudgeted[scale]
        once = Probe(f"executive PDF, {name}, no budget", lambda d, p=twin: [build(p, d, *args)])
        rows.append(Row(f"Executive PDF fitted to 2 pages, {name}", fitted, once))
    return rows


def plan(s: Setup) -> list[Row]:
    return [*sample_rows(s), *scale_rows(s), *fit_rows(s), *every_edition_rows(s)]


@dataclass
class Results:
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)


def measure(rows: Sequence[Row], runs: int) -> Results:
    """Every probe once per run, interleaved, so that drift hits rows and references alike.

    A probe that fails is not tried again; the other rows still get their figures.
    """
    results = Results()
    for run in range(1, runs + 1):
        done: set[str] = set()
        for probe in (p for row in rows for p in row.probes()):
            if probe.label in done or probe.label in results.failures:
                continue
            done.add(probe.label)
            print(f"run {run}/{runs}: {probe.label}", file=sys.stderr, flush=True)
            try:
                results.samples.setdefault(probe.label, []).append(probe.measure())
            except BenchError as exc:
                results.failures[probe.label] = str(exc)
    return results


def value(sample: Sample, metric: Metric) -> float:
    return sample.seconds if metric == "time" else sample.max_rss_kib


def shown(number: float, metric: Metric) -> str:
    if metric == "memory":
        return f"{number / 1024:.0f} MiB"
    return f"{number:.3f} s" if number < 10 else f"{number:.1f} s"


def table(rows: Sequence[Row], results: Results) -> list[str]:
    lines = [
        "| measurement | median | reference | ref. median | ratio |",
        "|---|--:|---|--:|--:|",
    ]
    for row in rows:
        if not (row.probe and row.reference):
            lines.append(f"| {row.label} | n/a (needs {row.needs}) | | | |")
            continue
        failed = [p.label for p in row.probes() if p.label in results.failures]
        if failed:
            lines.append(f"| {row.label} | failed: {failed[0]} | | | |")
            continue
        mine = [value(x, row.metric) for x in results.samples[row.probe.label]]
        theirs = [value(x, row.metric) for x in results.samples[row.reference.label]]
        ratio = statistics.median(a / b for a, b in zip(mine, theirs, strict=True))
        lines.append(
            f"| {row.label} | {shown(statistics.median(mine), row.metric)} "
            f"| {row.reference.label} | {shown(statistics.median(theirs), row.metric)} "
            f"| {ratio:.2f}× |"
        )
    return lines


def revision() -> str:
    """The commit measured, and whether the copied parts differed from it."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        )
        changed = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "briefgen", *SAMPLE_PARTS],
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown (no git)"
    if head.returncode:
        return "unknown (not a git checkout)"
    return head.stdout.strip() + (" with uncommitted changes" if changed else "")


def machine() -> str:
    return (
        f"machine: {os.cpu_count()} CPUs, {platform.platform()}, Python "
        f"{platform.python_version()}, WeasyPrint {metadata.version('weasyprint')}, "
        f"briefgen {metadata.version('briefgen')}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--quick", action="store_true", help="smoke test: 1 run, 1× content only")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    if not (BIN / "briefgen").exists():
        parser.error(f"no briefgen next to {sys.executable}: run with the project's venv Python")
    runs, scales, weeks = (
        (1, SCALES[:1], ["--weeks", str(QUICK_WEEKS)]) if args.quick else (args.runs, SCALES, [])
    )
    code = revision()
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as root:
        try:
            rows = plan(prepare(Path(root), scales, weeks))
        except BenchError as exc:
            print(f"bench: setup failed: {exc}", file=sys.stderr)
            return 1
        load_before = os.getloadavg()[0]
        results = measure(rows, runs)
    print(machine())
    print(f"briefgen code: {code}, copied before the first run")
    # Other work on the machine skews every figure: say how busy it was.
    print(f"load average (1 min): {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"runs: {runs}; medians; ratio = median over runs of measurement / reference\n")
    print("\n".join(table(rows, results)))
    for label, message in results.failures.items():
        tail = "\n".join(message.splitlines()[-FAILURE_LINES:])
        print(f"\nbench: {label} failed: {tail}", file=sys.stderr)
    return 1 if results.failures else 0


if __name__ == "__main__":
    sys.exit(main())
