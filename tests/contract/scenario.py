"""A short editor's and reader's scenario through the Python client that openapi-python-client
generates, with its default configuration, from openapi/openapi.json.

    python scenario.py BASE_URL ADMIN_PASSWORD   (with the generated package on PYTHONPATH)

Every step goes through the generated functions and models, so a spec that default generators
misread (an enum that makes colliding names, a response they cannot type, a multipart body they
cannot send) fails here rather than in an integrator's project. Exits non-zero on the first
step that does not behave as the document says.
"""

import io
import struct
import sys
import time
import zlib
from http import HTTPStatus
from typing import Any, TypeVar, cast

from portal_cms_api_client import AuthenticatedClient, Client
from portal_cms_api_client.api.articles import (
    create_article,
    delete_article,
    get_article,
    list_articles,
    update_article,
)
from portal_cms_api_client.api.auth import login, logout, me
from portal_cms_api_client.api.categories import create_category, delete_category
from portal_cms_api_client.api.health import readyz
from portal_cms_api_client.api.media import delete_media, upload_media
from portal_cms_api_client.api.search import search_articles
from portal_cms_api_client.api.site import get_site
from portal_cms_api_client.models import (
    Article,
    ArticlePage,
    ArticlePatch,
    ArticleStatus,
    CategoryDetail,
    LoginRequest,
    Media,
    MediaUpload,
    NewArticle,
    NewCategory,
    Problem,
    SearchPage,
    SiteSettings,
    TokenResponse,
)
from portal_cms_api_client.types import File, Response

T = TypeVar("T")


def step(name: str) -> None:
    print(f"python client: {name}", flush=True)


def expect(condition: object, message: str) -> None:
    if not condition:
        raise SystemExit(f"python client: FAILED: {message}")


def parsed(response: Response[Any], kind: type[T], status: HTTPStatus = HTTPStatus.OK) -> T:
    expect(
        response.status_code == status,
        f"expected {status.value}, got {response.status_code.value}: {response.content[:300]!r}",
    )
    value = response.parsed
    if not isinstance(value, kind):
        raise SystemExit(f"python client: FAILED: expected a {kind.__name__}, got {value!r}")
    return value


