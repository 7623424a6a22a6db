import { describe, expect, it } from "vitest";
import { qaPhase, type QaCoffee } from "./access.server.ts";
import { payloadSchemas, sortQuestions, type QaQuestion } from "./events.ts";
import { questionView, type QuestionRow } from "./questions.server.ts";

const coffee = (over: Partial<QaCoffee> = {}): QaCoffee => ({
  id: "c1",
  slug: "c1",
  title: "Morning Coffee",
  startsAt: new Date("2026-03-18T09:00:00Z"),
  durationMinutes: 90,
  status: "published",
  qaMode: "open",
  ...over,
});

describe("qaPhase", () => {
  it("is open before, live during (with 30 minutes' grace) and closed after or when held", () => {
    expect(qaPhase(coffee(), new Date("2026-03-17T12:00:00Z"))).toBe("before");
    expect(qaPhase(coffee(), new Date("2026-03-18T09:00:00Z"))).toBe("live");
    expect(qaPhase(coffee(), new Date("2026-03-18T10:50:00Z"))).toBe("live");
    expect(qaPhase(coffee(), new Date("2026-03-18T11:00:00Z"))).toBe("closed");
    expect(qaPhase(coffee({ status: "held" }), new Date("2026-03-18T09:10:00Z"))).toBe("closed");
    expect(qaPhase(coffee({ status: "cancelled" }), new Date("2026-03-17T09:10:00Z"))).toBe("closed");
  });
});

const row = (over: Partial<QuestionRow> = {}): QuestionRow => ({
  id: "q1",
  coffeeId: "c1",
  authorId: "u1",
  anonymous: true,
  body: "Anything?",
  status: "approved",
  pinned: false,
  answer: null,
  voteCount: 3,
  createdAt: new Date("2026-03-18T09:05:00Z"),
  author: { id: "u1", name: "Ana Ionescu", country: "RO", institution: "IGI", deletedAt: null },
  ...over,
});

describe("questionView", () => {
  it("hides an anonymous author from everyone but organisers, and the institution from moderators", () => {
    expect(questionView(row(), "public")).toMatchObject({ author: null, votes: 3, sessionId: "c1" });
    expect(questionView(row(), "public").asker).toBeUndefined();
    expect(questionView(row(), "moderator")).toMatchObject({ author: null, asker: { country: "RO", institution: null } });
    expect(questionView(row(), "organiser")).toMatchObject({ author: { id: "u1", name: "Ana Ionescu" }, asker: { country: "RO", institution: "IGI" } });
    expect(questionView(row({ anonymous: false }), "public").author).toEqual({ id: "u1", name: "Ana Ionescu" });
    expect(questionView(row(), "public", "u1").mine).toBe(true);
    expect(questionView(row({ anonymous: false, author: { id: "u1", name: "Former member", country: null, institution: null, deletedAt: new Date() } }), "organiser").author).toBeNull();
  });
});

describe("protocol helpers", () => {
  it("sorts pinned first, then by votes or by time", () => {
    const q = (id: string, votes: number, createdAt: string, pinned = false) => ({ id, votes, createdAt, pinned }) as QaQuestion;
    const list = [q("a", 1, "2026-01-01T10:00:00Z"), q("b", 5, "2026-01-01T09:00:00Z"), q("c", 0, "2026-01-01T11:00:00Z", true)];
    expect(sortQuestions(list, "top").map((x) => x.id)).toEqual(["c", "b", "a"]);
    expect(sortQuestions(list, "newest").map((x) => x.id)).toEqual(["c", "a", "b"]);
  });

  it("rejects unknown keys and values outside the protocol", () => {
    expect(payloadSchemas["qa:vote"].safeParse({ questionId: "q", value: 1 }).success).toBe(true);
    expect(payloadSchemas["qa:vote"].safeParse({ questionId: "q", value: -1 }).success).toBe(false);
    expect(payloadSchemas["qa:ask"].safeParse({ sessionId: "s", body: "   " }).success).toBe(false);
    expect(payloadSchemas["qa:join"].safeParse({ sessionId: "s", admin: true }).success).toBe(false);
  });
});
