"""The preview's web application (Starlette): its page, its event stream, the built PDFs and their pages.

Nothing else is served. A file is found by name among the documents of the current
snapshot (those manifest.json lists), never by joining a requested path to a folder.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from toolkit.preview.broadcast import Broadcast
from toolkit.preview.guard import Guard
from toolkit.preview.pages import PageImages

HERE = Path(__file__).resolve().parent
NOT_FOUND = "Not Found"


def create_app(broadcast: Broadcast, out_dir: Path, port: int) -> Guard:
    page = (HERE / "page.html").read_bytes()
    script = (HERE / "page.js").read_bytes()
    style = (HERE / "page.css").read_bytes()
    images = PageImages()

    def asset(body: bytes, media_type: str):
        async def endpoint(request: Request) -> Response:
            return Response(body, media_type=media_type, headers={"cache-control": "no-cache"})
        return endpoint

    def pdf_path(name: str) -> Path | None:
        doc = broadcast.current.document(name)
        return out_dir / doc.file if doc is not None else None

    async def state(request: Request) -> Response:
        return Response(broadcast.current.to_json(), media_type="application/json",
                        headers={"cache-control": "no-store"})

    async def events(request: Request) -> Response:
        async def stream():
            yield "retry: 1000\n\n"
            async for snapshot in broadcast.subscribe():
                yield f"event: state\ndata: {snapshot.to_json()}\n\n"
        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"cache-control": "no-store", "x-accel-buffering": "no"})

    async def output(request: Request) -> Response:
        doc = broadcast.current.document(request.path_params["name"])
        if doc is None:
            return PlainTextResponse(NOT_FOUND, 404)
        try:
            data = await run_in_threadpool((out_dir / doc.file).read_bytes)
        except OSError:
            return PlainTextResponse(NOT_FOUND, 404)
        return Response(data, media_type="application/pdf",
                        headers={"cache-control": "no-cache",
                                 "content-disposition": f'inline; filename="{doc.file}"'})

    async def page_image(request: Request) -> Response:
        path = pdf_path(request.path_params["name"])
        if path is None:
            return PlainTextResponse(NOT_FOUND, 404)
        try:
            png = await run_in_threadpool(images.page_png, path, request.path_params["number"])
        except OSError:
            png = None
        if png is None:
            return PlainTextResponse(NOT_FOUND, 404)
        return Response(png, media_type="image/png", headers={"cache-control": "no-cache"})

    async def page_texts(request: Request) -> Response:
        path = pdf_path(request.path_params["name"])
        if path is None:
            return PlainTextResponse(NOT_FOUND, 404)
        try:
            texts = await run_in_threadpool(images.texts, path)
        except OSError:
            return PlainTextResponse(NOT_FOUND, 404)
        return JSONResponse(texts, headers={"cache-control": "no-cache"})

    routes = [
        Route("/", asset(page, "text/html; charset=utf-8"), methods=["GET"]),
        Route("/page.js", asset(script, "text/javascript; charset=utf-8"), methods=["GET"]),
        Route("/page.css", asset(style, "text/css; charset=utf-8"), methods=["GET"]),
        Route("/state.json", state, methods=["GET"]),
        Route("/events", events, methods=["GET"]),
        Route("/files/{name}.pdf", output, methods=["GET"]),
        Route("/pages/{name}/{number:int}.png", page_image, methods=["GET"]),
        Route("/pages/{name}/text.json", page_texts, methods=["GET"]),
    ]
    app = Starlette(routes=routes)
    app.router.redirect_slashes = False
    return Guard(app, port)
