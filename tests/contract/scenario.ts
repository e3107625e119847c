// A short editor's and reader's scenario through openapi-fetch, typed by the declarations that
// openapi-typescript generates (default options) from openapi/openapi.json into
// generated/api.d.ts. The file is compiled with `tsc --strict` (see tsconfig.json) before it
// runs, so a request the document does not allow, or an answer used in a way its schema does
// not permit, fails the build rather than an integrator's project.
//
//   node generated/scenario.js BASE_URL ADMIN_PASSWORD

import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api.js";

type Problem = components["schemas"]["Problem"];

function step(name: string): void {
  console.log(`typescript client: ${name}`);
}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(`typescript client: FAILED: ${message}`);
  }
}

function expectStatus(response: Response, status: number): void {
  expect(response.status === status, `${response.url}: expected ${status}, got ${response.status}`);
}

async function main(baseUrl: string, adminPassword: string): Promise<void> {
  const api = createClient<paths>({ baseUrl });
  const suffix = String(Date.now()).slice(-9);

  step("GET /api/v1/site");
  const site = await api.GET("/api/v1/site");
  expect(site.data, `the site settings: ${JSON.stringify(site.error)}`);
  expect(site.data.site_name.length > 0, "the site has a name");

  step("POST /api/v1/auth/login");
  const login = await api.POST("/api/v1/auth/login", {
    body: { username: "admin", password: adminPassword },
  });
  expect(login.data, `login: ${JSON.stringify(login.error)}`);
  const auth = { headers: { Authorization: `Bearer ${login.data.access_token}` } };

  step("POST /api/v1/categories");
  const category = await api.POST("/api/v1/categories", {
    ...auth,
    body: { name: `接口示例${suffix}`, slug: `contract-ts-${suffix}`, description: "示例栏目" },
  });
  expect(category.data, `category: ${JSON.stringify(category.error)}`);
  expectStatus(category.response, 201);
  const categoryId = category.data.category.id;

  step("POST /api/v1/articles");
  const words = `合约示例${suffix}`;
  const created = await api.POST("/api/v1/articles", {
    ...auth,
    body: {
      category_id: categoryId,
      title: `【示例】${words}`,
      body: `<p>示例正文：${words}，由 openapi-fetch 写入。</p>`,
      status: "published",
    },
  });
  expect(created.data, `create: ${JSON.stringify(created.error)}`);
  expectStatus(created.response, 201);
  const id = created.data.id;
  expect(
    created.response.headers.get("Location")?.endsWith(`/api/v1/articles/${id}`),
    "Location names the new article",
  );

  step("GET /api/v1/articles/{id} as a reader, then with If-None-Match");
  const read = await api.GET("/api/v1/articles/{id}", { params: { path: { id } } });
  expect(read.data, `read: ${JSON.stringify(read.error)}`);
  expect(read.data.title === created.data.title, "the reader sees the title");
  expect(read.data.category_path.some((step) => step.id === categoryId), "the breadcrumb holds the category");
  const etag = read.response.headers.get("ETag");
  expect(etag, "a public read carries an ETag");
  const again = await api.GET("/api/v1/articles/{id}", {
    params: { path: { id }, header: { "If-None-Match": etag } },
  });
  expectStatus(again.response, 304);

  step("PATCH /api/v1/articles/{id}");
  const patched = await api.PATCH("/api/v1/articles/{id}", {
    ...auth,
    params: { path: { id } },
    body: { title: `【示例】${words}（修订）`, pinned: true },
  });
  expect(patched.data, `patch: ${JSON.stringify(patched.error)}`);
  expect(patched.data.pinned && patched.data.title.endsWith("（修订）"), "the patch took");

  step("GET /api/v1/articles?category=");
  const list = await api.GET("/api/v1/articles", {
    params: { query: { category: `contract-ts-${suffix}`, per_page: 10 } },
  });
  expect(list.data, `list: ${JSON.stringify(list.error)}`);
  expect(list.data.items.length === 1 && list.data.items[0]?.id === id, "the category lists it");
  expect(list.data.total === 1, "the total is exact");

  step("GET /api/v1/search and /api/v1/search/suggest");
  const search = await api.GET("/api/v1/search", { params: { query: { q: words } } });
  expect(search.data, `search: ${JSON.stringify(search.error)}`);
  expect(search.data.items[0]?.id === id, "the search finds it");
  expect(search.data.items[0]?.snippet.includes("<mark>"), "the snippet marks the words");
  const suggest = await api.GET("/api/v1/search/suggest", { params: { query: { q: "【示例】合约" } } });
  expect(suggest.data, `suggest: ${JSON.stringify(suggest.error)}`);

  step("POST /api/v1/articles with a blank title: a problem document");
  const refused = await api.POST("/api/v1/articles", {
    ...auth,
    body: { category_id: categoryId, title: " " },
  });
  expectStatus(refused.response, 422);
  const problem: Problem | undefined = refused.error;
  expect(problem?.code === "validation_failed", `code ${problem?.code}`);
  expect(problem.errors?.some((error) => error.field === "title"), "the title is named as the field at fault");

  step("DELETE /api/v1/articles/{id}, then the reader gets 404");
  const deleted = await api.DELETE("/api/v1/articles/{id}", { ...auth, params: { path: { id } } });
  expectStatus(deleted.response, 204);
  const gone = await api.GET("/api/v1/articles/{id}", { params: { path: { id } } });
  expectStatus(gone.response, 404);
  expect(gone.error?.code === "not_found", "a not_found problem");

  step("DELETE /api/v1/categories/{id}");
  const removed = await api.DELETE("/api/v1/categories/{id}", {
    ...auth,
    params: { path: { id: categoryId } },
  });
  expectStatus(removed.response, 204);

  step("POST /api/v1/auth/logout, after which the token is refused");
  const logout = await api.POST("/api/v1/auth/logout", auth);
  expectStatus(logout.response, 204);
  const me = await api.GET("/api/v1/auth/me", auth);
  expectStatus(me.response, 401);
  console.log("typescript client: scenario passed");
}

const [baseUrl, adminPassword] = process.argv.slice(2);
if (!baseUrl || !adminPassword) {
  console.error("usage: node generated/scenario.js BASE_URL ADMIN_PASSWORD");
  process.exit(2);
}
main(baseUrl, adminPassword).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
