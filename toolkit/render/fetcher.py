"""Resource URLs in HTML/CSS -> file contents, only from allowed folders; never the network (both
renderers: the PDF, and the DOCX's pictures that WeasyPrint draws).

WeasyPrint's own fetcher opens any URL and any readable file. This one serves
`file:` URLs under the allowed roots (templates, meeting folder) and refuses
everything else by stopping the render, so a refused fetch is a build error.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

MAX_RESOURCE_BYTES = 20 * 1024 * 1024
# A fixed table: Python's mimetypes would read /etc/mime.types, outside what the toolkit reads.
_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
          ".jpeg": "image/jpeg", ".gif": "image/gif", ".ttf": "font/ttf", ".otf": "font/otf",
          ".woff": "font/woff", ".woff2": "font/woff2"}


class RefusedFetch(FatalURLFetchingError):
    """A URL the toolkit will not fetch (BaseException: WeasyPrint must not swallow it)."""


class RestrictedFetcher(URLFetcher):
    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=True)
        self.roots = [root.resolve() for root in roots]

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedFetch(f"refused to fetch {url[:200]!r}: only files of the meeting and templates are used")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise RefusedFetch(f"refused to read {str(path)[:200]!r}: outside the meeting folder and templates")
        if not path.is_file():
            raise RefusedFetch(f"cannot read {str(path)[:200]!r}: not a regular file")
        if path.stat().st_size > MAX_RESOURCE_BYTES:
            raise RefusedFetch(f"refused to read {str(path)[:200]!r}: larger than {MAX_RESOURCE_BYTES} bytes")
        body = path.read_bytes()
        content_type = _TYPES.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(path.as_uri(), body, {"Content-Type": content_type})
