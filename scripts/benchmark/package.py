"""The Lambda package as `make package` builds it, zipped in a temp dir: its size, and the
directory the "as shipped" cold starts run from."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from benchmark.common import LAMBDA_DIR, PYTHON, section


@dataclass
class Package:
    directory: Path | None = None
    zipped: int = 0
    unzipped: int = 0
    files: int = 0
    largest: list[tuple[str, int]] = field(default_factory=list)
    error: str = ""


def build_package(work: Path) -> Package:
    """What `make package` ships (lambda/requirements.txt + our code, no __pycache__), zipped."""
    directory = work / "lambda-package"
    directory.mkdir()
    command = [
        PYTHON,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-compile",
        "-r",
        str(LAMBDA_DIR / "requirements.txt"),
        "-t",
        str(directory),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240)
    if result.returncode != 0:
        return Package(error=f"pip install failed: {result.stderr.strip()[-400:]}")
    shutil.copy2(LAMBDA_DIR / "lambda_function.py", directory)
    shutil.copytree(
        LAMBDA_DIR / "heat_or_ice", directory / "heat_or_ice", ignore=shutil.ignore_patterns("__pycache__")
    )
    for cache in list(directory.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    archive = work / "lambda.zip"
    sizes: dict[str, int] = {}
    files = unzipped = 0
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            relative = path.relative_to(directory)
            zipped.write(path, relative)
            size = path.stat().st_size
            files, unzipped = files + 1, unzipped + size
            top = relative.parts[0] if len(relative.parts) > 1 else "(top-level files)"
            sizes[top] = sizes.get(top, 0) + size
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
    return Package(directory, archive.stat().st_size, unzipped, files, largest)


def measure_package(work: Path, skip: bool) -> Package:
    """The package phase: build it unless skipped, print its size."""
    if skip:
        return Package(error="skipped (--no-package)")
    section("Lambda package (make package, built in a temp dir)")
    package = build_package(work)
    if package.error:
        print(package.error)
    else:
        print(
            f"zip {package.zipped / 1e6:.2f} MB, unzipped {package.unzipped / 1e6:.2f} MB, "
            f"{package.files} files"
        )
    return package
