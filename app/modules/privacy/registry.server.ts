import type { Prisma } from "#app/generated/prisma/client.ts";
import { exportSpotlightData } from "#app/modules/actions/spotlights.server.ts";
import { eraseCallInterestData, exportCallInterestData } from "#app/modules/calls/interests.server.ts";
import { eraseCoffeeData, exportCoffeeData } from "#app/modules/coffee/coffee.server.ts";
import { eraseEmailPreferenceData, exportEmailPreferenceData } from "#app/modules/notifications/email-preferences.server.ts";
import { eraseNotificationData, exportNotificationData } from "#app/modules/notifications/notify.server.ts";
import { erasePostData, exportPostData } from "#app/modules/posts/privacy.server.ts";
import { exportQaData } from "#app/modules/qa/questions.server.ts";
import { eraseRequestData, exportRequestData } from "#app/modules/requests/requests.server.ts";
import { exportResourceData } from "#app/modules/resources/library.server.ts";
import { eraseRosterData, exportRosterData } from "#app/modules/roster/profiles.server.ts";

export type Eraser = (tx: Prisma.TransactionClient, userId: string) => Promise<void>;

/**
 * One domain's part of GDPR access and erasure.
 * - `covers`: the "Model.relationField" pairs (relations to User) this entry answers for;
 *   tests/unit/privacy-registry.test.ts checks every such relation in the schema is covered here
 *   or in NOT_ERASED below.
 * - `erase`: a function run inside the account-deletion transaction, or `{ keep }` saying why
 *   nothing is erased (authored content stays, attributed to "Former member" once the account
 *   row is anonymised).
 */
export type PrivacyEntry = {
  name: string;
  covers: string[];
  exportData: (userId: string) => Promise<Record<string, unknown>>;
  erase: Eraser | { keep: string };
};

const AUTHORED = "Authored content stays, attributed to “Former member” once the account row is anonymised.";

/** Every domain holding personal data, listed explicitly (never filled by import side effects). */
export const PRIVACY_REGISTRY: readonly PrivacyEntry[] = [
  {
    name: "morningCoffee",
    covers: ["CoffeeRegistration.user", "CoffeeFeedback.user", "CoffeeSpeaker.user", "CoffeeCalendarFeed.user"],
    exportData: exportCoffeeData,
    erase: eraseCoffeeData,
  },
  { name: "qa", covers: ["QaQuestion.author", "QaVote.user", "QaRole.user"], exportData: exportQaData, erase: { keep: AUTHORED } },
  { name: "posts", covers: ["Post.author", "PostComment.author", "Reaction.user", "Report.reporter"], exportData: exportPostData, erase: erasePostData },
  { name: "notifications", covers: ["Notification.user", "Notification.actor"], exportData: exportNotificationData, erase: eraseNotificationData },
  { name: "emailPreferences", covers: ["EmailPreference.user", "DigestClaim.user"], exportData: exportEmailPreferenceData, erase: eraseEmailPreferenceData },
  { name: "expertRoster", covers: ["ExpertProfile.user", "RosterApplication.user", "FocalPoint.user"], exportData: exportRosterData, erase: eraseRosterData },
  { name: "callInterests", covers: ["CallInterest.expert"], exportData: exportCallInterestData, erase: eraseCallInterestData },
  { name: "exchangeRequests", covers: ["ExchangeRequest.submitter", "RequestComment.author"], exportData: exportRequestData, erase: eraseRequestData },
  { name: "resources", covers: ["Resource.createdBy"], exportData: exportResourceData, erase: { keep: AUTHORED } },
  { name: "spotlights", covers: ["Spotlight.createdBy"], exportData: exportSpotlightData, erase: { keep: AUTHORED } },
];

/**
 * Relations to User that are handled by the account code itself (app/modules/auth/privacy.server.ts)
 * or that record what someone did to another person's data in a role, with the reason.
 */
export const NOT_IN_REGISTRY: Readonly<Record<string, string>> = {
  "Session.user": "Exported and deleted by exportUserData/deleteAccount themselves.",
  "EmailToken.user": "Deleted by deleteAccount itself; single-use secrets, never exported.",
  "AuditLog.actor": "Exported by exportUserData as activity; kept as the security record, the account row is anonymised.",
  "QaQuestion.answeredBy": "An organiser's answer to someone else's question; stays with the question.",
  "RosterApplication.decidedBy": "An organiser's decision on someone else's application; stays with it.",
  "CallInterest.decidedBy": "An organiser's decision on someone else's interest; stays with it.",
  "CallInterest.focalBy": "A Focal Point's endorsement of someone else's interest; stays with it.",
  "ExpertCall.createdBy": "Calls are published by organisers for an Action; authorship is not shown.",
};
