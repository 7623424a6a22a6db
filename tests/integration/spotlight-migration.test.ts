import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrationDirs } from "#prisma/new-migration.ts";
import { ROOT } from "#tests/setup/paths.ts";

const sql = (dir: string) => fs.readFileSync(path.join(ROOT, "prisma/migrations", dir, "migration.sql"), "utf8");

describe("the migration that gives Spotlights their own pages", () => {
  it("keeps every Spotlight written inside a session, linked to it, and published only if the session was", () => {
    const dirs = migrationDirs();
    // The migration that creates the Spotlight table (this round's one migration).
    const index = dirs.findIndex((d) => sql(d).includes('CREATE TABLE "Spotlight"'));
    expect(index).toBeGreaterThan(0);
    const db = new Database(":memory:");
    for (const dir of dirs.slice(0, index)) db.exec(sql(dir));
    db.exec(`
      INSERT INTO MorningCoffee (id, slug, title, startsAt, status, updatedAt, publishedAt) VALUES
        ('held', 'held-coffee', 'Held', 1701248400000, 'held', 1701248400000, 1697760000000),
        ('draft', 'draft-coffee', 'Draft', 1801248400000, 'draft', 1701248400000, NULL);
      INSERT INTO CoffeeSpotlight (id, coffeeId, title, country, highlights, migrationContext, position) VALUES
        ('sp-cm', 'held', 'Action Spotlight: Cameroon', 'CM', 'Highlights', 'Context', 0),
        ('sp-ge', 'held', 'Action Spotlight: Georgia', 'GE', '', '', 1),
        ('sp-x', 'draft', 'Unpublished idea', '', '', '', 0);`);
    db.exec(sql(dirs[index]!));
    const spotlights = db.prepare("SELECT id, slug, title, country, highlights, migrationContext, status, publishedAt FROM Spotlight ORDER BY id").all();
    expect(spotlights).toEqual([
      { id: "sp-cm", slug: "spotlight-sp-cm", title: "Action Spotlight: Cameroon", country: "CM", highlights: "Highlights", migrationContext: "Context", status: "published", publishedAt: 1697760000000 },
      { id: "sp-ge", slug: "spotlight-sp-ge", title: "Action Spotlight: Georgia", country: "GE", highlights: "", migrationContext: "", status: "published", publishedAt: 1697760000000 },
      { id: "sp-x", slug: "spotlight-sp-x", title: "Unpublished idea", country: "", highlights: "", migrationContext: "", status: "draft", publishedAt: null },
    ]);
    expect(db.prepare("SELECT coffeeId, spotlightId, position FROM CoffeeSpotlight ORDER BY coffeeId, position").all()).toEqual([
      { coffeeId: "draft", spotlightId: "sp-x", position: 0 },
      { coffeeId: "held", spotlightId: "sp-cm", position: 0 },
      { coffeeId: "held", spotlightId: "sp-ge", position: 1 },
    ]);
    db.close();
  });
});
