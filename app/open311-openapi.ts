// The OpenAPI 3.1 description of egrid's Open311 API, served at /open311/v2/openapi.json. The
// request schemas are generated from the same zod schemas the routes validate with.
import { z } from "zod";
import { listRequestsSchema, listUpdatesSchema, postRequestSchema } from "../core/open311/open311";
import { postUpdateSchema } from "../core/open311/submit-request";

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return rest;
};

/** Query parameters from an object schema's properties. */
function queryParameters(schema: z.ZodType) {
  const properties = (jsonSchema(schema).properties ?? {}) as Record<string, object>;
  return Object.entries(properties).map(([name, property]) => ({ name, in: "query", schema: property }));
}

const apiKey = { name: "api_key", in: "query", required: true, schema: { type: "string" } };
const errors = {
  description: "Open311 errors",
  content: {
    "application/json": {
      schema: {
        type: "array",
        items: {
          type: "object",
          properties: { code: { type: "integer" }, description: { type: "string" } },
          required: ["code", "description"],
        },
      },
    },
  },
};
const arrayOf = (description: string, properties: Record<string, object>) => ({
  description,
  content: { "application/json": { schema: { type: "array", items: { type: "object", properties } } } },
});
const text = { type: "string" };
const nullableText = { type: ["string", "null"] };
const serviceRequest = {
  service_request_id: text,
  status: { enum: ["open", "closed"] },
  status_notes: text,
  service_name: nullableText,
  service_code: nullableText,
  description: text,
  agency_responsible: nullableText,
  requested_datetime: { type: "string", format: "date-time" },
  updated_datetime: { type: "string", format: "date-time" },
  expected_datetime: { type: ["string", "null"], format: "date-time" },
  address: text,
  address_id: text,
  media_url: nullableText,
};

export function open311OpenApi() {
  const failures = { "400": errors, "401": errors, "403": errors, "429": errors };
  return {
    openapi: "3.1.0",
    info: {
      title: "egrid Open311 GeoReport v2",
      version: "2",
      description:
        "Services are egrid's categories; service requests are its tickets (reports from every channel). " +
        "Requests are read and made with a partner key from `egrid apikey create --name …`.",
    },
    servers: [{ url: "/open311/v2" }],
    paths: {
      "/services.json": {
        get: {
          summary: "Every active category as a service",
          responses: {
            "200": arrayOf("Services", {
              service_code: text,
              service_name: text,
              description: text,
              metadata: { type: "boolean" },
              type: text,
              keywords: text,
              group: text,
            }),
          },
        },
      },
      "/services/{service_code}.json": {
        get: {
          summary: "A service's definition (its attributes)",
          parameters: [{ name: "service_code", in: "path", required: true, schema: text }],
          responses: { "200": { description: "Definition" }, "404": errors },
        },
      },
      "/requests.json": {
        get: {
          summary: "Service requests, newest first (90 days unless dated, at most 1,000 a page)",
          parameters: [apiKey, ...queryParameters(listRequestsSchema)],
          responses: { "200": arrayOf("Service requests", serviceRequest), ...failures },
        },
        post: {
          summary: "Report a problem; it takes the chat's road (routing, SLA, the worker's dispatch)",
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, schema: text }],
          requestBody: {
            required: true,
            content: {
              "application/x-www-form-urlencoded": {
                schema: {
                  ...jsonSchema(postRequestSchema),
                  properties: {
                    api_key: text,
                    ...((jsonSchema(postRequestSchema).properties ?? {}) as object),
                  },
                },
              },
              "application/json": { schema: jsonSchema(postRequestSchema) },
            },
          },
          responses: {
            "201": arrayOf("The new request", {
              service_request_id: text,
              service_notice: nullableText,
              account_id: nullableText,
            }),
            ...failures,
          },
        },
      },
      "/requests/{service_request_id}.json": {
        get: {
          summary: "One service request",
          parameters: [apiKey, { name: "service_request_id", in: "path", required: true, schema: text }],
          responses: { "200": arrayOf("The request", serviceRequest), "404": errors, ...failures },
        },
      },
      "/servicerequestupdates.json": {
        get: {
          summary:
            "Status changes of every request (mySociety's extension), oldest first, the last day by default",
          parameters: [apiKey, ...queryParameters(listUpdatesSchema)],
          responses: {
            "200": arrayOf("Updates", {
              update_id: text,
              service_request_id: text,
              status: text,
              updated_datetime: { type: "string", format: "date-time" },
              description: text,
              media_url: { type: "null" },
            }),
            ...failures,
          },
        },
        post: {
          summary:
            "The resident's answer on a request this key made: FIXED or CLOSED confirms a resolved case, OPEN reopens it",
          requestBody: {
            required: true,
            content: {
              "application/x-www-form-urlencoded": { schema: { ...jsonSchema(postUpdateSchema) } },
              "application/json": { schema: jsonSchema(postUpdateSchema) },
            },
          },
          responses: { "201": arrayOf("The update", { update_id: text }), "404": errors, ...failures },
        },
      },
    },
  };
}
