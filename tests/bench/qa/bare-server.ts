/**
 * The baseline: a bare Socket.IO server (no auth, no database, no validation) that relays the
 * same payloads to one room — questions at once, vote counts every 250 ms — in its own process.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

const httpServer = http.createServer();
const io = new Server(httpServer, { serveClient: false });
const votes = new Map<string, Map<string, number>>();
let timer: NodeJS.Timeout | null = null;

io.on("connection", (socket) => {
  socket.on("join", (room: string, ack: (r: unknown) => void) => {
    void socket.join(room);
    ack({ ok: true });
  });
  socket.on("ask", (room: string, question: unknown, ack: (r: unknown) => void) => {
    io.to(room).emit("qa:question", question);
    ack({ ok: true, question });
  });
  socket.on("vote", (room: string, questionId: string, ack: (r: unknown) => void) => {
    let counts = votes.get(room);
    if (!counts) votes.set(room, (counts = new Map()));
    counts.set(questionId, (counts.get(questionId) ?? 0) + 1);
    timer ??= setTimeout(() => {
      timer = null;
      for (const [r, c] of votes) io.to(r).emit("qa:votes", { sessionId: r, counts: Object.fromEntries(c) });
      votes.clear();
    }, 250);
    ack({ ok: true, votes: counts.get(questionId) });
  });
});

httpServer.listen(0, "127.0.0.1", () => process.send?.({ type: "ready", port: (httpServer.address() as AddressInfo).port }));
process.on("disconnect", () => process.exit(0));
