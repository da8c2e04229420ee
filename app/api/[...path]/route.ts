import { route } from "@/lib/api/route";
import { NotFoundError } from "@/lib/errors";

// Any /api path without a route of its own: a JSON 404, like every other API answer.
const notFound = route({ access: "public", skipAuth: true, allowReadOnly: true }, async ({ req }) => {
  throw new NotFoundError(`${req.method} ${new URL(req.url).pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
