"""The oscrypto version fix: the web layer imports, oscrypto reads the right version, chains validate.

Import-time behaviour is checked in fresh interpreters, because this test process has already
imported oscrypto (through the fix) and an import cannot be undone.
"""

from __future__ import annotations

import json
import os
import re
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from asn1crypto import pem
from certvalidator import CertificateValidator, ValidationContext

from heat_or_ice_web import oscrypto_compat
from tests.support.alexa_signing import signing_chains

REPO = Path(__file__).resolve().parents[2]

REPORT_VERSION = """
import json, ssl, sys
{prelude}
import heat_or_ice_web.app  # installs the fix, then imports flask_ask_sdk
import oscrypto
from oscrypto._openssl._libcrypto import libcrypto_version_info
from heat_or_ice_web import oscrypto_compat
ffi_module = sys.modules["oscrypto._openssl._libcrypto_" + oscrypto.ffi()]
print(json.dumps({{
    "version_info": list(libcrypto_version_info),
    "version_string": ffi_module.version_string,
    "rewritten": sorted(oscrypto_compat.rewritten_modules),
}}))
"""


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**os.environ,
             "PYTHONPATH": os.pathsep.join([str(REPO / 'lambda'), str(REPO / 'hosting'), str(REPO)])},
        capture_output=True,
        text=True,
        timeout=60,
    )


def numbers_in(version_string: str) -> tuple[int, int, int]:
    """The first x.y.z in a version string, parsed without any regex from oscrypto."""
    for word in version_string.split():
        parts = word.split(".")
        if len(parts) >= 3 and all(part[:1].isdigit() for part in parts[:3]):
            return tuple(int(re.match(r"\d+", part).group()) for part in parts[:3])
    raise AssertionError(f"no version in {version_string!r}")


def python_ssl_version() -> tuple[int, int, int]:
    """Python's linked OpenSSL as (major, minor, patch).

    ssl.OPENSSL_VERSION_INFO decodes OpenSSL 3's number with the 1.x layout (3.0.19 reads as
    (3, 0, 0, 19, 0)), so decode OPENSSL_VERSION_NUMBER ourselves for 3.x.
    """
    number = ssl.OPENSSL_VERSION_NUMBER
    if number >> 28 >= 3:  # 0xMNN00PPSL
        return (number >> 28, (number >> 20) & 0xFF, (number >> 4) & 0xFF)
    return tuple(ssl.OPENSSL_VERSION_INFO[:3])


@pytest.fixture(scope="module")
def fixed_import_report() -> dict:
    result = run_python(REPORT_VERSION.format(prelude=""))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_fresh_interpreter_imports_the_web_app_and_reads_the_libcrypto_version(
    fixed_import_report,
):
    version_info = tuple(fixed_import_report["version_info"][:3])
    assert version_info == numbers_in(fixed_import_report["version_string"])
    if fixed_import_report["version_string"] == ssl.OPENSSL_VERSION:  # the same libcrypto
        assert version_info == python_ssl_version()


def test_the_ctypes_backend_is_fixed_too():
    result = run_python(REPORT_VERSION.format(prelude="import oscrypto; oscrypto.use_ctypes()"))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert tuple(report["version_info"][:3]) == numbers_in(report["version_string"])
    stock_reads_it = re.search(oscrypto_compat.STOCK_VERSION_PATTERN, report["version_string"])
    expected = [] if stock_reads_it else ["oscrypto._openssl._libcrypto_ctypes"]
    assert report["rewritten"] == expected


def test_without_the_fix_the_import_fails_exactly_when_the_stock_regex_cannot_read_the_version(
    fixed_import_report,
):
    result = run_python("import flask_ask_sdk.skill_adapter")
    stock_reads_it = re.search(
        oscrypto_compat.STOCK_VERSION_PATTERN, fixed_import_report["version_string"]
    )
    if stock_reads_it:  # e.g. OpenSSL 3.0.9 or 1.1.1w: upstream 1.3.0 works, the fix stays idle
        assert result.returncode == 0, result.stderr
        assert fixed_import_report["rewritten"] == []
    else:  # e.g. OpenSSL 3.0.19, as on this project's machines
        assert "LibraryNotFoundError: Error detecting the version of libcrypto" in result.stderr
        assert fixed_import_report["rewritten"] == ["oscrypto._openssl._libcrypto_cffi"]


