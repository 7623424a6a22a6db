import { THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { areasTextFor, languagesTextFor, sortNameFor } from "#app/modules/roster/denormalise.ts";
import { prisma } from "#app/utils/db.server.ts";
import { registerSeeder } from "../seed.ts";
import { generateRoster, prng, upsertSeedActions, writeRoster } from "./roster-data.ts";

const DAY = 86_400_000;
// With the two demo experts below: over 700 experts, as the network reports.
export const DEMO_EXPERTS = 712;

// Fictional Focal Points (accounts without a password: they only fill the pages).
const FOCAL_POINTS: { state: string; name: string; institution: string; level: "country" | "institution" }[] = [
  { state: "AT", name: "Martina Hofbauer", institution: "Federal Ministry of the Interior", level: "country" },
  { state: "BE", name: "Koen Vermeulen", institution: "Immigration Office", level: "country" },
  { state: "BG", name: "Radostina Petkova", institution: "State Agency for Refugees", level: "institution" },
  { state: "CZ", name: "Pavel Kratochvíl", institution: "Ministry of the Interior", level: "country" },
  { state: "DE", name: "Friederike Lange", institution: "Federal Office for Migration and Refugees", level: "institution" },
  { state: "EE", name: "Margit Lepik", institution: "Ministry of the Interior", level: "country" },
  { state: "ES", name: "Álvaro Castillo", institution: "Ministry of Inclusion, Social Security and Migration", level: "country" },
  { state: "FI", name: "Outi Lehtonen", institution: "Finnish Immigration Service", level: "institution" },
  { state: "FR", name: "Bérénice Laurent", institution: "Ministry of the Interior", level: "country" },
  { state: "GR", name: "Stavros Antoniou", institution: "Ministry of Migration and Asylum", level: "country" },
  { state: "IT", name: "Chiara Lombardi", institution: "Ministry of the Interior", level: "country" },
  { state: "LT", name: "Vaida Balčiūnienė", institution: "Migration Department", level: "institution" },
  { state: "NL", name: "Maarten Hendriks", institution: "Ministry of Justice and Security", level: "country" },
  { state: "PT", name: "Rita Carvalho", institution: "Agency for Integration, Migration and Asylum", level: "country" },
  { state: "RO", name: "Cosmin Dragomir", institution: "General Inspectorate for Immigration", level: "country" },
  { state: "SE", name: "Ingrid Holmberg", institution: "Swedish Migration Agency", level: "institution" },
  { state: "SI", name: "Tadej Kranjc", institution: "Ministry of the Interior", level: "country" },
];

const APPLICANTS = [
  { state: "PL", name: "Aleksandra Górska", institution: "Office for Foreigners", type: "interior", position: "Senior Specialist, Asylum Procedures", area: THEMATIC_AREAS[3] },
  { state: "PL", name: "Bartosz Jabłoński", institution: "Ministry of Family, Labour and Social Policy", type: "labour", position: "Chief Expert, Labour Migration", area: THEMATIC_AREAS[0] },
  { state: "DE", name: "Henrike Vogt", institution: "City of Hamburg, Integration Office", type: "local_authority", position: "Project Lead, Newcomer Services", area: THEMATIC_AREAS[0] },
  { state: "FR", name: "Yanis Mercier", institution: "French Office for Immigration and Integration", type: "interior", position: "Data Analyst", area: THEMATIC_AREAS[4] },
];

registerSeeder({
  name: "expert-roster",
  async run() {
    const now = new Date();
    const actionIds = await upsertSeedActions(prisma);
    await writeRoster(prisma, generateRoster({ count: DEMO_EXPERTS, now }), actionIds);

    const r = prng(77);
    await prisma.$transaction(async (tx) => {
      const demo = await tx.user.findMany({ where: { email: { in: ["expert.ee@mieux.example", "expert.es@mieux.example", "focalpoint.pl@mieux.example"] } }, select: { id: true, email: true, name: true } });
      const byEmail = new Map(demo.map((u) => [u.email, u]));
      const ee = byEmail.get("expert.ee@mieux.example");
      if (ee) {
        const p = { memberState: "EE", institution: "Ministry of Culture", institutionType: "other", position: "Adviser, Integration of New Arrivals", bio: "Works on the cultural adaptation of newcomers and shared Estonia's practice with partners in Azerbaijan." };
        const areas = [THEMATIC_AREAS[0], THEMATIC_AREAS[1]];
        const languages = [{ language: "et", level: "native" }, { language: "en", level: "C1" }, { language: "ru", level: "B2" }];
        await tx.expertProfile.create({
          data: {
            userId: ee.id, ...p, available: true, availableUntil: new Date(now.getTime() + 300 * DAY), gender: "male", status: "active", confirmedAt: new Date(now.getTime() - 40 * DAY),
            sortName: sortNameFor(ee.name), areasText: areasTextFor(areas), languagesText: languagesTextFor(languages), deploymentCount: 1,
          },
        });
        await tx.expertThematicArea.createMany({ data: areas.map((area) => ({ userId: ee.id, area })) });
        await tx.expertLanguage.createMany({ data: languages.map((l) => ({ userId: ee.id, ...l })) });
        await tx.deployment.create({ data: { expertId: ee.id, actionId: actionIds.get("Azerbaijan V")!, role: "Expert", startDate: new Date("2022-05-16T00:00:00Z"), endDate: new Date("2022-05-20T00:00:00Z") } });
      }
      const es = byEmail.get("expert.es@mieux.example");
      if (es) {
        const p = { memberState: "ES", institution: "Ministry for Home Affairs", institutionType: "interior", position: "Head of Section, International Protection", bio: "Asylum case-worker turned trainer; designs training on refugee status determination." };
        const languages = [{ language: "es", level: "native" }, { language: "en", level: "C1" }, { language: "fr", level: "B2" }];
        await tx.expertProfile.create({
          data: {
            userId: es.id, ...p, available: true, gender: "female", status: "active", confirmedAt: new Date(now.getTime() - 100 * DAY),
            sortName: sortNameFor(es.name), areasText: areasTextFor([THEMATIC_AREAS[3]]), languagesText: languagesTextFor(languages),
          },
        });
        await tx.expertThematicArea.createMany({ data: [{ userId: es.id, area: THEMATIC_AREAS[3] }] });
        await tx.expertLanguage.createMany({ data: languages.map((l) => ({ userId: es.id, ...l })) });
      }
      const pl = byEmail.get("focalpoint.pl@mieux.example");
      if (pl) await tx.focalPoint.create({ data: { userId: pl.id, memberState: "PL", level: "country" } });

      for (const fp of FOCAL_POINTS) {
        const local = fp.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]+/g, ".");
        const user = await tx.user.create({ data: { email: `${local}@focalpoints.mieux.example`, name: fp.name, role: "focal_point", country: fp.state, institution: fp.institution, emailVerifiedAt: now }, select: { id: true } });
        await tx.focalPoint.create({ data: { userId: user.id, memberState: fp.state, level: fp.level, institutionName: fp.level === "institution" ? fp.institution : null } });
      }

      for (const a of APPLICANTS) {
        const local = a.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l").toLowerCase().replace(/[^a-z]+/g, ".");
        const user = await tx.user.create({ data: { email: `${local}@applicants.mieux.example`, name: a.name, role: "member", country: a.state, institution: a.institution, emailVerifiedAt: now }, select: { id: true } });
        const p = { memberState: a.state, institution: a.institution, institutionType: a.type, position: a.position, bio: `${a.position}. Keen to share practice with partner administrations.` };
        const appliedAt = new Date(now.getTime() - r.int(1, 20) * DAY);
        const languages = [{ language: a.state === "PL" ? "pl" : a.state === "DE" ? "de" : "fr", level: "native" }, { language: "en", level: "B2" }];
        await tx.expertProfile.create({
          data: {
            userId: user.id, ...p, available: true, status: "pending", confirmedAt: appliedAt, gender: null,
            sortName: sortNameFor(a.name), areasText: areasTextFor([a.area]), languagesText: languagesTextFor(languages),
          },
        });
        await tx.expertThematicArea.create({ data: { userId: user.id, area: a.area } });
        await tx.expertLanguage.createMany({ data: languages.map((l) => ({ userId: user.id, ...l })) });
        await tx.rosterApplication.create({ data: { userId: user.id, memberState: a.state, createdAt: appliedAt } });
      }
    });
  },
});
