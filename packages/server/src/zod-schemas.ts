/** zod as Fastify's validator, and zod → JSON Schema for the OpenAPI document. */

import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';

/** Validates body, query and params with the route's zod schemas; the error names the field. */
export function useZodValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    const zs = schema as unknown as z.ZodType;
    return (data: unknown) => {
      const r = zs.safeParse(data);
      if (r.success) return { value: r.data };
      const issue = r.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const error = Object.assign(new Error(`${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`), { field });
      return { error };
    };
  });
  // Responses are produced by our own code from typed values: plain JSON.stringify, no second validation.
  app.setSerializerCompiler(() => (data: unknown) => safeJson(data));
}

const SCHEMA_PARTS = ['body', 'querystring', 'params', 'headers'] as const;

/** For @fastify/swagger's `transform`: turns each zod schema of a route into JSON Schema. */
export function zodToOpenApi({ schema, url }: { schema: FastifySchema; url: string }): { schema: FastifySchema; url: string } {
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = { ...schema };
  for (const part of SCHEMA_PARTS) {
    const s = (schema as Record<string, unknown>)[part];
    if (s instanceof z.ZodType) out[part] = jsonSchema(s);
  }
  const response = (schema as { response?: Record<string, unknown> }).response;
  if (response) {
    out.response = Object.fromEntries(Object.entries(response).map(([code, s]) => [code, s instanceof z.ZodType ? jsonSchema(s) : s]));
  }
  return { schema: out as FastifySchema, url };
}

function jsonSchema(s: z.ZodType): unknown {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  instance: z.string(),
  field: z.string().optional(),
});

const HTML_CHARS = /[<>&]/g;
const HAS_HTML_CHARS = /[<>&]/;
const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/**
 * JSON with <, > and & escaped as \u003c… — the same value to any JSON parser, but inert if a
 * response is ever sniffed or embedded as HTML (list names and reasons are attacker-controlled text).
 */
export function safeJson(data: unknown): string {
  const s = JSON.stringify(data);
  return HAS_HTML_CHARS.test(s) ? s.replace(HTML_CHARS, (c) => ESCAPES[c] as string) : s;
}
