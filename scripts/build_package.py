"""Build the Lambda package: the files template.yaml's CodeUri holds plus its pinned requirements.

    make package                                  # build/lambda and build/lambda.zip
    .venv/bin/python scripts/build_package.py --target DIR [--zip FILE]

What `sam build` puts in the function, built the same way:
- every file under CODE_DIR (template.yaml's CodeUri, `lambda/`) except what SAM's Python builder
  leaves out (caches, bytecode, virtual environments, editor folders: SAM_EXCLUDED below);
- `pip install -r lambda/requirements.txt` into the same directory, with wheels for the function's
  runtime and architecture (RUNTIME and ARCHITECTURE, checked against template.yaml by the tests),
  as SAM downloads them, so a compiled wheel is never the build machine's.
pip is the one of the Python running this script (the project's .venv under make), never the
system's. No bytecode is written: Lambda's code directory is read-only, so what ships is source.
"""

from __future__ import annotations

import argparse
import fnmatch
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE_DIR = ROOT / "lambda"
REQUIREMENTS = CODE_DIR / "requirements.txt"
RUNTIME = "python3.13"  # template.yaml: LambdaRuntime's default
ARCHITECTURE = "arm64"  # template.yaml: Architectures
PIP_PLATFORMS = {"arm64": "manylinux2014_aarch64", "x86_64": "manylinux2014_x86_64"}

# aws-lambda-builders' PythonPipWorkflow.EXCLUDED_FILES, the patterns `sam build` does not copy.
SAM_EXCLUDED = (
    ".aws-sam", ".chalice", ".git", ".gitignore", "*.pyc", "__pycache__", "*.so", ".Python",
    "*.egg-info", "*.egg", "pip-log.txt", "pip-delete-this-directory.txt", "htmlcov", ".tox",
    ".nox", ".coverage", ".cache", ".pytest_cache", ".python-version", ".mypy_cache",
    ".dmypy.json", ".pyre", ".env", ".venv", "venv", "venv.bak", "env.bak", "ENV", "env",
    ".vscode", ".idea",
)  # fmt: skip


def excluded(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in SAM_EXCLUDED)


def code_files(code_dir: Path = CODE_DIR) -> list[Path]:
    """The files of CodeUri that SAM copies, relative to it, sorted."""
    found = []
    for path in sorted(code_dir.rglob("*")):
        relative = path.relative_to(code_dir)
        if path.is_file() and not any(excluded(part) for part in relative.parts):
            found.append(relative)
    return found


def pip_install(target: Path, requirements: Path = REQUIREMENTS) -> None:
    python_version = RUNTIME.removeprefix("python")
    command = [
        sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-compile", "--only-binary=:all:", "--platform", PIP_PLATFORMS[ARCHITECTURE],
        "--implementation", "cp", "--python-version", python_version,
        "--abi", f"cp{python_version.replace('.', '')}",
        "--target", str(target), "-r", str(requirements),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pip install failed ({' '.join(command)}):\n{result.stdout}{result.stderr}")
    shutil.rmtree(target / "bin", ignore_errors=True)  # console scripts: nothing Lambda runs


def build(target: Path) -> Path:
    """A fresh package directory at `target` (replaced if it exists)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    pip_install(target)
    for relative in code_files():
        destination = target / relative
        if destination.exists():
            raise RuntimeError(f"{relative} is both ours and a dependency's")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(CODE_DIR / relative, destination)
    return target


def write_zip(directory: Path, archive: Path) -> Path:
    """A reproducible zip of `directory`: sorted entries, fixed dates, files readable by all."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(path.relative_to(directory).as_posix(), date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(entry, path.read_bytes())
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", type=Path, default=ROOT / "build" / "lambda")
    parser.add_argument("--zip", type=Path, help="also write this zip of the package")
    args = parser.parse_args(argv)
    build(args.target)
    files = [p for p in args.target.rglob("*") if p.is_file()]
    print(f"{args.target}: {len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB unpacked")
    if args.zip:
        print(f"{write_zip(args.target, args.zip)}: {args.zip.stat().st_size / 1e6:.1f} MB zipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