def png_pixel() -> bytes:
    """A valid 1x1 PNG, built here so the scenario needs no file beside it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x20\x60\xa0")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def main(base_url: str, admin_password: str) -> None:
    # Public operations need no token: the generator offers them on the plain Client.
    public = Client(base_url=base_url, raise_on_unexpected_status=False)
    suffix = str(int(time.time() * 1000))[-9:]
    # Article reads and the view beacon take a token optionally (`security: [{}, {bearer: []}]`:
    # editors see drafts with one); openapi-python-client types every operation with a security
    # requirement as needing an AuthenticatedClient, so the anonymous client is handed to those
    # as one (it sends no Authorization header, as the document allows).
    reader = cast(AuthenticatedClient, public)

    step("GET /readyz")
    readyz.sync_detailed(client=public)

    step("GET /api/v1/site")
    site = parsed(get_site.sync_detailed(client=public), SiteSettings)
    expect(site.site_name, "the site has a name")

    step("POST /api/v1/auth/login")
    token = parsed(
        login.sync_detailed(client=public, body=LoginRequest(username="admin", password=admin_password)),
        TokenResponse,
    )
    editor = AuthenticatedClient(base_url=base_url, token=token.access_token, raise_on_unexpected_status=False)
    expect(me.sync_detailed(client=editor).status_code == HTTPStatus.OK, "GET /auth/me with the token")

    step("POST /api/v1/categories")
    category = parsed(
        create_category.sync_detailed(
            client=editor,
            body=NewCategory(name=f"接口示例{suffix}", slug=f"contract-py-{suffix}", description="示例栏目"),
        ),
        CategoryDetail,
        HTTPStatus.CREATED,
    )

    step("POST /api/v1/media (multipart)")
    upload = parsed(
        upload_media.sync_detailed(
            client=editor,
            body=MediaUpload(
                file=File(payload=io.BytesIO(png_pixel()), file_name="示例图片.png", mime_type="image/png"),
                alt="示例图片",
            ),
        ),
        Media,
        HTTPStatus.CREATED,
    )
    expect(upload.content_type == "image/png", f"the upload is a PNG, not {upload.content_type}")

    step("POST /api/v1/articles")
    words = f"合同示例{suffix}"
    created = parsed(
        create_article.sync_detailed(
            client=editor,
            body=NewArticle(
                category_id=category.category.id,
                title=f"【示例】{words}",
                body=f"<p>示例正文：{words}，由生成的 Python 客户端写入。</p>",
                status=ArticleStatus.PUBLISHED,
                attachments=[upload.id],
            ),
        ),
        Article,
        HTTPStatus.CREATED,
    )
    created_response_location = f"/api/v1/articles/{created.id}"

    step("GET /api/v1/articles/{id} (as a reader), then again with If-None-Match")
    read = get_article.sync_detailed(created.id, client=reader)
    article = parsed(read, Article)
    expect(article.title == created.title, "the reader sees the new title")
    etag = read.headers.get("etag")
    if not etag:
        raise SystemExit("python client: FAILED: a public read carries an ETag")
    expect(
        get_article.sync_detailed(created.id, client=reader, if_none_match=etag).status_code == HTTPStatus.NOT_MODIFIED,
        "If-None-Match with the ETag answers 304",
    )

    step("PATCH /api/v1/articles/{id}")
    patched = parsed(
        update_article.sync_detailed(created.id, client=editor, body=ArticlePatch(title=f"【示例】{words}（修订）")),
        Article,
    )
    expect(patched.title.endswith("（修订）"), "the patch changed the title")

    step("GET /api/v1/articles?category=")
    page = parsed(list_articles.sync_detailed(client=reader, category=category.category.slug), ArticlePage)
    expect([item.id for item in page.items] == [created.id], f"the category lists the article: {page}")

    step("GET /api/v1/search")
    hits = parsed(search_articles.sync_detailed(client=public, q=words), SearchPage)
    expect([hit.id for hit in hits.items] == [created.id], f"the search finds the article: {hits}")
    expect("<mark>" in hits.items[0].title_highlight, "the title is highlighted")

    step("POST /api/v1/articles with a blank title: a problem document")
    refused = parsed(
        create_article.sync_detailed(client=editor, body=NewArticle(category_id=category.category.id, title=" ")),
        Problem,
        HTTPStatus.UNPROCESSABLE_ENTITY,
    )
    expect(refused.code == "validation_failed", f"code {refused.code}")
    expect(
        isinstance(refused.errors, list) and any(error.field == "title" for error in refused.errors),
        "the title is named as the field at fault",
    )

    step("DELETE /api/v1/articles/{id}, then the reader gets a 404 problem")
    gone = delete_article.sync_detailed(created.id, client=editor)
    expect(gone.status_code == HTTPStatus.NO_CONTENT, f"delete answered {gone.status_code}")
    missing = parsed(get_article.sync_detailed(created.id, client=reader), Problem, HTTPStatus.NOT_FOUND)
    expect(missing.code == "not_found" and missing.instance == created_response_location, f"{missing}")

    step("DELETE /api/v1/media/{id} and /api/v1/categories/{id}")
    expect(delete_media.sync_detailed(upload.id, client=editor).status_code == HTTPStatus.NO_CONTENT, "media")
    expect(
        delete_category.sync_detailed(category.category.id, client=editor).status_code == HTTPStatus.NO_CONTENT,
        "category",
    )

    step("POST /api/v1/auth/logout, after which the token is refused")
    expect(logout.sync_detailed(client=editor).status_code == HTTPStatus.NO_CONTENT, "logout")
    parsed(me.sync_detailed(client=editor), Problem, HTTPStatus.UNAUTHORIZED)
    print("python client: scenario passed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
