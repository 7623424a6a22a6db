import crypto from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import { startSession } from "#app/modules/auth/session.server.ts";
import type { Ack, ClientToServerEvents, ServerToClientEvents } from "#app/modules/qa/events.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, type UserOverrides } from "./users.ts";

export type QaClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A Morning Coffee row with only the fields the coffee domain defines today. Live now by default. */
export async function createCoffee(overrides: Partial<{ title: string; slug: string; startsAt: Date; durationMinutes: number; status: string; qaMode: "open" | "moderated" }> = {}) {
  const id = crypto.randomBytes(4).toString("hex");
  return prisma.morningCoffee.create({
    data: {
      title: overrides.title ?? `Morning Coffee on labour mobility ${id}`,
      slug: overrides.slug ?? `morning-coffee-${id}`,
      startsAt: overrides.startsAt ?? new Date(Date.now() - 10 * 60_000),
      durationMinutes: overrides.durationMinutes ?? 90,
      status: overrides.status ?? "published",
      qaMode: overrides.qaMode ?? "open",
    },
  });
}

export async function designate(coffeeId: string, userId: string, role: "moderator" | "speaker") {
  return prisma.qaRole.create({ data: { coffeeId, userId, role } });
}

/** A Cookie header for a new log-in session of `userId`, without going through the form. */
export async function sessionCookie(userId: string) {
  const setCookie = await startSession(userId);
  return setCookie.split(";")[0];
}

/** A user with a log-in session: the user row and its Cookie header. */
export async function createParticipant(overrides: UserOverrides = {}) {
  const user = await createUser(overrides);
  return { user, cookie: await sessionCookie(user.id) };
}

/** A real socket.io client on /qa, sending the cookie and Origin a browser on our site would. */
export function qaSocket(baseUrl: string, cookie?: string, { origin = baseUrl, autoConnect = true }: { origin?: string; autoConnect?: boolean } = {}): QaClient {
  return connect(`${baseUrl}/qa`, {
    transports: ["websocket"],
    extraHeaders: { ...(cookie ? { cookie } : {}), origin },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    autoConnect,
    forceNew: true,
  });
}

export function connected(socket: QaClient): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

/** Emits an event and resolves with its acknowledgement. */
export function request<E extends keyof ClientToServerEvents>(socket: QaClient, event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<Ack<Record<string, unknown>>> {
  return (socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<Record<string, unknown>>> }).emitWithAck(event, payload);
}

/** Collects every event of one kind a client receives. */
export function collect<E extends keyof ServerToClientEvents>(socket: QaClient, event: E) {
  const items: Parameters<ServerToClientEvents[E]>[0][] = [];
  const listener = ((payload: Parameters<ServerToClientEvents[E]>[0]) => items.push(payload)) as never;
  socket.on(event, listener);
  return { items, stop: () => socket.off(event, listener) };
}

export async function waitUntil(check: () => boolean | Promise<boolean>, { timeout = 5000, what = "condition" } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
