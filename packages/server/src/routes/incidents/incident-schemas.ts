/** zod contracts of the incident and news routes (the OpenAPI document); entry input reuses the app's IncidentInputSchema. */

import { CASUALTY_CATEGORIES, INCIDENT_TYPES, QUALIFIERS } from '@argus/core/incidents';
import { z } from 'zod';

const Range = z.object({ low: z.number(), best: z.number(), high: z.number() });
const Estimate = Range.extend({ claims: z.array(z.string()) });
const Cells = z.object(
  Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, Estimate.optional()])) as Record<string, z.ZodOptional<typeof Estimate>>,
);
const Category = z.enum([...CASUALTY_CATEGORIES, 'total']);

export const Claim = z.object({
  id: z.string(),
  outcome: z.enum(['killed', 'injured']),
  category: Category,
  value: z.number(),
  qualifier: z.enum(QUALIFIERS),
  outlet: z.string(),
  source: z.string(),
  time: z.string().optional(),
  ownClaim: z.boolean(),
  text: z.string().optional(),
});

export const Source = z.object({
  ref: z.string(),
  outlet: z.string(),
  time: z.string().optional(),
  kind: z.enum(['news', 'dataset', 'entry']),
});

const Place = z.object({
  country: z.string(),
  province: z.string().optional(),
  district: z.string().optional(),
  locality: z.string().optional(),
  precision: z.string(),
  /** The region's display name. */
  provinceName: z.string().optional(),
});

const Common = {
  id: z.string(),
  date: z.object({ date: z.string(), precision: z.enum(['day', 'week', 'month', 'year']) }),
  place: Place,
  type: z.enum(INCIDENT_TYPES),
  initiator: z.enum(['militant', 'security-forces', 'unknown']),
  perpetrator: z.object({
    status: z.enum(['claimed', 'attributed', 'unknown']),
    group: z.string().optional(),
    groupName: z.string().optional(),
  }),
  suicide: z.boolean(),
  description: z.string().optional(),
  linked: z.array(z.string()),
  sources: z.array(Source),
  totals: z.object({ killed: Range, injured: Range }),
  casualties: z.object({ killed: Cells, injured: Cells }),
};

export const IncidentSummary = z.object({ ...Common, claimCount: z.number(), conflictCount: z.number() });

export const IncidentDetail = z.object({
  incident: z.object({
    ...Common,
    claims: z.array(Claim),
    conflicts: z.array(z.object({ outcome: z.string(), category: Category, claims: z.array(z.string()), reason: z.string() })),
    revisions: z.array(
      z.object({ outcome: z.string(), category: Category, afterClaim: z.string(), time: z.string().optional(), estimate: Range }),
    ),
  }),
  linked: z.array(IncidentSummary),
  events: z.array(z.object({ id: z.string(), title: z.string(), date: z.string().nullable() })),
});

export const Reference = z.object({
  country: z.string(),
  provinces: z.array(z.object({ id: z.string(), name: z.string(), districts: z.array(z.string()) })),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  types: z.array(z.string()),
  qualifiers: z.array(z.string()),
  categories: z.array(z.string()),
});

export const NewsEvent = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  reports: z.array(z.string()),
  incidentIds: z.array(z.string()),
  statisticIds: z.array(z.string()),
  people: z.array(z.string()),
  organisations: z.array(z.string()),
  places: z.array(z.string()),
  updatedAt: z.string(),
});
