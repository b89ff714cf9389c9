import { openApiDocument } from "@/lib/api/openapi";

/** The API's description, for tools and people; it holds no data. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
