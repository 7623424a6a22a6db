import { THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { languagesTextFor } from "#app/modules/roster/denormalise.ts";
import { prisma } from "#app/utils/db.server.ts";
import { registerSeeder } from "../seed.ts";

// Demo calls for experts and knowledge-exchange requests, on the seeded Actions and people (runs after the roster).
registerSeeder({
  name: "calls and requests",
  async run() {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const at = (days: number) => new Date(Math.floor((now + days * day) / day) * day);
    const user = async (email: string) => (await prisma.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
    const action = async (code: string) => (await prisma.action.findUnique({ where: { code }, select: { id: true } }))?.id ?? null;
    const [organiser, focalPl, expertEe, expertEs] = await Promise.all(["organiser@mieux.example", "focalpoint.pl@mieux.example", "expert.ee@mieux.example", "expert.es@mieux.example"].map(user));
    const [azerbaijan, kazakhstan, morocco] = await Promise.all(["Azerbaijan V", "Kazakhstan III", "Morocco IV"].map(action));
    if (!organiser || !azerbaijan || !kazakhstan || !morocco) return;

    // An open call: integration of migrants through culture, the kind of exchange Azerbaijan V ran.
    const open = await prisma.expertCall.create({
      data: {
        actionId: azerbaijan, title: "Integration of migrants through cultural programmes", partnerCountry: "AZ", region: "EU Neighbourhood", thematicArea: THEMATIC_AREAS[0],
        profileSought: "A public official who has designed or run cultural and social integration programmes for migrants, able to share practice with the State Migration Service and the Ministry of Culture of Azerbaijan.",
        languagesText: languagesTextFor([{ language: "en", level: "C1" }]), expertsNeeded: 2, missionStart: at(60), missionEnd: at(64), format: "on_site", deadline: new Date(at(21).getTime() + day - 1000), createdById: organiser,
      },
    });
    if (expertEe) {
      await prisma.callInterest.create({ data: { callId: open.id, expertId: expertEe, message: "I worked on the Azerbaijan V exchanges with the Ministry of Culture and would gladly continue.", availability: "The whole mission" } });
      await prisma.notification.create({ data: { userId: expertEe, kind: "call_match", actorId: organiser, subjectType: "call", subjectId: open.id, subjectUrl: `/calls/${open.id}`, subjectTitle: open.title, message: "Your roster profile fits this call for experts." } });
    }

    // A closed call with its outcome: data collection on migrants from Central Asia (Kazakhstan III).
    const closed = await prisma.expertCall.create({
      data: {
        actionId: kazakhstan, title: "Migration statistics: collecting data on migrants from Central Asia", partnerCountry: "KZ", region: "Asia", thematicArea: THEMATIC_AREAS[4],
        profileSought: "A statistician or migration office official experienced in collecting and sharing data on migrants.",
        languagesText: languagesTextFor([{ language: "en", level: "B2" }, { language: "ru", level: "B2" }]), expertsNeeded: 1, selectedCount: 1,
        missionStart: at(-10), missionEnd: at(-6), format: "online", deadline: new Date(at(-30).getTime() + day - 1000), createdById: organiser,
      },
    });
    const dataExperts = await prisma.expertProfile.findMany({ where: { status: "active", areasText: { contains: `|${THEMATIC_AREAS[4]}|` } }, orderBy: { sortName: "asc" }, take: 3, select: { userId: true } });
    for (const [i, e] of dataExperts.entries()) {
      await prisma.callInterest.create({
        data: {
          callId: closed.id, expertId: e.userId, message: "I run the national migration statistics unit and have exchanged data practice with peers before.", availability: "Any week in the mission",
          status: i === 0 ? "selected" : "declined", decisionMessage: i === 0 ? "Welcome on board." : "Thank you: another profile fitted this mission more closely.", decidedById: organiser, decidedAt: at(-25), endorsed: i === 0,
        },
      });
    }

    // Knowledge-exchange requests in several states (the institutional avenue).
    const requests = [
      { submitterId: focalPl, memberState: "PL", topic: "Labour migration and social affairs: working with Azerbaijan", euInstitutions: "Ministry of Labour and Social Affairs of Poland", partnerInstitutions: "Ministry of Social Affairs of Azerbaijan; State Migration Service of Azerbaijan", thematicArea: THEMATIC_AREAS[0], status: "in_progress", actionId: azerbaijan, description: "Continue the contacts made during Azerbaijan V between our ministry and the Azerbaijani institutions, with a knowledge-exchange session on the social integration of labour migrants." },
      { submitterId: expertEe, memberState: "EE", topic: "Cultural integration programmes for newcomers", euInstitutions: "Ministry of Culture of Estonia", partnerInstitutions: "Ministry of Culture of Azerbaijan", thematicArea: THEMATIC_AREAS[0], status: "under_review", actionId: null, description: "Share how Estonia designs language and culture programmes for newcomers and learn how Azerbaijan reaches migrants outside the capital." },
      { submitterId: expertEs, memberState: "ES", topic: "Special procedures in asylum: vulnerable applicants", euInstitutions: "Ministry for Home Affairs of Spain (Special Procedures Service)", partnerInstitutions: "Moroccan asylum authorities", thematicArea: THEMATIC_AREAS[3], status: "received", actionId: null, description: "An exchange on identifying and supporting vulnerable asylum applicants, building on the peer support given in Morocco IV." },
      { submitterId: focalPl, memberState: "PL", topic: "Remittances and diaspora investment", euInstitutions: "Office for Foreigners of Poland", partnerInstitutions: "Ministry of External Relations of Cameroon", thematicArea: THEMATIC_AREAS[1], status: "declined", actionId: null, description: "A short exchange on channelling diaspora remittances into local development projects." },
    ];
    for (const r of requests) {
      const created = await prisma.exchangeRequest.create({ data: r });
      const history: { body: string; toStatus?: string; internal?: boolean }[] =
        r.status === "in_progress"
          ? [{ body: "Thank you; we are looking at partners.", toStatus: "under_review" }, { body: "Accepted: it fits the follow-up of Azerbaijan V.", toStatus: "accepted" }, { body: "Budget: the follow-up line of the Action.", internal: true }, { body: "", toStatus: "in_progress" }]
          : r.status === "under_review"
            ? [{ body: "We will come back to you within two weeks.", toStatus: "under_review" }]
            : r.status === "declined"
              ? [{ body: "This topic is already covered by an ongoing Action; we suggest joining its knowledge-exchange session instead.", toStatus: "declined" }]
              : [];
      for (const [i, h] of history.entries()) {
        await prisma.requestComment.create({ data: { requestId: created.id, authorId: organiser, body: h.body, toStatus: h.toStatus ?? null, internal: h.internal ?? false, createdAt: new Date(now - (history.length - i) * day) } });
      }
    }
  },
});
