// Drives a running `tuner server` through a client generated from its own OpenAPI document (openapi-typescript
// writes ./schema.d.ts, openapi-fetch makes the calls): lists sweeps, gets one, lists its trials and events, cancels
// it, and reads the problem details of a conflict and of a missing sweep. tests/Scheduler.Tests/Api/GeneratedClientTests
// writes ./target.ts (the server and a sweep with at least two trials), typechecks this with tsc and runs it with node.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";
import { baseUrl, sweepId } from "./target.js";

type Schemas = components["schemas"];
type Assert<T extends true> = T;

// What the document must say for a client to be typed, checked by tsc: ids and counts are numbers (not number | string),
// a trial's params map names to numbers, strings or booleans, and states and event kinds are enums, not any string.
export type IdsAreNumbers = Assert<Schemas["TrialView"]["id"] extends number ? true : false>;
export type CountsAreNumbers = Assert<Schemas["TrialCounts"]["waiting"] extends number ? true : false>;
export type ParamsHoldNumbers = Assert<number extends Schemas["TrialView"]["params"][string] ? true : false>;
export type ParamsHoldChoices = Assert<string | boolean extends Schemas["TrialView"]["params"][string] ? true : false>;
export type TrialStatesAreAnEnum = Assert<string extends Schemas["TrialView"]["state"] ? false : true>;
export type SweepStatesAreAnEnum = Assert<string extends Schemas["SweepDetails"]["state"] ? false : true>;
export type EventKindsAreAnEnum = Assert<string extends Schemas["SweepEventView"]["kind"] ? false : true>;
export type NextIsACursor = Assert<Schemas["PageOfTrialView"]["next"] extends number | null ? true : false>;

const client = createClient<paths>({ baseUrl });

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

// Every sweep, one per page, so that the cursor is followed.
const sweeps: Schemas["SweepSummary"][] = [];
let afterSweep: number | undefined;
do {
  const { data, error } = await client.GET("/api/sweeps", {
    params: { query: afterSweep === undefined ? { limit: 1 } : { after: afterSweep, limit: 1 } },
  });
  if (data === undefined) fail("list sweeps", error);
  sweeps.push(...data.items);
  afterSweep = data.next ?? undefined;
} while (afterSweep !== undefined);
if (!sweeps.some((s) => s.id === sweepId)) fail(`sweep ${sweepId} is not listed`, sweeps);

const { data: sweep, error: getError } = await client.GET("/api/sweeps/{id}", { params: { path: { id: sweepId } } });
if (sweep === undefined) fail("get sweep", getError);

// Every trial, two per page.
const trials: Schemas["TrialView"][] = [];
let afterTrial: number | undefined;
do {
  const { data, error } = await client.GET("/api/sweeps/{id}/trials", {
    params: { path: { id: sweepId }, query: afterTrial === undefined ? { limit: 2 } : { after: afterTrial, limit: 2 } },
  });
  if (data === undefined) fail("list trials", error);
  trials.push(...data.items);
  afterTrial = data.next ?? undefined;
} while (afterTrial !== undefined);
const counts = sweep.trials;
const counted = counts.waiting + counts.running + counts.complete + counts.pruned + counts.failed + counts.cancelled;
if (trials.length !== counted) fail(`listed ${trials.length} trials, the sweep counts ${counted}`, trials);
for (const trial of trials) {
  for (const [name, value] of Object.entries(trial.params)) {
    if (!["number", "string", "boolean"].includes(typeof value)) fail(`trial ${trial.number} param ${name}`, value);
  }
}

const { data: events, error: eventsError } = await client.GET("/api/sweeps/{id}/events", {
  params: { path: { id: sweepId }, query: { after: 0 } },
});
if (events === undefined) fail("list events", eventsError);
const kinds: Schemas["SweepEventView"]["kind"][] = events.map((e) => e.kind);

const { data: cancelled, error: cancelError, response } = await client.POST("/api/sweeps/{id}/cancel", {
  params: { path: { id: sweepId } },
});
if (cancelled === undefined || response.status !== 202) fail("cancel", cancelError);

const { error: conflict, response: again } = await client.POST("/api/sweeps/{id}/cancel", { params: { path: { id: sweepId } } });
if (conflict === undefined || again.status !== 409) fail("a second cancel should be a conflict", conflict);

const { error: missing, response: notFound } = await client.GET("/api/sweeps/{id}", { params: { path: { id: 987654321 } } });
if (missing === undefined || notFound.status !== 404) fail("a missing sweep should be 404", missing);
if (notFound.headers.get("content-type") !== "application/problem+json") fail("404 content type", notFound.headers.get("content-type"));

const firstParams = trials[0] === undefined ? "" : Object.entries(trials[0].params).map(([k, v]) => `${k}=${v}`).join(" ");
console.log(`listed ${sweeps.length} sweeps`);
console.log(`sweep ${sweep.id} ${sweep.name}: ${sweep.state}, ${sweep.trials.waiting} waiting`);
console.log(`listed ${trials.length} trials: ${trials.map((t) => `${t.number}:${t.state}`).join(" ")}; trial 0 ${firstParams}`);
console.log(`events: ${kinds.length} (${kinds.join(" ")})`);
console.log(`cancel: ${response.status} ${cancelled.state}`);
console.log(`cancel again: ${again.status} ${conflict.title}: ${conflict.detail}`);
console.log(`missing: ${notFound.status} ${missing.title}: ${missing.detail}`);
