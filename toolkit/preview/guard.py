"""The preview's door: only this machine's own page, only reading, only plain paths.

An ASGI middleware in front of every route. A request is refused when
- its Host is not 127.0.0.1:PORT or localhost:PORT (421: a page on another site that
  rebinds its name to 127.0.0.1 cannot read the preview; no Host at all is 400);
- its method is anything but GET or HEAD (405: nothing in the preview writes);
- its path, before or after percent-decoding, has a `..` or `.` segment, an empty segment,
  a backslash or a NUL (404: there is nothing outside the routes to reach).
Every answer carries headers that keep it from being framed or sniffed.
"""

from __future__ import annotations

from urllib.parse import unquote

_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
]


class Guard:
    def __init__(self, app, port: int):
        self.app = app
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            return await self.app(scope, receive, send)
        if scope["type"] != "http":  # no WebSocket endpoint
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            return
        hosts = [value for key, value in scope["headers"] if key == b"host"]
        if len(hosts) != 1:
            return await _refuse(send, 400, "a request needs one Host header")
        if hosts[0].decode("latin-1").lower() not in self.hosts:
            return await _refuse(send, 421, "this preview answers only to its own address on 127.0.0.1")
        if scope["method"] not in ("GET", "HEAD"):
            return await _refuse(send, 405, "the preview only shows documents", [(b"allow", b"GET, HEAD")])
        if not plain_path(scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")) or \
                not plain_path(scope["path"].encode("utf-8", "surrogateescape")):
            return await _refuse(send, 404, "Not Found")

        async def secure_send(message):
            if message["type"] == "http.response.start":
                names = {key.lower() for key, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + \
                    [(key, value) for key, value in _SECURITY_HEADERS if key not in names]
            await send(message)

        await self.app(scope, receive, secure_send)


def plain_path(raw: bytes) -> bool:
    """A path of plain segments, also once percent-decoded (twice: %252e%252e stays refused)."""
    text = raw.decode("latin-1").split("?", 1)[0]
    for _ in range(3):
        if not text.startswith("/") or "\\" in text or "\x00" in text:
            return False
        segments = text[1:].split("/")
        if any(s in ("", ".", "..") for s in segments[:-1]) or segments[-1] in (".", ".."):
            return False
        decoded = unquote(text)
        if decoded == text:
            return True
        text = decoded
    return False


async def _refuse(send, status: int, message: str, headers=()) -> None:
    body = (message + "\n").encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers, *_SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
