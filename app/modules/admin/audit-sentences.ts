/**
 * Audit entries as sentences a person reads ("Aino Virtanen changed Jan Kowalczyk's role from
 * Member to Expert"), with links to what they name. Pure: the names come resolved from the log's
 * reader (audit.server.ts), so this file is the one place that knows what each event code means.
 */
import { ROLE_LABELS } from "#app/modules/auth/roles.ts";
import { countryName } from "#app/utils/countries.ts";

export type Part = string | { text: string; href: string };
export type Names = {
  users: Record<string, { name: string; email: string; expert: boolean } | undefined>;
  coffees: Record<string, { title: string; slug: string } | undefined>;
  actions: Record<string, { code: string; slug: string } | undefined>;
  posts: Record<string, { title: string } | undefined>;
};
export type EntryForSentence = { action: string; actorId: string | null; targetType: string | null; targetId: string | null; data: Record<string, unknown> };

/** Kinds of event, for the filter; each is a list of codes or a prefix. */
export const AUDIT_KINDS = {
  accounts: { label: "Accounts and sign-ins", codes: ["user.signup", "user.verify_email", "user.login", "user.reset_password", "user.change_password", "user.change_email", "user.create", "user.delete"] },
  roles: { label: "Role changes", codes: ["user.role"] },
  roster: { label: "Expert Roster and Focal Points", prefix: "roster." },
  coffee: { label: "Morning Coffee", prefix: "coffee." },
  qa: { label: "Live Q&A", prefix: "qa." },
  actions: { label: "Actions", prefix: "action." },
} as const satisfies Record<string, { label: string; codes?: readonly string[]; prefix?: string }>;
export type AuditKind = keyof typeof AUDIT_KINDS;

const roleLabel = (role: unknown) => (typeof role === "string" && role in ROLE_LABELS ? ROLE_LABELS[role as keyof typeof ROLE_LABELS] : String(role ?? "another role"));
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

const VIA: Record<string, string> = {
  roster_application: "by approving a roster application",
  roster_import: "by a roster import",
  focal_point_designation: "by naming them a Focal Point",
  focal_point_removal: "by removing them as a Focal Point",
};

const COFFEE_VERBS: Record<string, string> = {
  "coffee.create": "created the Morning Coffee",
  "coffee.update": "changed the Morning Coffee",
  "coffee.publish": "published the Morning Coffee",
  "coffee.cancel": "cancelled the Morning Coffee",
  "coffee.held": "marked as held the Morning Coffee",
  "coffee.archive": "archived the Morning Coffee",
  "coffee.register": "registered for",
  "coffee.waitlist": "joined the waiting list of",
  "coffee.unregister": "cancelled their registration for",
  "coffee.speaker_add": "added a speaker to",
  "coffee.spotlight_add": "added a Spotlight to",
};

const QA_VERBS: Record<string, string> = {
  "qa.approve": "approved a question in the Q&A of",
  "qa.hide": "hid a question in the Q&A of",
  "qa.answered": "marked a question answered in the Q&A of",
  "qa.reopen": "reopened a question in the Q&A of",
  "qa.pin": "pinned a question in the Q&A of",
  "qa.unpin": "unpinned a question in the Q&A of",
  "qa.answer": "answered a question in writing in the Q&A of",
};

const ACCOUNT_VERBS: Record<string, string> = {
  "user.signup": "signed up",
  "user.verify_email": "confirmed their email address",
  "user.login": "logged in",
  "user.reset_password": "reset their password with an emailed link",
  "user.change_password": "changed their password",
};

