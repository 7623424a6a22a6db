// Domain seeders register themselves here; each lives beside its domain's seed data.
import "./seeds/coffee.ts";
import "./seeds/roster.ts";
import "./seeds/qa.ts";
import "./seeds/posts.ts";
import "./seeds/resources.ts";
import "./seeds/calls.ts";
import "./seeds/notifications.ts";
