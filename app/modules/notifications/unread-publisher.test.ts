import { describe, expect, it } from "vitest";
import { createUnreadPublisher } from "./unread-publisher.ts";

/** A promise and its resolver, to decide by hand when a "database read" finishes. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

describe("unread counts published in order", () => {
  it("sends last the count read after the last change, even when the first read is the slow one", async () => {
    let unread = 0; // the member's unread count in the "database"
    const sent: number[] = [];
    const reads: { done: Promise<void>; open: () => void }[] = [];
    const publisher = createUnreadPublisher(async () => {
      const count = unread; // read when the pass starts
      const g = gate();
      reads.push(g);
      await g.done; // ... and finishes when the test says so
      sent.push(count);
    });

    unread = 1; // first write commits
    const first = publisher.publish(["m"]);
    unread = 2; // second write commits while the first count is still being read
    const second = publisher.publish(["m"]);
    // The second read has not started beside the first one: it waits for the first to be sent.
    expect(reads).toHaveLength(1);
    reads[0].open();
    await first;
    await new Promise((resolve) => setImmediate(resolve)); // let the next pass start
    expect(reads).toHaveLength(2);
    reads[1].open();
    await second;
    expect(sent).toEqual([1, 2]);
  });

  it("reads members asked for during a pass once, together, in the next pass", async () => {
    const passes: string[][] = [];
    const g = gate();
    let firstPass = true;
    const publisher = createUnreadPublisher(async (ids) => {
      passes.push([...ids].sort());
      if (firstPass) {
        firstPass = false;
        await g.done;
      }
    });
    const a = publisher.publish(["a"]);
    const b = publisher.publish(["b"]);
    const c = publisher.publish(["c", "b"]);
    g.open();
    await Promise.all([a, b, c]);
    expect(passes).toEqual([["a"], ["b", "c"]]);
  });
});