/** The sentence for one entry; unknown codes still read as a sentence, with the code named. */
export function auditSentence(entry: EntryForSentence, names: Names): Part[] {
  const d = entry.data;
  const user = (id: string | null | undefined): Part => {
    const u = id ? names.users[id] : undefined;
    if (!u) return "a deleted account";
    return { text: u.name, href: u.expert ? `/roster/${id}` : `/admin/users?q=${encodeURIComponent(u.email)}` };
  };
  const actor: Part = entry.actorId ? user(entry.actorId) : "The system";
  const coffee = (id: unknown): Part => {
    const c = typeof id === "string" ? names.coffees[id] : undefined;
    return c ? { text: c.title, href: `/sessions/${c.slug}` } : "a deleted Morning Coffee";
  };
  const possessive = (p: Part): Part[] => (typeof p === "string" ? [`${p}'s`] : [p, "'s"]);
  const a = entry.action;

  if (a in ACCOUNT_VERBS) return [actor, ` ${ACCOUNT_VERBS[a]}.`];
  if (a === "user.change_email") return [actor, ` changed their email address from ${str(d.from) ?? "?"} to ${str(d.to) ?? "?"}.`];
  if (a === "user.create") return [actor, " created the account of ", user(entry.targetId), ` as ${roleLabel(d.role)}.`];
  if (a === "user.delete") return ["An account was deleted by its owner; their content is anonymised."];
  if (a === "user.role") {
    const via = str(d.via) ? ` ${VIA[str(d.via)!] ?? ""}` : "";
    return [actor, " changed ", ...possessive(user(entry.targetId)), ` role from ${roleLabel(d.from)} to ${roleLabel(d.to)}${via}.`];
  }
  if (a === "roster.apply") return [actor, ` applied to the Expert Roster for ${countryName(str(d.memberState) ?? "")}.`];
  if (a === "roster.approved" || a === "roster.declined") return [actor, ` ${a === "roster.approved" ? "approved" : "declined"} a roster application for ${countryName(str(d.memberState) ?? "")}.`];
  if (a === "roster.profile_update") return [actor, " updated their expert profile."];
  if (a === "roster.import") return [actor, ` imported the roster from a CSV file (${typeof d.rows === "number" ? d.rows : "?"} rows).`];
  if (a === "roster.focal_point_designate") return [actor, " named ", user(str(d.userId)), ` a Focal Point for ${countryName(str(d.memberState) ?? "")}.`];
  if (a === "roster.focal_point_remove") return [actor, " removed ", user(str(d.userId)), ` as a Focal Point for ${countryName(str(d.memberState) ?? "")}.`];
  if (a === "roster.deployment_record") {
    const act = str(d.action);
    const found = act ? Object.values(names.actions).find((x) => x?.code === act) : undefined;
    return [actor, " recorded a deployment of ", user(str(d.expertId)), " on ", found ? { text: found.code, href: `/actions/${found.slug}` } : (act ?? "an Action"), "."];
  }
  if (a === "roster.deployment_remove") return [actor, " removed a deployment of ", user(str(d.expertId)), "."];
  if (a === "action.create") {
    const act = entry.targetId ? names.actions[entry.targetId] : undefined;
    return [actor, " created the Action ", act ? { text: act.code, href: `/actions/${act.slug}` } : (str(d.code) ?? "(deleted)"), "."];
  }
  if (a === "coffee.attendance") return [actor, ` marked a participant as ${d.attended ? "present" : "absent"}.`];
  if (a === "coffee.speaker_remove" || a === "coffee.spotlight_remove") return [actor, ` removed a ${a === "coffee.speaker_remove" ? "speaker" : "Spotlight"} from a Morning Coffee.`];
  if (a in COFFEE_VERBS) {
    const extra = a === "coffee.speaker_add" && str(d.name) ? ` (${str(d.name)})` : a === "coffee.spotlight_add" && str(d.title) ? ` (${str(d.title)})` : "";
    const notified = typeof d.notified === "number" && d.notified > 0 ? `; ${d.notified} participant${d.notified === 1 ? " was" : "s were"} told` : "";
    return [actor, ` ${COFFEE_VERBS[a]} `, coffee(entry.targetId), `${extra}${notified}.`];
  }
  if (a in QA_VERBS) return [actor, ` ${QA_VERBS[a]} `, coffee(d.coffeeId), "."];
  if (a === "qa.publish") {
    const post = entry.targetId ? names.posts[entry.targetId] : undefined;
    return [actor, " published answered questions of ", coffee(d.coffeeId), " as ", post ? { text: post.title, href: `/posts/${entry.targetId}` } : "a post", "."];
  }
  if (a === "qa.role.add" || a === "qa.role.remove") {
    const role = str(d.role) === "speaker" ? "a speaker" : "a moderator";
    return [actor, a === "qa.role.add" ? " made " : " removed ", user(entry.targetId), a === "qa.role.add" ? ` ${role} of ` : ` as ${role} of `, coffee(d.coffeeId), "."];
  }
  return [actor, ` did “${a}”.`];
}

/** Ids each entry names, so the reader loads every name in one query per kind. */
export function namedIds(entries: EntryForSentence[]) {
  const users = new Set<string>();
  const coffees = new Set<string>();
  const actions = new Set<string>();
  const actionCodes = new Set<string>();
  const posts = new Set<string>();
  for (const e of entries) {
    if (e.actorId) users.add(e.actorId);
    if (e.targetType === "user" && e.targetId) users.add(e.targetId);
    for (const key of ["userId", "expertId"]) if (typeof e.data[key] === "string") users.add(e.data[key] as string);
    if (e.targetType === "coffee" && e.targetId) coffees.add(e.targetId);
    if (typeof e.data.coffeeId === "string") coffees.add(e.data.coffeeId);
    if (e.targetType === "action" && e.targetId) actions.add(e.targetId);
    if (e.action === "roster.deployment_record" && typeof e.data.action === "string") actionCodes.add(e.data.action);
    if (e.targetType === "post" && e.targetId) posts.add(e.targetId);
  }
  return { users: [...users], coffees: [...coffees], actions: [...actions], actionCodes: [...actionCodes], posts: [...posts] };
}
