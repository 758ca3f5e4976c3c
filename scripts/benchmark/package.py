"""The Lambda package exactly as `make package` builds it (scripts/build_package.py), zipped in a
temp dir: its size and listing, and the copies of it the production cold starts run from."""

from __future__ import annotations

import compileall
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import build_package
from benchmark.common import section

# What bundling the AWS SDK adds: the Lambda runtime has these too, the rest of the package it does
# not (ask_sdk_* and, for ask-sdk-core, requests and its dependencies, dateutil, six, urllib3).
AWS_SDK = ("boto3", "botocore", "s3transfer", "jmespath")


@dataclass
class Entry:
    """One top-level name of the package (a package folder, a module, or a distribution's metadata)."""

    name: str
    files: int = 0
    unzipped: int = 0
    zipped: int = 0


@dataclass
class Package:
    directory: Path | None = None  # as shipped: source only, never a .pyc written into it
    zipped: int = 0
    unzipped: int = 0
    files: int = 0
    entries: list[Entry] = field(default_factory=list)  # largest first
    error: str = ""

    def share(self, names: tuple[str, ...]) -> tuple[int, int]:
        """(unzipped, zipped) bytes of the named top-level packages and their metadata."""
        chosen = [
            e for e in self.entries if e.name in names or e.name.startswith(tuple(f"{n}-" for n in names))
        ]
        return sum(e.unzipped for e in chosen), sum(e.zipped for e in chosen)

    def copy(self, destination: Path, compile_only: tuple[str, ...] | None = ()) -> Path:
        """A fresh copy of the package; with bytecode for everything (None) or for the named
        top-level packages, written by this Python as a read-only code directory would never be."""
        assert self.directory is not None
        shutil.copytree(self.directory, destination)
        targets = [destination] if compile_only is None else [destination / name for name in compile_only]
        for target in targets:
            if not compileall.compile_dir(target, quiet=1, workers=1):
                raise RuntimeError(f"could not compile {target}")
        return destination


def top_level(relative: str) -> str:
    return relative.split("/", 1)[0] if "/" in relative else relative.removesuffix(".py")


def build(work: Path) -> Package:
    directory = build_package.build(work / "lambda-package")
    archive = build_package.write_zip(directory, work / "lambda.zip")
    entries: dict[str, Entry] = {}
    with zipfile.ZipFile(archive) as zipped:
        for info in zipped.infolist():
            entry = entries.setdefault(top_level(info.filename), Entry(top_level(info.filename)))
            entry.files += 1
            entry.unzipped += info.file_size
            entry.zipped += info.compress_size
    listing = sorted(entries.values(), key=lambda e: -e.unzipped)
    return Package(
        directory,
        archive.stat().st_size,
        sum(e.unzipped for e in listing),
        sum(e.files for e in listing),
        listing,
    )


def measure_package(work: Path, skip: bool) -> Package:
    """The package phase: build it unless skipped, print its size and its largest entries."""
    if skip:
        return Package(error="skipped (--no-package)")
    section("Lambda package (scripts/build_package.py, as `make package` builds it, in a temp dir)")
    try:
        package = build(work)
    except RuntimeError as error:
        print(error)
        return Package(error=str(error).splitlines()[0])
    print(
        f"zip {package.zipped / 1e6:.2f} MB, unzipped {package.unzipped / 1e6:.2f} MB, {package.files} files"
    )
    sdk_unzipped, sdk_zipped = package.share(AWS_SDK)
    print(
        f"of which the AWS SDK ({', '.join(AWS_SDK)}): {sdk_unzipped / 1e6:.2f} MB unzipped, "
        f"{sdk_zipped / 1e6:.2f} MB zipped"
    )
    for entry in package.entries[:8]:
        print(f"  {entry.name:42} {entry.unzipped / 1e6:7.2f} MB  zipped {entry.zipped / 1e6:6.2f} MB")
    return package
