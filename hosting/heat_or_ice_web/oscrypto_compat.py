"""Let oscrypto 1.3.0 read two-digit OpenSSL versions, so Alexa request verification can import.

The problem: flask_ask_sdk imports ask_sdk_webservice_support.verifier, which imports certvalidator
(the certificate chain check), which imports oscrypto. oscrypto 1.3.0 reads the libcrypto version
at import time with the regex ``\\b(\\d\\.\\d\\.\\d[a-z]*)\\b``. It cannot read "OpenSSL 3.0.19"
(a two-digit patch number), raises LibraryNotFoundError, and the whole web layer fails to import,
even with verification turned off. Upstream fixed that regex to accept multi-digit version parts
(wbond/oscrypto#75, PR #76, commit d5f3437) but never released the fix; 1.3.0 is the newest on PyPI.

What we do: an import hook (a ``sys.meta_path`` finder) that, only for the two oscrypto modules
that hold that regex (``oscrypto._openssl._libcrypto_cffi`` and ``_libcrypto_ctypes``), loads the
installed source, replaces that one exact regex literal with the multi-digit form
``\\b(\\d+\\.\\d+\\.\\d+[a-z]*)\\b``, and executes the result. Nothing else in oscrypto changes, and
certvalidator keeps doing the real chain validation with it.

Why this option over the others:
- oscrypto's own configuration (``oscrypto.use_openssl(libcrypto_path, ...)``, ``use_ctypes()``)
  only chooses which library or FFI to load; both FFI modules still run the same regex on the
  version string, so no configuration avoids the failure.
- Replacing certvalidator with ``cryptography.x509.verification`` in a RequestVerifier subclass
  cannot fix the import: ``ask_sdk_webservice_support.verifier`` imports certvalidator (and so
  oscrypto) at its top level, and flask_ask_sdk imports that module. It would also mean
  maintaining our own copy of Amazon's chain rules.
- Patching site-packages, vendoring oscrypto or stubbing modules in ``sys.modules`` are
  fragile (lost on reinstall, a fork to maintain) or would silently skip verification.
The hook is small, exact and self-retiring: when the stock pattern is not in the file (a fixed
oscrypto release), the finder steps aside and the normal import runs. It never writes bytecode,
so the cached ``.pyc`` files in site-packages stay those of the untouched source.

``install()`` must run before anything imports oscrypto; ``heat_or_ice_web`` calls it when the
package is imported, so every entry point under it (app, serve, console) is covered.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import CodeType

# The two modules that read the libcrypto version; oscrypto picks one depending on cffi.
PATCHED_MODULES = frozenset(
    {"oscrypto._openssl._libcrypto_cffi", "oscrypto._openssl._libcrypto_ctypes"}
)

# The regex literal exactly as it appears in oscrypto 1.3.0's source, and its multi-digit form.
STOCK_VERSION_PATTERN = r"\b(\d\.\d\.\d[a-z]*)\b"
FIXED_VERSION_PATTERN = r"\b(\d+\.\d+\.\d+[a-z]*)\b"


def _as_source_literal(pattern: str) -> bytes:
    """The pattern as oscrypto writes it: a single-quoted literal with doubled backslashes."""
    return ("'" + pattern.replace("\\", "\\\\") + "'").encode("ascii")


_STOCK_LITERAL = _as_source_literal(STOCK_VERSION_PATTERN)
_FIXED_LITERAL = _as_source_literal(FIXED_VERSION_PATTERN)

# Modules this process actually loaded with the rewritten regex (for diagnostics and tests).
rewritten_modules: set[str] = set()


def rewrite_version_regex(source: bytes) -> bytes | None:
    """Return ``source`` with the stock version regex replaced, or None if it is not there."""
    if _STOCK_LITERAL not in source:
        return None
    return source.replace(_STOCK_LITERAL, _FIXED_LITERAL)


class _RewrittenSourceLoader(importlib.machinery.SourceFileLoader):
    """Executes already-rewritten source; never reads or writes the bytecode cache."""

    def __init__(self, fullname: str, path: str, source: bytes) -> None:
        super().__init__(fullname, path)
        self._rewritten_source = source

    def get_code(self, fullname: str) -> CodeType:
        # SourceFileLoader.get_code would prefer the stock .pyc; compile our source instead.
        code = self.source_to_code(self._rewritten_source, self.path)
        rewritten_modules.add(fullname)
        return code

    def get_source(self, fullname: str) -> str:
        return self._rewritten_source.decode("utf-8")


class OscryptoVersionRegexFix(importlib.abc.MetaPathFinder):
    """Finds oscrypto's libcrypto modules and hands back a spec whose loader rewrites the regex."""

    def find_spec(self, fullname, path, target=None):  # noqa: ANN001 - importlib's signature
        if fullname not in PATCHED_MODULES:
            return None
        spec = self._spec_from_other_finders(fullname, path, target)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return None  # not a plain source file: leave it to the normal import
        source = spec.loader.get_data(spec.origin)
        rewritten = rewrite_version_regex(source)
        if rewritten is None:
            return None  # a fixed oscrypto release: nothing to do
        loader = _RewrittenSourceLoader(fullname, spec.origin, rewritten)
        return importlib.util.spec_from_file_location(fullname, spec.origin, loader=loader)

    def _spec_from_other_finders(self, fullname, path, target):  # noqa: ANN001, ANN202
        for finder in sys.meta_path:
            if isinstance(finder, OscryptoVersionRegexFix) or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                return spec
        return None


def install() -> None:
    """Put the fix first on ``sys.meta_path`` (once). Call before oscrypto is imported."""
    if not any(isinstance(finder, OscryptoVersionRegexFix) for finder in sys.meta_path):
        sys.meta_path.insert(0, OscryptoVersionRegexFix())