@pytest.mark.parametrize(
    "version_string, version",
    [
        ("OpenSSL 3.0.19 27 Jan 2026", "3.0.19"),
        ("OpenSSL 3.0.2 15 Mar 2022", "3.0.2"),
        ("OpenSSL 1.1.1w  11 Sep 2023", "1.1.1w"),
        ("OpenSSL 3.10.12 1 Jan 2030", "3.10.12"),
        ("LibreSSL 3.8.2", "3.8.2"),
    ],
)
def test_the_fixed_pattern_reads_multi_digit_versions(version_string, version):
    assert re.search(oscrypto_compat.FIXED_VERSION_PATTERN, version_string).group(1) == version


def test_the_rewrite_touches_only_the_version_regex_of_the_installed_source():
    import oscrypto._openssl._libcrypto_cffi as installed

    source = Path(installed.__file__).read_bytes()
    rewritten = oscrypto_compat.rewrite_version_regex(source)
    if rewritten is None:
        pytest.fail("the installed oscrypto no longer has the stock regex: retire the fix")
    changed = [
        (old, new)
        for old, new in zip(source.splitlines(), rewritten.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1
    assert b"version_match = re.search(" in changed[0][1]


def write_fake_module(directory: Path, source: str) -> list[str]:
    package = directory / "oscrypto" / "_openssl"
    package.mkdir(parents=True)
    (package / "_libcrypto_cffi.py").write_text(source)
    return [str(package)]


def test_the_finder_steps_aside_when_the_pattern_is_already_fixed(tmp_path):
    fixed_source = "version_match = re.search('\\\\b(\\\\d+\\\\.\\\\d+\\\\.\\\\d+[a-z]*)\\\\b', s)\n"
    path = write_fake_module(tmp_path, fixed_source)
    finder = oscrypto_compat.OscryptoVersionRegexFix()
    assert finder.find_spec("oscrypto._openssl._libcrypto_cffi", path) is None


def test_the_finder_rewrites_the_stock_pattern(tmp_path):
    stock_source = "version_match = re.search('\\\\b(\\\\d\\\\.\\\\d\\\\.\\\\d[a-z]*)\\\\b', s)\n"
    path = write_fake_module(tmp_path, stock_source)
    finder = oscrypto_compat.OscryptoVersionRegexFix()
    spec = finder.find_spec("oscrypto._openssl._libcrypto_cffi", path)
    assert oscrypto_compat.FIXED_VERSION_PATTERN in spec.loader.get_source(spec.name).replace(
        "\\\\", "\\"
    )


def test_the_finder_ignores_every_other_module():
    finder = oscrypto_compat.OscryptoVersionRegexFix()
    assert finder.find_spec("oscrypto._openssl._libssl_cffi", None) is None
    assert finder.find_spec("json", None) is None


def test_installing_twice_adds_one_finder():
    oscrypto_compat.install()
    oscrypto_compat.install()
    finders = [f for f in sys.meta_path if isinstance(f, oscrypto_compat.OscryptoVersionRegexFix)]
    assert len(finders) == 1


def test_certvalidator_validates_a_chain_with_the_fixed_oscrypto():
    chains = signing_chains()
    leaf, intermediate = [der for _, _, der in pem.unarmor(chains.trusted_chain_pem, multiple=True)]
    context = ValidationContext(trust_roots=[chains.root_pem])
    path = CertificateValidator(leaf, [intermediate], validation_context=context).validate_usage(
        {"digital_signature"}
    )
    assert [cert.subject.native["common_name"] for cert in path] == [
        "Heat or Ice Test Root CA", "Heat or Ice Test Intermediate CA", "echo-api.amazon.com",
    ]
