"""The Lambda package as `make package` builds it: only what the function runs, and it runs alone.

The package is built once, for real (scripts/build_package.py, the .venv's pip, the function's
platform), into a temporary directory. The entry point is then imported in a fresh interpreter
that sees the package directory and the standard library and nothing else (`python -I -S`: no
site-packages, no PYTHONPATH), and answers a LaunchRequest in SQLite and in DynamoDB mode.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cfnlint.decode import decode_str

from scripts import build_package
from tests.support.alexa_signing import launch_request_envelope
from tests.support.dynalite import Dynalite

from ._voice import ROOT

TEMPLATE, _ = decode_str((ROOT / "template.yaml").read_text(encoding="utf-8"))
CODE_URI = ROOT / TEMPLATE["Resources"]["SkillFunction"]["Properties"]["CodeUri"]

# Top-level names of local hosting, the console and simulators, the test and lint tools, and
# their dependencies: none of them may ship.
DEVELOPMENT_TOOLING = {
    "heat_or_ice_web", "tests", "flask", "flask_ask_sdk", "werkzeug", "jinja2", "markupsafe", "click",
    "itsdangerous", "blinker", "ask_sdk_webservice_support", "certvalidator", "oscrypto", "asn1crypto",
    "cryptography", "cffi", "pytest", "_pytest", "pluggy", "iniconfig", "hypothesis", "cfnlint", "ruff",
    "freezegun", "yaml",
}  # fmt: skip
# Finders dependencies add to sys.meta_path on import: six's for `six.moves`, and botocore's copy of it.
DEPENDENCY_FINDERS = {"six._SixMetaPathImporter", "botocore.vendored.six._SixMetaPathImporter"}

# Runs under `python -I -S`: only the package and the standard library can be imported.
ENTRY_CHILD = """
import json, os, sys
standard_library = list(sys.path)
package = os.environ["PACKAGE_DIR"]
sys.path.insert(0, package)
def finders():
    return [type(finder).__module__ + "." + type(finder).__qualname__ for finder in sys.meta_path]
before = finders()
import lambda_function
response = lambda_function.lambda_handler(json.loads(os.environ["LAUNCH_EVENT"]), None)
outside = sorted(
    name for name, module in list(sys.modules.items())
    if getattr(module, "__file__", None)
    and not module.__file__.startswith(tuple([package + os.sep] + [p + os.sep for p in standard_library]))
)
print(json.dumps({
    "speech": response["response"]["outputSpeech"]["ssml"],
    "search_path": sys.path,
    "outside": outside,
    "modules": sorted(sys.modules),
    "finders_added": [finder for finder in finders() if finder not in before],
    "store": type(lambda_function._skill.persistence_adapter).__name__,
}))
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_package.build(tmp_path_factory.mktemp("package") / "lambda")


def dependency_files(package: Path) -> set[Path]:
    """Every file the installed distributions list in their RECORD, their metadata included."""
    files = set()
    for record in package.glob("*.dist-info/RECORD"):
        for line in record.read_text(encoding="utf-8").splitlines():
            if line.strip():
                files.add(Path(line.rsplit(",", 2)[0]))
    return files


def top_level_names(package: Path) -> set[str]:
    names = (path.name for path in package.iterdir())
    return {name.removesuffix(".py").lower() for name in names if not name.endswith(".dist-info")}


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def run_entry(package: Path, tmp_path: Path, **environ: str) -> dict:
    env = {
        "PACKAGE_DIR": str(package),
        "LAUNCH_EVENT": json.dumps(launch_request_envelope()),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        **environ,
    }
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", ENTRY_CHILD],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_code_uri_is_the_lambda_directory():
    assert CODE_URI.resolve() == build_package.CODE_DIR.resolve()


def test_our_files_in_the_package_are_exactly_those_under_code_uri(package: Path):
    shipped = {path.relative_to(package) for path in package.rglob("*") if path.is_file()}
    ours = shipped - dependency_files(package)
    assert ours == set(build_package.code_files(CODE_URI))
    assert Path("lambda_function.py") in ours
    assert Path("requirements.txt") in ours, "sam build copies it too"


def test_every_installed_distribution_is_pinned_in_the_requirements(package: Path):
    pins = {}
    for line in (CODE_URI / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{line!r} is not pinned"
            pins[normalized(name)] = version
    installed = {}
    for info in package.glob("*.dist-info"):
        name, version = info.name.removesuffix(".dist-info").rsplit("-", 1)
        installed[normalized(name)] = version
    assert installed == pins


def test_the_package_holds_no_development_tooling(package: Path):
    assert not top_level_names(package) & DEVELOPMENT_TOOLING
    ours = sorted(build_package.code_files(CODE_URI))
    assert not [p for p in ours if p.name.startswith(("test_", "conftest")) or "tests" in p.parts]
    assert not [p for p in ours if "console" in p.name or p.parts[:2] == ("heat_or_ice", "web")]
    hook = re.compile(r"sys\.meta_path|sys\.path_hooks")
    hooks = [p for p in ours if p.suffix == ".py" and hook.search((CODE_URI / p).read_text("utf-8"))]
    assert not hooks, f"import hooks in the function's code: {hooks}"


def test_the_entry_point_answers_from_the_package_alone_with_sqlite(package: Path, tmp_path: Path):
    result = run_entry(package, tmp_path, SKILL_DB_PATH=str(tmp_path / "skill.sqlite3"))
    assert "<speak>" in result["speech"]
    assert result["store"] == "SqlitePersistenceAdapter"
    assert not [p for p in result["search_path"] if "site-packages" in p]
    assert result["outside"] == [], "modules from outside the package and the standard library"
    assert set(result["finders_added"]) <= DEPENDENCY_FINDERS, "an import hook was installed"
    assert not {name.split(".")[0].lower() for name in result["modules"]} & DEVELOPMENT_TOOLING
    assert "boto3" not in result["modules"], "SQLite mode stays free of boto3"


def test_the_entry_point_answers_from_the_package_alone_with_dynamodb(
    package: Path, tmp_path: Path, dynalite: Dynalite
):
    dynalite.create_table("heat-or-ice-package")
    result = run_entry(package, tmp_path, DYNAMODB_TABLE="heat-or-ice-package", **dynalite.environ())
    assert "<speak>" in result["speech"]
    assert result["store"] == "TtlDynamoDbAdapter"
    assert result["outside"] == []
    assert set(result["finders_added"]) <= DEPENDENCY_FINDERS
    assert {"boto3", "botocore", "ask_sdk_dynamodb.adapter"} <= set(result["modules"])
