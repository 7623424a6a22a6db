import { describe, expect, it } from "vitest";
import { canLinkAction, canMoveRequest, REQUEST_STATUSES } from "./rules.ts";

const ALLOWED = new Set(["received>under_review", "received>declined", "under_review>accepted", "under_review>declined", "accepted>in_progress", "in_progress>done"]);

describe("knowledge-exchange request states", () => {
  for (const from of REQUEST_STATUSES) {
    for (const to of REQUEST_STATUSES) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${allowed ? "allows" : "forbids"} ${from} → ${to}`, () => {
        expect(canMoveRequest(from, to)).toBe(allowed);
      });
    }
  }

  it("refuses unknown states", () => {
    expect(canMoveRequest("received", "archived")).toBe(false);
    expect(canMoveRequest("archived", "done")).toBe(false);
  });

  it("links an Action only once a request is accepted", () => {
    expect(REQUEST_STATUSES.filter(canLinkAction)).toEqual(["accepted", "in_progress", "done"]);
  });
});
