// Domain seeders register themselves here; each lives beside its domain's seed data.
import "./seeds/coffee.ts";
import "./seeds/qa.ts";
